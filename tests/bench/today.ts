import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalServer } from '../../functions/local/server.ts';
import { ensureTable } from '../../functions/local/table.ts';
import { createDocumentClient } from '../../functions/platform/db/client.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { Store } from '../../functions/platform/db/store.ts';
import { TenantDb } from '../../functions/platform/db/tenant-db.ts';
import { planDueDateOps } from '../../functions/platform/due/due-dates.ts';
import { runDueAlerts } from '../../functions/platform/due/due-runner.ts';
import { todayItemRecord } from '../../functions/platform/today/today-items.ts';
import { todayView } from '../../functions/today/today.service.ts';
import { addDays, localParts } from '../../shared/time.ts';

const DONE_ITEMS = 2000;
const READS = 200;

/** Counts the DynamoDB commands a document client sends, by name. */
function countingClient(endpoint: string) {
  const doc = createDocumentClient({ region: 'us-east-1', endpoint });
  const counts = new Map<string, number>();
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      counts.set(context.commandName ?? '?', (counts.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCounter' },
  );
  return { doc, counts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Today for the demo manager: DynamoDB calls per load with 2,000 done items in the practice
 * (they must not be read), and its latency beside a raw Query of the same open-items partition.
 */
export async function benchToday(server: LocalServer, endpoint: string): Promise<void> {
  console.log(`\n== Today: the demo manager's inbox with ${DONE_ITEMS} done items in the practice ==`);
  const p = server.platform;
  const login = await (
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@maplestreet.example', password: 'Rounds-demo-2026!' }),
    })
  ).json();
  const me = await (
    await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${login.accessToken}` } })
  ).json();
  const scope = { tenantId: me.tenant.id as string };
  await addDoneItems(p.store, scope, me.user.id);

  const { doc, counts } = countingClient(endpoint);
  const store = new Store(doc, p.config.tableName, 'bench-cursor-secret-0123456789');
  const db = new TenantDb(
    store,
    scope,
    { userId: me.user.id, name: 'Maria Lopez', role: 'manager' },
    'bench',
    p.clock,
  );
  const view = await todayView(db, { userId: me.user.id, role: 'manager' }, 'mine');
  const calls = [...counts.entries()].map(([k, v]) => `${v} ${k.replace('Command', '')}`).join(', ');
  const listed = view.overdue.length + view.today.length + view.upcoming.length + view.waiting.length;
  console.log(`DynamoDB calls for one Today  ${calls} (${listed} items listed)`);

  const api: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await fetch(`${server.url}/api/today`, { headers: { authorization: `Bearer ${login.accessToken}` } });
    api.push(performance.now() - t0);
  }
  const raw: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await doc.send(
      new QueryCommand({
        TableName: p.config.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': tenantKeys.todayOpenPartition(scope) },
      }),
    );
    raw.push(performance.now() - t0);
  }
  console.log(`GET /api/today p50            ${median(api).toFixed(1)} ms (${READS} sequential)`);
  console.log(`raw Query, same partition p50 ${median(raw).toFixed(1)} ms`);
}

async function addDoneItems(store: Store, scope: { tenantId: string }, userId: string) {
  const now = new Date();
  const items = Array.from({ length: DONE_ITEMS }, (_, i) => {
    const id = `bench-done-${String(i).padStart(5, '0')}`;
    const record = todayItemRecord(
      scope,
      id,
      {
        source: 'today',
        kind: 'request',
        title: `Old request ${i}`,
        assignee: { userId, name: 'Maria Lopez' },
      },
      { userId, name: 'Maria Lopez' },
      now,
    );
    const { GSI1PK: _pk, GSI1SK: _sk, ...closed } = record;
    const doneAt = new Date(now.getTime() - i * 60_000).toISOString();
    return {
      ...closed,
      status: 'done',
      doneAt,
      doneByName: 'Maria Lopez',
      GSI2PK: tenantKeys.todayDonePartition(scope),
      GSI2SK: tenantKeys.todayDoneSort(doneAt, id),
    };
  });
  await batchPut(store.doc, store.tableName, items);
}

async function batchPut(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  // A few writers at once: DynamoDB Local takes batches faster in parallel than one by one.
  for (let i = 0; i < chunks.length; i += 8) {
    await Promise.all(
      chunks.slice(i, i + 8).map(async (chunk) => {
        let pending: Record<string, unknown>[] | undefined = chunk;
        while (pending?.length) {
          const out: {
            UnprocessedItems?: Record<string, { PutRequest?: { Item?: Record<string, unknown> } }[]>;
          } = await doc.send(
            new BatchWriteCommand({
              RequestItems: { [table]: pending.map((Item) => ({ PutRequest: { Item } })) },
            }),
          );
          pending = out.UnprocessedItems?.[table]?.map((r) => r.PutRequest!.Item!);
        }
      }),
    );
  }
}

/**
 * The due queue at scale: N practices (default 10,000) with 20 dated things each (alerts at 90, 60,
 * 30 and 0 days), due over the next year. One day later the runner sends what came due; it
 * should read only those entries (items read per alert sent = 1) with few queries.
 */
export async function benchDueQueue(endpoint: string, env: NodeJS.ProcessEnv): Promise<void> {
  const practices = Number(env.BENCH_DUE_PRACTICES ?? 10_000);
  const perPractice = 20;
  console.log(
    `\n== Due queue: ${practices} practices × ${perPractice} dated things (90/60/30/0-day alerts) ==`,
  );
  const table = `bench-due-${Date.now()}`;
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, table);
  client.destroy();
  const { doc, counts } = countingClient(endpoint);
  const store = new Store(doc, table, 'bench-cursor-secret-0123456789');
  const start = Date.parse('2027-01-04T12:00:00Z');
  const today = localParts(start, 'America/Chicago').date;
  const t0 = performance.now();
  let entries = 0;
  for (let p = 0; p < practices; p++) {
    const items: Record<string, unknown>[] = [];
    const tenantId = `BENCH${String(p).padStart(6, '0')}`;
    for (let k = 0; k < perPractice; k++) {
      const planned = planDueDateOps(
        { tenantId },
        undefined,
        {
          source: 'scheduling',
          kind: 'license',
          ref: `thing${k}`,
          title: `Thing ${k}`,
          verb: 'expires',
          owner: { role: 'manager' },
          dueDate: addDays(today, 1 + ((p * perPractice + k) % 365)),
          timeZone: 'America/Chicago',
          offsets: [90, 60, 30, 0],
        },
        new Date(start),
      );
      for (const op of [...planned.ops, ...planned.platformOps]) if (op.kind === 'put') items.push(op.item);
      entries += planned.thing.planned.length;
    }
    // Things of one practice can share an hour's marker: a batch may name each key once.
    const unique = new Map(items.map((i) => [`${i.PK}|${i.SK}`, i]));
    await batchPut(doc, table, [...unique.values()]);
    if ((p + 1) % 1000 === 0) process.stdout.write(`  ${p + 1} practices written\r`);
  }
  console.log(`wrote ${entries} queue entries in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  counts.clear();
  // A day and a bit later: tomorrow's 08:00 Chicago alerts have come.
  const clock = { now: () => new Date(start + 30 * 3600_000) };
  const quiet = { info() {}, warn() {}, error() {} };
  const jobs = { mailQueued: async () => {} };
  const config = { publicUrl: 'https://rounds.example', port: 0 } as never;
  // First run ever: it looks back two days, as after an outage.
  const t1 = performance.now();
  const run = await runDueAlerts({ store, clock, logger: quiet, jobs, config });
  const seconds = (performance.now() - t1) / 1000;
  console.log(
    `one day's run: ${run.sent} alerts sent, ${run.read} queue items read (${(run.read / Math.max(1, run.sent)).toFixed(2)} per alert), ` +
      `${run.queries} queue queries over ${run.hours} hours, ${seconds.toFixed(1)} s`,
  );
  console.log(
    `DynamoDB calls in the run: ${[...counts.entries()].map(([k, v]) => `${v} ${k.replace('Command', '')}`).join(', ')}`,
  );
}
