/**
 * `npm run bench -- billing`: a practice with 100,000 service lines over three years (BENCH_BILLING_LINES
 * scales it), imported through the API as monthly 837P batches and weekly 835s. Prints the import
 * speed of a 5,000-claim 835 in claims per second, and p50/p99 of the KPI dashboard and the aging
 * beside a raw Query of the ledger items they read, with how many items that is.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { demoBilling } from '../../functions/local/billing-demo.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { addDays } from '../../shared/time.ts';
import type { Remittance835 } from '../../shared/x12/x12-types.ts';
import { write835, write837P } from '../../shared/x12/x12-writer.ts';

const READS = 100;
const LINES_PER_CLAIM = 1.45;
const WEEKDAYS_PER_YEAR = 261;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function json(server: LocalServer, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json() as Promise<Record<string, any>>;
}

async function benchPractice(server: LocalServer) {
  const email = `billing.${Date.now()}@example.test`;
  const password = 'Bench-password-2026!';
  const signup = await json(server, 'POST', '/signup', {
    kind: 'practice',
    practice: {
      name: 'Bench Billing Clinic',
      specialty: 'family_medicine',
      region: 'pacific',
      size: 'large',
      timeZone: 'America/Chicago',
    },
    owner: { name: 'Bench Owner', email, password },
  });
  const { accessToken } = await json(server, 'POST', '/auth/login', { email, password });
  return { tenantId: signup.tenantId as string, token: accessToken as string };
}

function byMonth<T>(items: T[], date: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const i of items) groups.set(date(i).slice(0, 7), [...(groups.get(date(i).slice(0, 7)) ?? []), i]);
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
}

/** The first remittances that hold at least `claims` claims, as one 835 file. */
function takeClaims(remits: Remittance835[], claims: number): [Remittance835[], Remittance835[]] {
  let n = 0;
  let i = 0;
  while (i < remits.length && n < claims) n += remits[i++]!.claims.length;
  return [remits.slice(0, i), remits.slice(i)];
}

async function timeReads(f: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await f();
  const out: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchBilling(server: LocalServer, env: NodeJS.ProcessEnv): Promise<void> {
  const lines = Number(env.BENCH_BILLING_LINES ?? 100_000);
  const claimsPerDay = lines / LINES_PER_CLAIM / (3 * WEEKDAYS_PER_YEAR);
  console.log(
    `\n== Billing: ~${lines.toLocaleString('en-US')} service lines over 3 years (${claimsPerDay.toFixed(0)} claims a weekday) ==`,
  );
  const practice = await benchPractice(server);
  const today = new Date().toISOString().slice(0, 10);
  const demo = demoBilling({
    seed: 42,
    from: addDays(today, -3 * 365),
    days: 3 * 365,
    claimsPerDay,
    today,
    providers: Array.from({ length: 8 }, (_, i) => ({
      npi: `19${String(i).padStart(8, '0')}`,
      name: `Provider ${i + 1}`,
      facilities: ['Main'],
    })),
  });
  const serviceLines = demo.claims.reduce((s, c) => s + c.lines.length, 0);
  console.log(
    `generated ${demo.claims.length.toLocaleString('en-US')} claims, ${serviceLines.toLocaleString('en-US')} service lines, ${demo.remittances.length} remittances`,
  );
  const env835 = { senderId: 'PAYERS', receiverId: 'BENCH', date: today };
  let control = 1;
  let t0 = performance.now();
  for (const claims of byMonth(demo.claims, (c) => c.submittedDate)) {
    const text = write837P(claims, { ...env835, interchangeControl: String(control++) });
    await json(server, 'POST', '/billing/claim-batches', { text }, practice.token);
  }
  const claimSecs = (performance.now() - t0) / 1000;
  console.log(
    `837P import, monthly batches     ${(demo.claims.length / claimSecs).toFixed(0)} claims/s (${claimSecs.toFixed(0)} s)`,
  );
  const [first, rest] = takeClaims(demo.remittances, 5000);
  const bigText = write835(first, { ...env835, interchangeControl: String(control++) });
  const bigClaims = first.reduce((s, r) => s + r.claims.length, 0);
  t0 = performance.now();
  await json(server, 'POST', '/billing/remittances', { text: bigText }, practice.token);
  const bigSecs = (performance.now() - t0) / 1000;
  console.log(
    `one 835 of ${bigClaims} claims (${(bigText.length / 1024).toFixed(0)} KB, ${first.length} payments)   ${(bigClaims / bigSecs).toFixed(0)} claims/s (${bigSecs.toFixed(1)} s)`,
  );
  for (const remits of byMonth(rest, (r) => r.paymentDate)) {
    await json(
      server,
      'POST',
      '/billing/remittances',
      { text: write835(remits, { ...env835, interchangeControl: String(control++) }) },
      practice.token,
    );
  }
  const doc = server.platform.store.doc;
  const scope = { tenantId: practice.tenantId };
  const rawQuery = async (partition: string) => {
    let items = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const res = await doc.send(
        new QueryCommand({
          TableName: 'bench',
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ExclusiveStartKey: start,
        }),
      );
      items += res.Items?.length ?? 0;
      start = res.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const ledgerItems = await rawQuery(tenantKeys.billingLedgerPartition(scope));
  const arItems = await rawQuery(tenantKeys.billingArPartition(scope));
  const dirItems = await rawQuery(tenantKeys.billingDirectoryPartition(scope));
  const dash = await timeReads(() =>
    json(server, 'GET', '/billing/dashboard?months=12', undefined, practice.token),
  );
  const aging = await timeReads(() =>
    json(server, 'GET', '/billing/aging?by=payer', undefined, practice.token),
  );
  const raw = await timeReads(() => rawQuery(tenantKeys.billingLedgerPartition(scope)));
  const row = (name: string, xs: number[], note: string) =>
    console.log(`${name.padEnd(34)} p50 ${ms(percentile(xs, 50))}  p99 ${ms(percentile(xs, 99))}  ${note}`);
  row(
    'GET /billing/dashboard (12 months)',
    dash,
    `reads ${ledgerItems} ledger + ${dirItems} directory items + the tenant and its locations`,
  );
  row('GET /billing/aging', aging, `reads ${arItems} A/R + ${dirItems} directory items + the tenant`);
  row('raw Query of the ledger partition', raw, `${ledgerItems} items`);
}
