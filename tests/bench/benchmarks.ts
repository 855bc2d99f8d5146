import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dashboard } from '../../functions/benchmarks/benchmarks.service.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { rollupAssociation } from '../../functions/platform/benchmarks/rollup.ts';
import { systemKeys } from '../../functions/platform/db/keys.ts';
import { Store } from '../../functions/platform/db/store.ts';
import { systemDb } from '../../functions/platform/db/system-db.ts';
import { TenantDb } from '../../functions/platform/db/tenant-db.ts';
import { snapshotRepo } from '../../functions/platform/metric-snapshots/snapshots.repo.ts';
import { METRICS, type MetricDefinition } from '../../shared/metrics.ts';
import { PRACTICE_SIZES, REGIONS, SPECIALTIES } from '../../shared/schemas/tenants.ts';
import { localParts, monthsBetween, shiftMonth } from '../../shared/time.ts';
import { countingClient } from './counting-client.ts';

/**
 * `npm run bench -- benchmarks`: an association of 1,000 member practices (BENCH_BENCHMARK_PRACTICES
 * scales it) × 40 metrics × 12 months of snapshots. Prints the rollup's time, heap growth and items
 * read per practice, what it wrote, and the dashboard's p50 through the API with its DynamoDB calls.
 */

const METRIC_COUNT = 40;
const MONTHS = 12;
const READS = 100;
const WRITERS = 16;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

/** The registry plus made-up rates up to 40, so the rollup carries the load the issue names. */
function benchMetrics(): MetricDefinition[] {
  const extra = Array.from({ length: METRIC_COUNT - METRICS.length }, (_, i) => ({
    id: `bench.extra_${String(i + 1).padStart(2, '0')}`,
    label: `Bench rate ${i + 1}`,
    unit: 'percent' as const,
    definition: 'A made-up rate for the bench.',
    source: 'Rounds',
    version: 1,
    module: 'bench',
    better: 'lower' as const,
  }));
  return [...METRICS, ...extra];
}

async function writeAll(server: LocalServer, items: Record<string, unknown>[]) {
  const { doc, tableName } = server.platform.store;
  let next = 0;
  const writer = async () => {
    while (next < items.length) {
      const batch = items.slice(next, next + 25);
      next += 25;
      let pending: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const out = await doc.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }),
        );
        pending = (out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined) ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

async function signUpAssociation(url: string) {
  const email = `bench-assoc-${Date.now()}@example.test`;
  const password = 'Bench-password-2027!';
  const post = async (path: string, body: unknown) =>
    (
      await fetch(`${url}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<Record<string, any>>;
  const signup = await post('/signup', {
    kind: 'association',
    association: { name: 'Bench Practice Association', region: 'pacific', timeZone: 'America/Chicago' },
    owner: { name: 'Bo Bench', email, password },
  });
  const login = await post('/auth/login', { email, password });
  return {
    associationId: signup.tenantId as string,
    userId: signup.userId as string,
    token: login.accessToken as string,
  };
}

/** Member listings and a year of snapshots, written straight to the table (set-up, not measured). */
async function seedMembers(
  server: LocalServer,
  associationId: string,
  practices: number,
  metrics: MetricDefinition[],
) {
  const now = server.platform.clock.now().getTime();
  const last = shiftMonth(localParts(now, 'America/Chicago').date.slice(0, 7), -2);
  const months = monthsBetween(shiftMonth(last, -(MONTHS - 1)), last);
  const specialties = Object.keys(SPECIALTIES);
  const regions = Object.keys(REGIONS);
  const sizes = Object.keys(PRACTICE_SIZES);
  const computedAt = new Date(now).toISOString();
  for (let start = 0; start < practices; start += 50) {
    const items: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(practices, start + 50); i++) {
      const practiceId = `bench-practice-${String(i).padStart(5, '0')}`;
      items.push({
        ...systemKeys.associationMember(associationId, practiceId),
        practiceId,
        practiceName: `Bench practice ${i}`,
        specialty: pick(specialties, i),
        region: pick(regions, Math.floor(i / 3)),
        size: pick(sizes, Math.floor(i / 7)),
        joinedAt: computedAt,
      });
      const db = systemDb(server.platform, practiceId, { id: 'bench', name: 'Bench' });
      for (const month of months) {
        for (const [k, m] of metrics.entries()) {
          const value = m.unit === 'percent' ? ((i * 37 + k * 11) % 100) / 1000 : 100 + ((i * 13 + k) % 50);
          const op = snapshotRepo.createOp(db, {
            month,
            metricId: m.id,
            module: m.module,
            version: m.version,
            value,
            computedAt,
          });
          if (op.kind === 'create') items.push(op.item);
        }
      }
    }
    await writeAll(server, items);
  }
  return months;
}

export async function benchBenchmarks(server: LocalServer, endpoint: string, env: NodeJS.ProcessEnv) {
  const practices = Number(env.BENCH_BENCHMARK_PRACTICES ?? 1000);
  const metrics = benchMetrics();
  console.log(
    `\n== Benchmarks: rollup of ${practices} practices × ${metrics.length} metrics × ${MONTHS} months; the dashboard ==`,
  );
  const assoc = await signUpAssociation(server.url);
  let t0 = performance.now();
  await seedMembers(server, assoc.associationId, practices, metrics);
  console.log(`set-up (snapshots written)     ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 50);
  t0 = performance.now();
  const result = await rollupAssociation(server.platform, assoc.associationId, metrics);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  console.log(`rollup                         ${seconds.toFixed(1)} s for ${result.months.length} months`);
  console.log(
    `items read per practice        ${(result.itemsRead / practices).toFixed(0)} snapshots (${result.itemsRead} in all, one Query each)`,
  );
  console.log(`cells written                  ${result.cells} (one per cohort × window × month)`);
  console.log(`heap growth at peak            ${((heapPeak - heapBefore) / 1048576).toFixed(0)} MB`);

  const counter = countingClient(endpoint);
  const store = new Store(counter.doc, server.platform.config.tableName, 'bench-cursor-secret-0123456789');
  const db = new TenantDb(
    store,
    { tenantId: assoc.associationId },
    { userId: assoc.userId, name: 'Bo Bench', role: 'assoc_admin' },
    'bench',
    server.platform.clock,
  );
  const view = await dashboard(db, { specialty: 'family_medicine' });
  const { calls, items } = counter.report();
  console.log(
    `DynamoDB per dashboard         ${calls} (${items} items read; ${view.metrics.length} metrics, ${view.months.length} months)`,
  );
  const api: number[] = [];
  const path = `${server.url}/api/benchmarks/dashboard?specialty=family_medicine`;
  for (let i = 0; i < READS; i++) {
    const t = performance.now();
    await (await fetch(path, { headers: { authorization: `Bearer ${assoc.token}` } })).arrayBuffer();
    api.push(performance.now() - t);
  }
  console.log(`GET /api/benchmarks/dashboard  p50 ${median(api).toFixed(1)} ms (${READS} sequential)`);
}
