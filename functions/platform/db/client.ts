import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ScopedCredentials } from './tenant-credentials.ts';

export interface DynamoOptions {
  region: string;
  endpoint?: string;
  /** A tenant's scoped credentials; unset: the process's own (Lambda role, or dummy locally). */
  credentials?: ScopedCredentials;
}

/** A DocumentClient; a custom endpoint (DynamoDB Local) gets dummy credentials. */
export function createDocumentClient(opts: DynamoOptions): DynamoDBDocumentClient {
  const local = opts.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined;
  const client = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    credentials: opts.credentials ?? local,
    maxAttempts: 3,
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
