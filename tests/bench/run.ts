/**
 * `npm run bench`: prints figures, asserts nothing.
 * 1. Each Lambda entry's bundle size and cold import time beside an empty Node process
 *    and a bare DynamoDB client import.
 * 2. p50/p99 of one authenticated read through the API next to a raw GetItem on the same item.
 * 3. The scheduling day view at 10 and at 200 practices (day-view.ts).
 * 4. The day view's cold load in Chromium: API requests, their depth, long tasks (day-load.ts).
 * 5. Lighthouse's performance score of the day view, desktop and mobile (lighthouse.ts).
 * 6. Today: DynamoDB calls per load with many done items, beside a raw Query (today.ts).
 * 7. The due queue at 10,000 practices × 20 dated things: items read per alert sent (today.ts).
 * 8. Files: a 5 MB upload round trip through the signed links of the local host (files.ts).
 * 9. PDF: a ten-page branded document's render time (pdf.ts).
 * 10. Documents: publish to the whole demo team, sign, the signature sheet, and the evidence zip
 *     of the demo handbook (documents.ts).
 * 11. Billing: a practice with 100,000 service lines over 3 years: 835 import speed, the KPI
 *     dashboard and aging beside a raw Query (billing.ts).
 * 12. HR: the week of shifts with coverage at a location with 40 staff and 10 providers: DynamoDB
 *     calls and items read per view, p50 beside a raw Query of the week's shifts (hr.ts).
 * 13. Benchmarks: an association's rollup of 1,000 practices × 40 metrics × 12 months (time, heap,
 *     items read per practice) and its dashboard's p50 with its DynamoDB calls (benchmarks.ts).
 * `npm run bench -- <section>` runs one section: bundles, read, day-view, day-load, lighthouse,
 * today, due-queue, files, pdf, documents, billing, hr, benchmarks (BENCH_DUE_PRACTICES=1000 for a quicker due-queue run).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { startDynamoLocal } from '../../functions/local/dynamo-local.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { LAMBDA_BUNDLING, LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';
import { benchBenchmarks } from './benchmarks.ts';
import { benchBilling } from './billing.ts';
import { benchDayLoad } from './day-load.ts';
import { benchDayView } from './day-view.ts';
import { benchDocuments } from './documents.ts';
import { benchFiles } from './files.ts';
import { benchHr } from './hr.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchPdf } from './pdf.ts';
import { benchDueQueue, benchToday } from './today.ts';

const OUT = resolve('.bench');
const RUNS = 15;
const READS = 1000;

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Wall time of one fresh `node` running `script`. */
function timeProcess(script: string, env: Record<string, string>): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: 'pipe',
  });
  if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
  return performance.now() - started;
}

/** Median wall time of `script`, median of RUNS. */
function coldStart(script: string, env: Record<string, string>): number {
  return median(Array.from({ length: RUNS }, () => timeProcess(script, env)));
}

/**
 * Medians of `script` and of `baseline`, run alternately so machine noise hits both alike:
 * the ratio is what the budget is about.
 */
function coldStartBeside(script: string, baseline: string, env: Record<string, string>) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(timeProcess(script, env));
    b.push(timeProcess(baseline, env));
  }
  return { ms: median(a), baseline: median(b) };
}

const SECTIONS = [
  'bundles',
  'read',
  'day-view',
  'day-load',
  'lighthouse',
  'today',
  'due-queue',
  'files',
  'pdf',
  'documents',
  'billing',
  'hr',
  'benchmarks',
] as const;
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(SECTIONS as readonly string[]).includes(w));
const runs = (section: (typeof SECTIONS)[number]) => wanted.length === 0 || wanted.includes(section);

async function main() {
  if (unknown.length)
    throw new Error(`Unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  mkdirSync(OUT, { recursive: true });
  const dynamo = await startDynamoLocal({ port: 18999 });
  try {
    const server = await startLocalServer({
      dynamoEndpoint: dynamo.endpoint,
      tableName: 'bench',
      seed: true,
    });
    const env = { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'bench', LOG_LEVEL: 'silent' };

    if (runs('bundles')) await benchBundles(env);
    if (runs('read')) await benchRead(server);
    if (runs('day-view')) await benchDayView(server, process.env);
    if (runs('day-load')) await benchDayLoad(server);
    if (runs('lighthouse')) await benchLighthouse(server);
    if (runs('today')) await benchToday(server, dynamo.endpoint);
    if (runs('due-queue')) await benchDueQueue(dynamo.endpoint, process.env);
    if (runs('files')) await benchFiles(server);
    if (runs('pdf')) await benchPdf(OUT);
    if (runs('documents')) await benchDocuments(server);
    if (runs('billing')) await benchBilling(server, process.env);
    if (runs('hr')) await benchHr(server, dynamo.endpoint);
    if (runs('benchmarks')) await benchBenchmarks(server, dynamo.endpoint, process.env);
    await server.close();
  } finally {
    await dynamo.stop();
  }
}

async function benchBundles(env: Record<string, string>) {
  console.log('\n== Lambda bundles (esbuild settings of infra/lambda-bundling.ts) ==');
  const sdkEntry = join(OUT, 'bare-dynamodb.ts');
  writeFileSync(sdkEntry, "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n");
  await build({
    ...LAMBDA_BUNDLING,
    entryPoints: [sdkEntry],
    outfile: join(OUT, 'bare-dynamodb.mjs'),
    nodePaths: [resolve('node_modules')],
  });
  const empty = coldStart('', env);
  const bare = coldStart(`await import(${JSON.stringify(join(OUT, 'bare-dynamodb.mjs'))});`, env);
  console.log(`empty node process           ${fmt(empty)}`);
  console.log(
    `bare DynamoDB client import  ${fmt(bare)} (bundle ${(statSync(join(OUT, 'bare-dynamodb.mjs')).size / 1024).toFixed(0)} KB)`,
  );
  // Imported as Lambda would: RUNTIME=cloud, so init builds the Cognito, STS and EMF adapters
  // and reads the cursor secret from the table (one GetItem), exactly the cold-start path.
  const cloudEnv = { ...env, RUNTIME: 'cloud', SERVICE_NAME: 'bench' };
  const entries: [string, string][] = [
    ...LAMBDA_DOMAINS.map((d): [string, string] => [d, `functions/${d}/handler.ts`]),
    ['jobs-stream', 'functions/jobs/stream.handler.ts'],
    ['jobs-schedule', 'functions/jobs/schedule.handler.ts'],
    ['pre-token', 'functions/platform/identity/pre-token.handler.ts'],
  ];
  for (const [name, entry] of entries) {
    const outfile = join(OUT, `${name}.mjs`);
    await build({ ...LAMBDA_BUNDLING, entryPoints: [entry], outfile });
    const size = statSync(outfile).size / 1024;
    const cold = coldStartBeside(
      `await import(${JSON.stringify(outfile)});`,
      `await import(${JSON.stringify(join(OUT, 'bare-dynamodb.mjs'))});`,
      cloudEnv,
    );
    const ratio = cold.ms / cold.baseline;
    const verdict = size < 600 && ratio < 1.5 ? 'within budget' : 'OVER BUDGET (600 KB, 1.5x)';
    console.log(
      `${name.padEnd(28)} ${fmt(cold.ms)} (bundle ${size.toFixed(0)} KB; ${ratio.toFixed(2)}x the bare client run alternately [${fmt(cold.baseline)}], ${(cold.ms / bare).toFixed(2)}x its solo median) ${verdict}`,
    );
  }
}

async function benchRead(server: Awaited<ReturnType<typeof startLocalServer>>) {
  console.log(`\n== One authenticated read: GET /api/tenant vs raw GetItem (${READS} each, sequential) ==`);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@maplestreet.example', password: 'Rounds-demo-2026!' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const me = (await (
    await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as {
    tenant: { id: string };
  };
  const api: number[] = [];
  const raw: number[] = [];
  const doc = server.platform.store.doc;
  const key = tenantKeys.tenant({ tenantId: me.tenant.id });
  for (let i = 0; i < 50; i++) {
    await fetch(`${server.url}/api/tenant`, { headers: { authorization: `Bearer ${accessToken}` } });
    await doc.send(new GetCommand({ TableName: 'bench', Key: key, ConsistentRead: true }));
  }
  for (let i = 0; i < READS; i++) {
    let t0 = performance.now();
    const res = await fetch(`${server.url}/api/tenant`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    await res.arrayBuffer();
    api.push(performance.now() - t0);
    t0 = performance.now();
    await doc.send(new GetCommand({ TableName: 'bench', Key: key, ConsistentRead: true }));
    raw.push(performance.now() - t0);
  }
  const row = (name: string, xs: number[]) =>
    console.log(`${name.padEnd(28)} p50 ${fmt(percentile(xs, 50))}  p99 ${fmt(percentile(xs, 99))}`);
  row('API GET /api/tenant', api);
  row('raw GetItem', raw);
  console.log(
    `ratio (API / raw)            p50 ${(percentile(api, 50) / percentile(raw, 50)).toFixed(2)}x  p99 ${(percentile(api, 99) / percentile(raw, 99)).toFixed(2)}x`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
