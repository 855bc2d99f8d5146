import { beforeAll, describe, expect, it } from 'vitest';
import { UNLINKED_PRODUCTION_MESSAGE } from '../../shared/schemas/billing-production.ts';
import type { Claim837, ClaimPayment, Remittance835 } from '../../shared/x12/x12-types.ts';
import { write835, write837P } from '../../shared/x12/x12-writer.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * A provider's own production through the API on DynamoDB Local: the login ↔ NPI link owners and
 * managers keep on the credentialing page, and GET /billing/my-production narrowed to that NPI.
 * The claims, written here and worked by hand (today is 2027-06-20 in Los Angeles):
 *
 *   claim  provider  service     sent        charge  835 (posted)                        left
 *   P-1    Okafor    2027-04-10  2027-04-14  $200    2027-05-14 paid $150, CO $30, PR $20  $20 patient
 *   P-2    Okafor    2027-05-03  2027-05-05  $150    2027-06-05 paid $100, CO $50          $0
 *   P-3    Okafor    2027-05-20  2027-05-22  $120    2027-06-05 denied, CO-197 $120        $120 (held)
 *   P-4    Chen      2027-05-03  2027-05-05  $300    2027-05-14 paid $250, CO $50          $0
 *   P-5    Chen      2027-06-01  2027-06-02  $80     (not paid yet)                        $80
 */

const clock = testClock();
const OKAFOR = '1987654321';
const CHEN = '1588765433';
/** A valid NPI listed by hand (no claims). */
const NEWCOMER = '9876500015';
const PAYER = { id: 'HHP01', name: 'HARBOR HEALTH PLAN' };
const NAMES: Record<string, string> = { [OKAFOR]: 'ADA OKAFOR', [CHEN]: 'MARCUS CHEN' };

const claim = (id: string, npi: string, service: string, sent: string, cents: number): Claim837 => ({
  claimId: id,
  chargeCents: cents,
  submittedDate: sent,
  payer: PAYER,
  patient: { lastName: 'GARCIA', firstName: 'ELENA', memberId: 'HHP884120' },
  billingProvider: { npi: '1234567893', name: 'MAPLE STREET FAMILY MEDICINE' },
  renderingProvider: { npi, name: NAMES[npi] },
  lines: [
    { lineNumber: 1, code: '99213', modifiers: [], chargeCents: cents, units: 1, serviceDate: service },
  ],
});
const payment = (
  c: Claim837,
  paid: number,
  adjustments: ClaimPayment['adjustments'],
  statusCode = '1',
): ClaimPayment => ({
  claimId: c.claimId,
  statusCode,
  chargeCents: c.chargeCents,
  paidCents: paid,
  patientResponsibilityCents: adjustments
    .filter((a) => a.group === 'PR')
    .reduce((n, a) => n + a.amountCents, 0),
  patient: c.patient,
  renderingProvider: c.renderingProvider,
  serviceDateFrom: c.lines[0]!.serviceDate,
  adjustments,
  remarks: [],
  lines: [],
});
const remit = (trace: string, date: string, claims: ClaimPayment[]): Remittance835 => ({
  traceNumber: trace,
  paymentCents: claims.reduce((n, c) => n + c.paidCents, 0),
  handlingCode: 'I',
  paymentMethod: 'ACH',
  paymentDate: date,
  payer: PAYER,
  payee: { name: 'MAPLE STREET FAMILY MEDICINE', npi: '1234567893' },
  claims,
  providerAdjustments: [],
  startSegment: 0,
});
const P1 = claim('P-1', OKAFOR, '2027-04-10', '2027-04-14', 20000);
const P2 = claim('P-2', OKAFOR, '2027-05-03', '2027-05-05', 15000);
const P3 = claim('P-3', OKAFOR, '2027-05-20', '2027-05-22', 12000);
const P4 = claim('P-4', CHEN, '2027-05-03', '2027-05-05', 30000);
const P5 = claim('P-5', CHEN, '2027-06-01', '2027-06-02', 8000);
const x12 = { senderId: 'RNDS4419', receiverId: 'CLEARHOUSE01', interchangeControl: '7', date: '2027-06-02' };
const FILES = [
  ['/billing/claim-batches', write837P([P1, P2, P4, P3, P5], x12)],
  [
    '/billing/remittances',
    write835(
      [
        remit('T-MAY', '2027-05-14', [
          payment(P1, 15000, [
            { group: 'CO', reason: '45', amountCents: 3000 },
            { group: 'PR', reason: '3', amountCents: 2000 },
          ]),
          payment(P4, 25000, [{ group: 'CO', reason: '45', amountCents: 5000 }]),
        ]),
        remit('T-JUN', '2027-06-05', [
          payment(P2, 10000, [{ group: 'CO', reason: '45', amountCents: 5000 }]),
          payment(P3, 0, [{ group: 'CO', reason: '197', amountCents: 12000 }], '4'),
        ]),
      ],
      { ...x12, interchangeControl: '8', date: '2027-06-05' },
    ),
  ],
] as const;

let t: TestApp;
let owner: Session;
let manager: Session;
let biller: Session;
let desk: Session;
let okafor: Session;
let unlinked: Session;
let other: Session;
let otherProvider: Session;

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const link = (s: Session, npi: string, json: unknown) =>
  as(s)('PUT', `/billing/credentialing/providers/${npi}/login`, json);
const production = (s: Session, query = '') => as(s)('GET', `/billing/my-production${query}`);

beforeAll(async () => {
  clock.set(Date.parse('2027-06-20T19:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Production Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  okafor = await addMember(t, owner, 'provider', 'Dr. Ada Okafor');
  unlinked = await addMember(t, owner, 'provider', 'Dr. Sam Unlinked');
  other = await signUpPractice(t, 'Other Production Practice');
  otherProvider = await addMember(t, other, 'provider', 'Dr. Oscar Other');
  for (const [path, text] of FILES) {
    const res = await as(biller)('POST', path, { text });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const added = await as(manager)('POST', '/billing/credentialing/providers', {
    npi: NEWCOMER,
    name: 'Nia Newcomer',
  });
  expect(added.status).toBe(201);
});

describe('a provider without a linked NPI', () => {
  it('is told who can link it, with no figures', async () => {
    const res = await production(okafor);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ linked: false, message: UNLINKED_PRODUCTION_MESSAGE, months: [] });
    expect(res.body.message).toBe(
      'Ask your practice manager to link your login to your NPI on the Credentialing page',
    );
  });
});

describe('linking a login to an NPI', () => {
  it('owners and managers link a provider login; the credentialing grid shows it', async () => {
    const res = await link(manager, OKAFOR, { userId: okafor.userId, version: 0 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ npi: OKAFOR, userId: okafor.userId, userName: 'Dr. Ada Okafor', version: 1 });
    const grid = (await as(biller)('GET', '/billing/credentialing')).body;
    const row = grid.providers.find((p: { npi: string }) => p.npi === OKAFOR);
    expect(row.login).toEqual({ npi: OKAFOR, userId: okafor.userId, userName: 'Dr. Ada Okafor', version: 1 });
    expect(grid.providers.find((p: { npi: string }) => p.npi === NEWCOMER).login).toBeUndefined();
  });

  it('billing, staff and providers cannot set a link (403)', async () => {
    for (const s of [biller, desk, okafor]) {
      const res = await link(s, NEWCOMER, { userId: unlinked.userId, version: 0 });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('a second login for the NPI, or a second NPI for the login, is a 409 in words', async () => {
    const second = await link(owner, OKAFOR, { userId: unlinked.userId, version: 0 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(
      `NPI ${OKAFOR} (ADA OKAFOR) is already linked to Dr. Ada Okafor; one login per NPI. Reload, unlink it, then link the new login.`,
    );
    const twice = await link(owner, NEWCOMER, { userId: okafor.userId, version: 0 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe(
      `Dr. Ada Okafor is already linked to NPI ${OKAFOR} (ADA OKAFOR); one NPI per login. Unlink it there first.`,
    );
    const stale = await link(owner, OKAFOR, { userId: null, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
  });

  it('refuses bad input with 400 naming the field, and a login that is not a provider', async () => {
    const cases: [string, unknown, string][] = [
      [OKAFOR, { userId: 12, version: 1 }, 'userId'],
      [OKAFOR, { userId: okafor.userId }, 'version'],
      [OKAFOR, { userId: 'a b', version: 1 }, 'userId'],
      [OKAFOR, { userId: okafor.userId, version: 1, role: 'owner' }, ''],
      ['12345', { userId: okafor.userId, version: 1 }, 'params.npi'],
      [NEWCOMER, { userId: desk.userId, version: 0 }, 'userId'],
    ];
    for (const [npi, body, path] of cases) {
      const res = await link(manager, npi, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (path) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const staff = await link(manager, NEWCOMER, { userId: desk.userId, version: 0 });
    expect(staff.body.error.details[0].message).toContain('Dana Desk is not a provider');
    for (const q of ['?months=5', '?months=abc', '?months=12&npi=1588765433']) {
      const res = await production(okafor, q);
      expect(res.status, q).toBe(400);
    }
  });

  it('an NPI the practice does not know, or a login of another practice, is not found', async () => {
    const unknown = await link(manager, '1234567801', { userId: okafor.userId, version: 0 });
    expect(unknown.status).toBe(404);
    // The other practice lists the same NPI: A's login is still no member of theirs.
    await as(other)('POST', '/billing/credentialing/providers', { npi: NEWCOMER, name: 'Nia Newcomer' });
    const foreign = await link(other, NEWCOMER, { userId: okafor.userId, version: 0 });
    expect(foreign.status).toBe(404);
    const theirs = await link(other, OKAFOR, { userId: otherProvider.userId, version: 0 });
    expect(theirs.status).toBe(404);
  });
});

describe('the linked provider’s production', () => {
  it('counts their NPI only, month by month, from the ledger', async () => {
    const res = await production(okafor, '?months=3');
    expect(res.status).toBe(200);
    const zero = {
      chargesCents: 0,
      paymentsCents: 0,
      submittedClaims: 0,
      firstAdjudicated: 0,
      deniedFirst: 0,
      denialRate: null,
      paidClaims: 0,
      paymentLagDays: null,
    };
    expect(res.body).toEqual({
      linked: true,
      npi: OKAFOR,
      providerName: 'ADA OKAFOR',
      months: [
        // April: P-1 seen and sent.
        { ...zero, month: '2027-04', chargesCents: 20000, submittedClaims: 1 },
        // May: P-2 and P-3 seen and sent; P-1 paid on first decision, 30 days after it was sent.
        {
          ...zero,
          month: '2027-05',
          chargesCents: 27000,
          submittedClaims: 2,
          paymentsCents: 15000,
          firstAdjudicated: 1,
          denialRate: 0,
          paidClaims: 1,
          paymentLagDays: 30,
        },
        // June: P-2 paid 31 days after it was sent, P-3 denied: 1 of 2 first decisions.
        {
          ...zero,
          month: '2027-06',
          paymentsCents: 10000,
          firstAdjudicated: 2,
          deniedFirst: 1,
          denialRate: 0.5,
          paidClaims: 1,
          paymentLagDays: 31,
        },
      ],
      // P-1's patient share (service 71 days ago) and P-3, denied but still owed until it is worked
      // (31 days); Chen's P-5 is not hers.
      ar: {
        asOf: '2027-06-20',
        totalCents: 14000,
        buckets: ['0-30', '31-60', '61-90', '91-120', '120+'],
        bucketCents: [0, 12000, 2000, 0, 0],
      },
    });
    // The practice's May has Chen's $300 too.
    const practice = (await as(owner)('GET', '/billing/dashboard?month=2027-05&months=1')).body;
    expect(practice.months[0].chargesCents).toBe(57000);
    const text = JSON.stringify(res.body);
    for (const secret of ['GARCIA', 'ELENA', 'HHP884120', 'P-1', 'HHP01', CHEN])
      expect(text).not.toContain(secret);
  });

  it('shows 12 months unless asked for 3 or 6', async () => {
    expect((await production(okafor)).body.months).toHaveLength(12);
    expect(
      (await production(okafor, '?months=6')).body.months.map((m: { month: string }) => m.month),
    ).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
  });

  it('no other role may call it, and another practice sees nothing of it', async () => {
    for (const s of [owner, manager, biller, desk]) {
      const res = await production(s);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await production(unlinked)).body).toMatchObject({ linked: false, months: [] });
    const foreign = await production(otherProvider);
    expect(foreign.body).toEqual({ linked: false, message: UNLINKED_PRODUCTION_MESSAGE, months: [] });
  });

  it('unlinking takes the figures away; the login can then be linked again', async () => {
    const off = await link(manager, OKAFOR, { userId: null, version: 1 });
    expect(off.body).toEqual({ npi: OKAFOR, version: 2 });
    expect((await production(okafor)).body.linked).toBe(false);
    const grid = (await as(manager)('GET', '/billing/credentialing')).body;
    expect(grid.providers.find((p: { npi: string }) => p.npi === OKAFOR).login).toEqual({
      npi: OKAFOR,
      version: 2,
    });
    const newcomer = await link(manager, NEWCOMER, { userId: okafor.userId, version: 0 });
    expect(newcomer.status).toBe(200);
    const figures = (await production(okafor, '?months=3')).body;
    expect(figures).toMatchObject({ linked: true, npi: NEWCOMER, providerName: 'Nia Newcomer' });
    expect(figures.months.every((m: { chargesCents: number }) => m.chargesCents === 0)).toBe(true);
    expect(figures.ar.totalCents).toBe(0);
  });
});
