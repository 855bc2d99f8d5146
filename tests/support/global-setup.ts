import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../functions/local/dynamo-local.ts';
import { seedTemplate } from './demo-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run; every test file creates its own table in it.
 * When the run includes the e2e files, the demo template they copy is seeded from the start, in
 * the background, while the unit and API files run first (sequencer.ts): the e2e files find it
 * ready instead of both workers waiting a minute or two on it.
 */
export default async function setup(project: TestProject) {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const dynamo = await startDynamoLocal({ port });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  let stopping = false;
  const seeding = runsE2e(project.vitest.config.filters)
    ? seedTemplate(dynamo.endpoint).catch((err) => {
        // Stopping DynamoDB Local under a seed still running (a run that ended early) is expected.
        if (!stopping) console.error('Seeding the demo template failed:', err);
      })
    : undefined;
  return async () => {
    stopping = true;
    await dynamo.stop();
    await seeding;
  };
}

/** Whether the run's file filters (none: every file) take in any e2e file. */
function runsE2e(filters: readonly string[] | undefined): boolean {
  return !filters?.length || filters.some((f) => f.includes('e2e'));
}
