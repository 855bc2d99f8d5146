import { beforeAll, describe, expect, it } from 'vitest';
import { rollupAllAssociations } from '../../functions/platform/benchmarks/rollup.ts';
import type { Store } from '../../functions/platform/db/store.ts';
import { systemDb } from '../../functions/platform/db/system-db.ts';
import { snapshotRepo } from '../../functions/platform/metric-snapshots/snapshots.repo.ts';
import { metricById } from '../../shared/metrics.ts';
import { CONSENT } from '../../shared/schemas/membership.ts';
import { monthsBetween } from '../../shared/time.ts';
import {
  createTestApp,
  logIn,
  PASSWORD,
  type Session,
  signUpAssociation,
  type TestApp,
  testClock,
  uniqueEmail,
} from '../support/app.ts';
import { leadingKeysClient } from '../support/leading-keys.ts';

/**
 * Six family medicine practices in the Pacific share a year of no-show rates (practice i: 0.01·(i+1))
 * and visits with a Pacific association. In March 2027 the newest month published is January.
 */
const clock = testClock();
let t: TestApp;
let assoc: Session;
let other: Session;
const practices: Session[] = [];
const NAMES = ['Alder', 'Birch', 'Cedar', 'Douglas Fir', 'Elm', 'Fir'].map((n) => `${n} Family Clinic`);
const MONTHS = monthsBetween('2026-01', '2027-02');

async function signUpFamilyPractice(name: string): Promise<Session> {
  const email = uniqueEmail('owner');
  const res = await t.call('POST', '/api/signup', {
    json: {
      kind: 'practice',
      practice: {
        name,
        specialty: 'family_medicine',
        region: 'pacific',
        size: 'small',
        timeZone: 'America/Los_Angeles',
      },
      owner: { name: 'Olivia Owner', email, password: PASSWORD },
    },
  });
  return { ...(await logIn(t, email)), tenantId: res.body.tenantId, userId: res.body.userId };
}

async function storeSnapshots(practice: Session, i: number, months = MONTHS) {
  const db = systemDb(t.platform, practice.tenantId, { id: 'test', name: 'Test' });
  const ops = months.flatMap((month) =>
    (['scheduling.no_show_rate', 'scheduling.visits'] as const).map((id) =>
      snapshotRepo.createOp(db, {
        month,
        metricId: id,
        module: 'scheduling',
        version: metricById(id)!.version,
        value: id === 'scheduling.visits' ? 1000 + 10 * i : 0.01 * (i + 1),
        computedAt: clock.now().toISOString(),
      }),
    ),
  );
  for (let k = 0; k < ops.length; k += 90) {
    await db.write(ops.slice(k, k + 90), {
      action: 'metrics.month_snapshotted',
      entityType: 'metric_snapshot',
      entityId: 'test',
      summary: 'Stored test metrics',
    });
  }
}

async function joinWithCode(practice: Session, token: string) {
  const code = (
    await t.call('POST', '/api/association/codes', { token, json: { expiresInDays: 30, maxUses: 10 } })
  ).body.code;
  const res = await t.call('POST', '/api/memberships', {
    token: practice.token,
    json: { code, consent: true, consentVersion: CONSENT.version },
  });
  expect(res.status).toBe(201);
}

const dashboard = (query = '') => t.call('GET', `/api/benchmarks/dashboard${query}`, { token: assoc.token });
const noShow = (body: { metrics: { id: string }[] }) =>
  body.metrics.find((m) => m.id === 'scheduling.no_show_rate') as any;

beforeAll(async () => {
  clock.set(Date.parse('2027-03-10T18:00:00Z'));
  t = await createTestApp({ clock });
  assoc = await signUpAssociation(t, 'Pacific Practice Network');
  other = await signUpAssociation(t, 'Some Other Network');
  for (const [i, name] of NAMES.entries()) {
    const practice = await signUpFamilyPractice(name);
    practices.push(practice);
    await storeSnapshots(practice, i);
    await joinWithCode(practice, assoc.token);
  }
}, 120_000);

describe('association benchmarks', () => {
  it('rolls up the year of publishable months on demand, then has nothing new to do', async () => {
    const res = await t.call('POST', '/api/benchmarks/rollups', { token: assoc.token });
    expect(res.status).toBe(200);
    expect(res.body.months).toEqual(monthsBetween('2026-02', '2027-01')); // January is a full month old
    expect(res.body.members).toBe(6);
    const again = await t.call('POST', '/api/benchmarks/rollups', { token: assoc.token });
    expect(again.body.months).toEqual([]);
  });

  it('shows percentiles, participation, a year of trend and the definition, and nothing about one practice', async () => {
    const res = await dashboard();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: '2027-01', window: 'month', members: 6, cohortHasMembers: true });
    expect(res.body.months[0]).toBe('2027-01');
    const m = noShow(res.body);
    // [0.01 … 0.06]: median between the 3rd and 4th; p10 at h = 1.5
    expect(m.figures).toEqual({ n: 6, p10: 0.015, p25: 0.0225, p50: 0.035, p75: 0.0475, p90: 0.055 });
    expect(m.participation).toEqual({ contributors: 6, members: 6 });
    expect(m.trend).toHaveLength(12);
    expect(m.definition).toMatch(/no-show/);
    expect(res.body.percentileDefinition).toMatch(/PERCENTILE\.INC/);
    // A measure nobody reported has no figures at all.
    expect(res.body.metrics.find((x: { id: string }) => x.id === 'billing.days_in_ar').figures).toBeNull();
    const text = JSON.stringify(res.body);
    for (const p of practices) expect(text).not.toContain(p.tenantId);
    for (const name of NAMES) expect(text).not.toContain(name);
  });

  it('averages a practice over a trailing window and filters by cohort', async () => {
    const t12 = await dashboard('?window=t12&specialty=family_medicine&region=pacific');
    expect(noShow(t12.body).figures).toMatchObject({ n: 6, p50: 0.035 });
    expect(t12.body.cohort.label).toBe('Family medicine · Pacific');
    const empty = await dashboard('?specialty=family_medicine&region=south_atlantic');
    expect(empty.body.cohortHasMembers).toBe(false);
    expect(noShow(empty.body).figures).toBeNull();
  });

  it('refuses a month not published and a malformed filter, with clear messages', async () => {
    const future = await dashboard('?month=2027-02');
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/no benchmarks for 2027-02/);
    const bad = await dashboard('?region=atlantis');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.region');
  });

  it('shows a member its own value and rank beside its cohorts, and exactly what it shared', async () => {
    const res = await t.call('GET', `/api/benchmarks/compare?associationId=${assoc.tenantId}`, {
      token: practices[0]!.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ associationName: 'Pacific Practice Network', month: '2027-01' });
    const m = noShow(res.body);
    expect(m.value).toBe(0.01);
    const all = m.cohorts.find((c: { key: string }) => c.key === 'any.any.any');
    expect(all.rank).toBe(8.3); // (0 below + 1/2) / 6
    expect(all.figures).toMatchObject({ n: 6, p50: 0.035 });
    expect(m.cohorts).toHaveLength(8);
    expect(m.trend.at(-1)).toEqual({ month: '2027-01', value: 0.01, median: 0.035 });
    expect(res.body.contributed).toHaveLength(12);
    expect(res.body.contributed[0]).toEqual({
      month: '2027-01',
      values: { 'scheduling.no_show_rate': 0.01, 'scheduling.visits': 1000 },
    });
    const audit = await t.call('GET', '/api/audit?action=membership.benchmarks_shared', {
      token: practices[0]!.token,
    });
    expect(audit.body.items[0].summary).toMatch(/Shared monthly measures for 2026-02 to 2027-01/);
  });

  it('answers 404 for an association the practice is not a member of, and keeps each side to its own routes', async () => {
    const notMember = await t.call('GET', `/api/benchmarks/compare?associationId=${other.tenantId}`, {
      token: practices[0]!.token,
    });
    expect(notMember.status).toBe(404);
    const practiceOnDashboard = await t.call('GET', '/api/benchmarks/dashboard', {
      token: practices[0]!.token,
    });
    expect(practiceOnDashboard.status).toBe(403);
    const otherDashboard = await t.call('GET', '/api/benchmarks/dashboard', { token: other.token });
    expect(otherDashboard.body).toMatchObject({ month: null, metrics: [] });
  });

  it('works with credentials confined to the caller: the association reads only its aggregates', async () => {
    const denied: string[] = [];
    const platformStore = t.platform.store;
    const original = t.platform.storeFor;
    t.platform.storeFor = async (tenantId: string): Promise<Store> =>
      platformStore.withClient(leadingKeysClient(platformStore.doc, tenantId, denied));
    try {
      expect(noShow((await dashboard()).body).figures).toMatchObject({ n: 6 });
      const compare = await t.call('GET', `/api/benchmarks/compare?associationId=${assoc.tenantId}`, {
        token: practices[1]!.token,
      });
      expect(noShow(compare.body).value).toBe(0.02);
      expect(denied).toEqual([]);
    } finally {
      t.platform.storeFor = original;
    }
  });

  it('keeps published months frozen when a member leaves; the next month counts without it', async () => {
    const before = await dashboard('?month=2027-01');
    const leaver = practices[5]!;
    const left = await t.call('DELETE', `/api/memberships/${assoc.tenantId}`, { token: leaver.token });
    expect(left.status).toBe(204);
    clock.set(Date.parse('2027-04-10T18:00:00Z')); // February is now a full month old
    // A month later the tokens have long expired on the platform clock: sign in again.
    assoc = { ...assoc, ...(await logIn(t, assoc.email)) };
    const leaverAgain = await logIn(t, leaver.email);
    const counts = await rollupAllAssociations(t.platform);
    expect(counts.months).toBeGreaterThanOrEqual(1);

    const january = await dashboard('?month=2027-01');
    expect(noShow(january.body).figures).toEqual(noShow(before.body).figures); // unchanged: nothing to subtract
    const february = await dashboard('?month=2027-02');
    expect(noShow(february.body).figures).toEqual({
      n: 5,
      p10: 0.014,
      p25: 0.02,
      p50: 0.03,
      p75: 0.04,
      p90: 0.046,
    });
    expect(february.body.members).toBe(5);
    const compare = await t.call('GET', `/api/benchmarks/compare?associationId=${assoc.tenantId}`, {
      token: leaverAgain.token,
    });
    expect(compare.status).toBe(404);
  });
});
