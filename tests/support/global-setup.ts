import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../functions/local/dynamo-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One in-memory DynamoDB Local for the whole run; every test file creates its own table in it. */
export default async function setup(project: TestProject) {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const dynamo = await startDynamoLocal({ port });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
