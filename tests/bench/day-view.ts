/**
 * Day-view benchmark: p50/p99 of GET /api/scheduling/day for a location with 10 providers and
 * 300 appointments, beside the raw Query it makes, with 10 and then 200 practices of 5,000
 * appointments each in the table (it must stay flat). BENCH_PRACTICES / BENCH_APPOINTMENTS
 * scale it down on a slow machine.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalServer } from '../../functions/local/server.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { addDays } from '../../shared/time.ts';
import { loadAppointments } from '../support/appointment-load.ts';

const PROVIDERS = 10;
const PER_DAY = 30;
const READS = 300;

interface Stats {
  api: number[];
  raw: number[];
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function json(server: LocalServer, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, any>>;
}

/** A real practice (sign-up, location) to read as; its appointments are bulk-loaded. */
async function probePractice(server: LocalServer) {
  const email = `bench.${Date.now()}@example.test`;
  const password = 'Bench-password-2026!';
  const signup = await json(server, 'POST', '/signup', {
    kind: 'practice',
    practice: {
      name: 'Bench Clinic',
      specialty: 'family_medicine',
      region: 'pacific',
      size: 'large',
      timeZone: 'America/Chicago',
    },
    owner: { name: 'Bench Owner', email, password },
  });
  const { accessToken } = await json(server, 'POST', '/auth/login', { email, password });
  const location = await json(
    server,
    'POST',
    '/locations',
    {
      name: 'Bench Office',
      address: { line1: '1 Bench St', city: 'Austin', state: 'TX', postalCode: '73301' },
      phone: '(512) 555-0100',
      timeZone: 'America/Chicago',
      hours: DEFAULT_HOURS,
    },
    accessToken,
  );
  return {
    tenantId: signup.tenantId as string,
    token: accessToken as string,
    locationId: location.id as string,
  };
}

async function loadPractice(server: LocalServer, tenantId: string, locationId: string, appointments: number) {
  const days = Math.ceil(appointments / (PROVIDERS * PER_DAY));
  const start = '2027-06-01';
  return loadAppointments(server.platform.store.doc, server.platform.store.tableName, {
    tenantId,
    locationId,
    timeZone: 'America/Chicago',
    providerIds: Array.from({ length: PROVIDERS }, (_, i) => `prov${i}`),
    dates: Array.from({ length: days }, (_, i) => addDays(start, i)),
    perDay: PER_DAY,
  });
}

async function measure(
  server: LocalServer,
  probe: Awaited<ReturnType<typeof probePractice>>,
): Promise<Stats> {
  const doc = server.platform.store.doc;
  const query = () =>
    doc.send(
      new QueryCommand({
        TableName: server.platform.store.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: {
          ':pk': tenantKeys.appointmentsOfDay(probe, probe.locationId, '2027-06-01'),
        },
      }),
    );
  const view = async () => {
    const res = await fetch(
      `${server.url}/api/scheduling/day?locationId=${probe.locationId}&date=2027-06-01`,
      {
        headers: { authorization: `Bearer ${probe.token}` },
      },
    );
    const body = (await res.json()) as { appointments: unknown[] };
    if (body.appointments.length !== PROVIDERS * PER_DAY) throw new Error('day view is incomplete');
  };
  for (let i = 0; i < 20; i++) await Promise.all([view(), query()]);
  const stats: Stats = { api: [], raw: [] };
  for (let i = 0; i < READS; i++) {
    let t0 = performance.now();
    await view();
    stats.api.push(performance.now() - t0);
    t0 = performance.now();
    await query();
    stats.raw.push(performance.now() - t0);
  }
  return stats;
}

const line = (label: string, s: Stats) =>
  console.log(
    `${label.padEnd(28)} day view p50 ${percentile(s.api, 50).toFixed(1)} ms p99 ${percentile(s.api, 99).toFixed(1)} ms | raw Query p50 ${percentile(s.raw, 50).toFixed(1)} ms p99 ${percentile(s.raw, 99).toFixed(1)} ms | ratio p50 ${(percentile(s.api, 50) / percentile(s.raw, 50)).toFixed(2)}x`,
  );

/** Runs the day-view benchmark against a running local server. */
export async function benchDayView(server: LocalServer, env: Record<string, string | undefined>) {
  const practices = Number(env.BENCH_PRACTICES ?? 200);
  const appointments = Number(env.BENCH_APPOINTMENTS ?? 5000);
  console.log(
    `\n== Day view: ${PROVIDERS} providers x ${PER_DAY} visits, ${practices} practices x ${appointments} appointments ==`,
  );
  const probe = await probePractice(server);
  const started = performance.now();
  let loaded = await loadPractice(server, probe.tenantId, probe.locationId, appointments);
  const firstWave = Math.min(10, practices);
  for (let i = 1; i < firstWave; i++)
    loaded += await loadPractice(server, `BENCH${i}`, `LOC${i}`, appointments);
  console.log(`loaded ${loaded} appointments in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  line(`${firstWave} practices`, await measure(server, probe));
  for (let i = firstWave; i < practices; i++)
    loaded += await loadPractice(server, `BENCH${i}`, `LOC${i}`, appointments);
  console.log(`loaded ${loaded} appointments in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  line(`${practices} practices`, await measure(server, probe));
}
