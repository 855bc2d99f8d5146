import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDueAlerts } from '../../functions/platform/due/due-runner.ts';
import { isValidNpi } from '../../shared/schemas/billing-credentialing.ts';
import {
  addMember,
  createTestApp,
  logIn,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * Credentialing through the API on DynamoDB Local: the providers × payers grid, versioned saves,
 * CAQH re-attestation, the alerts the due runner raises, and the flag on a claim billed for a
 * provider who was not in network. Claims come from the billing fixtures: Dr. Okafor (NPI
 * 1987654321) saw Elena Garcia on 2025-12-15 (RND-10041) and Minh Nguyen on 2025-12-18 (RND-10057),
 * both for Harbor Health Plan (HHP01); RND-10044 was billed under the practice's own NPI.
 */

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const clock = testClock();
const OKAFOR = '1987654321';
const HARBOR = 'HHP01';
let t: TestApp;
let owner: Session;
let manager: Session;
let biller: Session;
let desk: Session;
let other: Session;

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const grid = async () => (await as(biller)('GET', '/billing/credentialing')).body;
const save = (json: unknown, npi = OKAFOR, payer = HARBOR) =>
  as(biller)('PUT', `/billing/credentialing/${npi}/${payer}`, json);
const claimIssue = async (id: string) => {
  const list = await as(biller)('GET', '/billing/claims?limit=100');
  return list.body.items.find((c: { id: string }) => c.id === id)?.credentialingIssue as string | undefined;
};

/** Signs everyone in again: the clock moves past token lifetimes. */
async function freshSessions() {
  manager = await logIn(t, manager.email);
  biller = await logIn(t, biller.email);
}
/** Runs the due job just before and just after 08:00 in Los Angeles on `date` (winter: 16:00 UTC). */
async function alertsOn(date: string) {
  clock.set(Date.parse(`${date}T15:00:00Z`));
  await runDueAlerts({ ...t.platform, clock });
  clock.set(Date.parse(`${date}T17:00:00Z`));
  const run = await runDueAlerts({ ...t.platform, clock });
  await freshSessions();
  return run;
}
const managerToday = async () => {
  const v = (await as(manager)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string; link?: string }[];
};

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Credentialing Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  other = await signUpPractice(t, 'Other Credentialing Practice');
  for (const [path, file] of [
    ['/billing/claim-batches', 'claims-basic.837'],
    ['/billing/remittances', 'remit-basic.835'],
  ] as const) {
    const res = await as(biller)('POST', path, { text: fixture(file) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});

describe('the grid', () => {
  it('lists the providers and payers seen on claims and remittances, with no records yet', async () => {
    const g = await grid();
    // Dr. Okafor renders; claims without a rendering provider name their billing provider's NPI.
    expect(g.providers).toContainEqual({ npi: OKAFOR, name: expect.stringMatching(/okafor/i) });
    expect(g.providers.map((p: { npi: string }) => p.npi).sort()).toEqual([
      '1234567893',
      '1477553210',
      OKAFOR,
    ]);
    expect(g.payers.map((p: { id: string }) => p.id).sort()).toEqual([HARBOR, 'SMCD7']);
    expect(g.records).toEqual([]);
  });

  it('adds a provider by NPI, refusing a mistyped NPI in words and a second listing', async () => {
    expect(isValidNpi('9876500015')).toBe(true);
    const added = await as(biller)('POST', '/billing/credentialing/providers', {
      npi: '9876500015',
      name: 'Dr. Nia Newcomer',
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ npi: '9876500015', name: 'Dr. Nia Newcomer' });
    const typo = await as(biller)('POST', '/billing/credentialing/providers', {
      npi: '9876500016',
      name: 'Dr. Nia Newcomer',
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error.details).toEqual([
      { path: 'npi', message: 'That is not a valid NPI (check the 10 digits)' },
    ]);
    const again = await as(biller)('POST', '/billing/credentialing/providers', {
      npi: '9876500015',
      name: 'Nia Newcomer',
    });
    expect(again.status).toBe(409);
    // Sorted by name: a name's spelling decides the order, so only membership is checked.
    expect((await grid()).providers.map((p: { npi: string }) => p.npi).sort()).toEqual([
      '1234567893',
      '1477553210',
      OKAFOR,
      '9876500015',
    ]);
  });
});

describe('a provider’s credentialing with a payer', () => {
  it('is saved at version 0, then only at the version read', async () => {
    const first = await save({ status: 'in_process', submittedDate: '2026-11-02', version: 0 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      npi: OKAFOR,
      payerId: HARBOR,
      payerName: expect.stringMatching(/harbor/i),
      providerName: expect.stringMatching(/okafor/i),
      status: 'in_process',
      submittedDate: '2026-11-02',
      version: 1,
    });
    const stale = await save({ status: 'submitted', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('Someone changed this meanwhile; reload and try again');
    expect((await grid()).records).toEqual([first.body]);
  });

  it('refuses "effective" without its date, and a re-credentialing date before it, in words', async () => {
    const noDate = await save({ status: 'effective', version: 1 });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details).toEqual([
      { path: 'effectiveDate', message: expect.stringMatching(/effective date/) },
    ]);
    const backwards = await save({
      status: 'effective',
      effectiveDate: '2026-06-01',
      recredentialDate: '2026-05-01',
      version: 1,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([
      { path: 'recredentialDate', message: 'The re-credentialing date must be after the effective date' },
    ]);
  });

  it('is 404 for a payer or provider the practice has never billed', async () => {
    expect((await save({ status: 'submitted', version: 0 }, OKAFOR, 'NOPAYER')).status).toBe(404);
    expect((await save({ status: 'submitted', version: 0 }, '1000000004')).status).toBe(404);
  });
});

describe('claims billed out of network', () => {
  it('are flagged while the provider is not effective with the payer', async () => {
    const issue = await claimIssue('RND-10041');
    expect(issue).toMatch(/^Not credentialed with HARBOR HEALTH PLAN \(status: In process\)$/i);
    expect(await claimIssue('RND-10057')).toBe(issue);
    // Billed under the practice's own NPI, which has no record with the payer: not flagged.
    expect(await claimIssue('RND-10044')).toBeUndefined();
    const detail = await as(biller)('GET', '/billing/claims/RND-10041');
    expect(detail.body.claim.credentialingIssue).toBe(issue);
  });

  it('are flagged when the service came before the effective date, and not after it', async () => {
    const res = await save({ status: 'effective', effectiveDate: '2025-12-16', version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await claimIssue('RND-10041')).toMatch(/not yet effective .* \(effective 2025-12-16\)/i);
    expect(await claimIssue('RND-10057')).toBeUndefined();
  });
});

describe('due dates', () => {
  it('records a CAQH re-attestation with the next due 120 days later', async () => {
    const res = await as(biller)('PUT', `/billing/credentialing/${OKAFOR}/caqh`, {
      lastAttestedDate: '2026-12-01',
      caqhId: '12345678',
      version: 0,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      caqhId: '12345678',
      lastAttestedDate: '2026-12-01',
      nextDueDate: '2027-03-31',
      version: 1,
    });
    const okafor = (await grid()).providers.find((p: { npi: string }) => p.npi === OKAFOR);
    expect(okafor.caqh).toEqual(res.body);
    const stale = await as(biller)('PUT', `/billing/credentialing/${OKAFOR}/caqh`, {
      lastAttestedDate: '2026-12-02',
      version: 0,
    });
    expect(stale.status).toBe(409);
    const badId = await as(biller)('PUT', `/billing/credentialing/${OKAFOR}/caqh`, {
      lastAttestedDate: '2026-12-02',
      caqhId: 'ABC',
      version: 1,
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].path).toBe('caqhId');
  });

  it('alerts the managers ahead of re-credentialing, and a terminated provider’s alert closes', async () => {
    const res = await save({
      status: 'effective',
      effectiveDate: '2025-12-16',
      recredentialDate: '2027-03-15',
      version: 2,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 90 days ahead (2026-12-15) had passed when the date was saved; 60 days ahead is 2027-01-14.
    expect((await alertsOn('2027-01-14')).sent).toBe(1);
    const item = (await managerToday()).find((i) => i.kind === 'recredential');
    expect(item?.title).toMatch(
      /^.*okafor.*'s credentialing with HARBOR HEALTH PLAN is due for re-credentialing in 60 days \(Mar 15, 2027\)$/i,
    );
    expect(item?.link).toBe('/app/billing/credentialing');

    const ended = await save({
      status: 'terminated',
      effectiveDate: '2025-12-16',
      recredentialDate: '2027-03-15',
      terminatedDate: '2027-01-31',
      version: 3,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect((await managerToday()).find((i) => i.kind === 'recredential')).toBeUndefined();
    expect((await alertsOn('2027-02-13')).sent).toBe(0);
  });

  it('alerts the managers 30 days before the CAQH re-attestation is due', async () => {
    expect((await alertsOn('2027-03-01')).sent).toBe(1);
    const item = (await managerToday()).find((i) => i.kind === 'caqh');
    expect(item?.title).toMatch(/^CAQH re-attestation for .*okafor.* is due in 30 days \(Mar 31, 2027\)$/i);
  });
});

describe('who sees it', () => {
  it('another practice sees none of it and cannot reach it', async () => {
    other = await logIn(t, other.email);
    const g = (await as(other)('GET', '/billing/credentialing')).body;
    expect(g).toEqual({ providers: [], payers: [], records: [] });
    const put = await as(other)('PUT', `/billing/credentialing/${OKAFOR}/${HARBOR}`, {
      status: 'submitted',
      version: 0,
    });
    expect(put.status).toBe(404);
    const caqh = await as(other)('PUT', `/billing/credentialing/${OKAFOR}/caqh`, {
      lastAttestedDate: '2026-12-01',
      version: 0,
    });
    expect(caqh.status).toBe(404);
  });

  it('front-desk staff are refused', async () => {
    desk = await logIn(t, desk.email);
    expect((await as(desk)('GET', '/billing/credentialing')).status).toBe(403);
    expect(
      (
        await as(desk)('PUT', `/billing/credentialing/${OKAFOR}/${HARBOR}`, {
          status: 'submitted',
          version: 4,
        })
      ).status,
    ).toBe(403);
  });
});
