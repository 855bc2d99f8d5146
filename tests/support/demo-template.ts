import { cp } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { seedDemo } from '../../functions/local/seed.ts';
import { ensureTable } from '../../functions/local/table.ts';
import { createPlatform } from '../../functions/platform/bootstrap.ts';
import { loadConfig } from '../../functions/platform/config.ts';

/**
 * The demo seed runs every write through the real services (~30 s alone, a minute and more when
 * two test workers seed at once on 2 cores). E2E files only need its result, so the first file to
 * ask seeds one template table per DynamoDB Local and every file copies the items into its own
 * table (a few seconds). Test-only: the copy reads the template with Scan.
 */
const TEMPLATE_TABLE = 'demo-template';
/** Links in seeded mail point here; the copy rewrites them to the file's own server. */
const TEMPLATE_ORIGIN = 'http://demo-template.invalid';
const LOCK = { PK: { S: 'TEST#TEMPLATE' }, SK: { S: 'LOCK' } };
const DONE = { PK: { S: 'TEST#TEMPLATE' }, SK: { S: 'DONE' } };
const WAIT_MS = 280_000;

/** Fills `tableName` with the seeded demo, as if that server had seeded it for `origin`. */
export async function copyDemoInto(endpoint: string, tableName: string, origin: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await ensureTemplate(client, endpoint);
    await copyItems(client, tableName, origin);
    await copyFiles(tableName);
  } finally {
    client.destroy();
  }
}

/**
 * Seeds the template now, before any e2e file asks (the run's global set-up starts it in the
 * background while the unit and API files run). Resolves once it is seeded or another process
 * holds the lock.
 */
export async function seedTemplate(endpoint: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await ensureTemplate(client, endpoint);
  } finally {
    client.destroy();
  }
}

function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function ensureTemplate(client: DynamoDBClient, endpoint: string): Promise<void> {
  await ensureTable(client, TEMPLATE_TABLE);
  if (await takeLock(client)) {
    const platform = await createPlatform(
      loadConfig({ TABLE_NAME: TEMPLATE_TABLE, DYNAMODB_ENDPOINT: endpoint, PORT: '0', LOG_LEVEL: 'silent' }),
    );
    await seedDemo(platform, TEMPLATE_ORIGIN);
    await client.send(new PutItemCommand({ TableName: TEMPLATE_TABLE, Item: DONE }));
    return;
  }
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const done = await client.send(new GetItemCommand({ TableName: TEMPLATE_TABLE, Key: DONE }));
    if (done.Item) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The demo template was not seeded in time by another test worker');
}

async function takeLock(client: DynamoDBClient): Promise<boolean> {
  try {
    await client.send(
      new PutItemCommand({
        TableName: TEMPLATE_TABLE,
        Item: LOCK,
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/** The seeded files' bytes (the demo logo): the local store keeps them in one folder per table. */
async function copyFiles(tableName: string): Promise<void> {
  const folder = (table: string) => resolve(loadConfig({ TABLE_NAME: table }).dataDir, 'files', table);
  await cp(folder(TEMPLATE_TABLE), folder(tableName), { recursive: true, force: false }).catch((err) => {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  });
}

async function copyItems(client: DynamoDBClient, tableName: string, origin: string): Promise<void> {
  let start: Record<string, unknown> | undefined;
  const writes: Promise<void>[] = [];
  do {
    const page = await client.send(
      new ScanCommand({ TableName: TEMPLATE_TABLE, ExclusiveStartKey: start as never }),
    );
    const items = (page.Items ?? []).filter((i) => i.PK?.S !== 'TEST#TEMPLATE');
    for (let i = 0; i < items.length; i += 25) {
      const requests = items.slice(i, i + 25).map(
        (item): WriteRequest => ({
          PutRequest: { Item: JSON.parse(JSON.stringify(item).replaceAll(TEMPLATE_ORIGIN, origin)) },
        }),
      );
      writes.push(writeAll(client, { RequestItems: { [tableName]: requests } }));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  await Promise.all(writes);
}

async function writeAll(client: DynamoDBClient, input: BatchWriteItemCommandInput): Promise<void> {
  let pending: BatchWriteItemCommandInput['RequestItems'] = input.RequestItems;
  while (pending && Object.keys(pending).length > 0) {
    const out = await client.send(new BatchWriteItemCommand({ RequestItems: pending }));
    pending = out.UnprocessedItems;
  }
}
