import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { StreamRecord } from '../../functions/jobs/stream.handler.ts';
import { ensureTable } from '../../functions/local/table.ts';
import { createDocumentClient } from '../../functions/platform/db/client.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { Store } from '../../functions/platform/db/store.ts';
import { queueMail } from '../../functions/platform/mail/outbox.ts';
import type { OutboxMessage } from '../../shared/schemas/outbox.ts';

let store: Store;
const tenantId = '01JJOBTENANT';

/** A Streams INSERT record as DynamoDB delivers it (string attributes only are read). */
function insertRecord(item: Record<string, string>, sequence: string): StreamRecord {
  const image = Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { S: v }]));
  return { eventName: 'INSERT', dynamodb: { SequenceNumber: sequence, NewImage: image } };
}

async function queued() {
  const { op, message } = queueMail(
    { tenantId },
    { to: 'a@clinic.test', subject: 'Hi', text: 'Hello', kind: 'team.invite' },
    new Date(),
  );
  await store.transact([op]);
  return { ...tenantKeys.outbox({ tenantId }, message.id), type: 'outbox', id: message.id };
}

beforeAll(async () => {
  const tableName = `j-${randomUUID()}`;
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  process.env.TABLE_NAME = tableName;
  process.env.LOG_LEVEL = 'silent';
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: inject('dynamoEndpoint'),
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  store = new Store(
    createDocumentClient({ region: 'us-east-1', endpoint: inject('dynamoEndpoint') }),
    tableName,
    'x'.repeat(16),
  );
});

describe('Streams consumer entry', () => {
  it('delivers inserted outbox items and ignores other changes', async () => {
    const { handler } = await import('../../functions/jobs/stream.handler.ts');
    const item = await queued();
    const out = await handler({
      Records: [
        insertRecord({ PK: `T#${tenantId}#ORG`, SK: 'LOC#1', type: 'location' }, '1'),
        insertRecord({ PK: item.PK, SK: item.SK, type: 'outbox' }, '2'),
        { eventName: 'MODIFY', dynamodb: { SequenceNumber: '3' } },
      ],
    });
    expect(out).toEqual({ batchItemFailures: [] });
    const stored = await store.get<OutboxMessage>(tenantKeys.outbox({ tenantId }, item.id));
    expect(stored?.status).toBe('sent');
  });

  it('reports only the failing record, so Lambda retries it alone and then dead-letters it', async () => {
    const { handler } = await import('../../functions/jobs/stream.handler.ts');
    const good = await queued();
    // A partition key over DynamoDB's 2 KB limit makes the store call itself fail.
    const bad = { PK: `T#${'x'.repeat(2100)}#OUTBOX`, SK: 'MSG#1', type: 'outbox' };
    const out = await handler({
      Records: [insertRecord(bad, '10'), insertRecord({ PK: good.PK, SK: good.SK, type: 'outbox' }, '11')],
    });
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: '10' }] });
    expect((await store.get<OutboxMessage>(tenantKeys.outbox({ tenantId }, good.id)))?.status).toBe('sent');
  });
});

describe('schedule entry', () => {
  it('runs a named job and reports its counts', async () => {
    const { handler } = await import('../../functions/jobs/schedule.handler.ts');
    expect(await handler({ job: 'mail-retry' })).toEqual({ sent: 0, skipped: 0, retry: 0, failed: 0 });
  });

  it('throws on an unknown job so EventBridge retries and dead-letters it', async () => {
    const { handler } = await import('../../functions/jobs/schedule.handler.ts');
    await expect(handler({ job: 'no-such-job' })).rejects.toThrow('Unknown scheduled job');
  });
});
