import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * Claims and patient payments typed in by a small practice without a billing system's exports, on
 * DynamoDB Local: the claim counts in the KPIs like an imported one, and a patient's payment
 * lowers their balance and the patient A/R and counts as collected in its month.
 */

let t: TestApp;
let owner: Session;
let biller: Session;
let desk: Session;
let other: Session;
const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const month = async (m: string) =>
  (await as(owner)('GET', `/billing/dashboard?month=${m}&months=1`)).body.months[0];
const aging = async () => (await as(owner)('GET', '/billing/aging')).body;

const entry = (claimId: string, overrides: Record<string, unknown> = {}) => ({
  claimId,
  patient: { lastName: 'Okoro', firstName: 'Chidi', birthDate: '1979-11-02', memberId: 'W123' },
  payer: { id: 'UHC01', name: 'UnitedHealthcare' },
  provider: { npi: '1987654321', name: 'Dr. Ada Okafor' },
  submittedDate: '2026-07-03',
  lines: [
    { code: '99214', modifiers: ['25'], units: 1, serviceDate: '2026-07-01', chargeCents: 18000 },
    { code: '20610', modifiers: [], units: 1, serviceDate: '2026-07-01', chargeCents: 12000 },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Manual Billing Practice');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  other = await signUpPractice(t, 'Other Manual Practice');
});

describe('a claim typed in', () => {
  it('is created with its lines and counts in its month of service', async () => {
    const res = await as(biller)('POST', '/billing/claims', entry('HAND-1'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: 'HAND-1',
      chargeCents: 30000,
      state: 'submitted',
      insuranceBalanceCents: 30000,
      patientBalanceCents: 0,
      serviceDate: '2026-07-01',
      version: 1,
    });
    expect(await month('2026-07')).toMatchObject({ chargesCents: 30000, claims: 1, billingLagDays: 2 });
    const detail = (await as(biller)('GET', '/billing/claims/HAND-1')).body;
    expect(detail.lines).toHaveLength(2);
    expect((await aging()).insurance.totalCents).toBe(30000);
  });

  it('is refused when its id is taken, and when it has no or too many lines', async () => {
    const taken = await as(biller)('POST', '/billing/claims', entry('HAND-1'));
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/HAND-1 is already in Rounds/);
    const none = await as(biller)('POST', '/billing/claims', entry('HAND-2', { lines: [] }));
    expect(none.status).toBe(400);
    expect(none.body.error.details).toContainEqual({
      path: 'lines',
      message: 'Add at least one service line',
    });
    const line = entry('x').lines[0];
    const many = await as(biller)(
      'POST',
      '/billing/claims',
      entry('HAND-2', { lines: Array(21).fill(line) }),
    );
    expect(many.status).toBe(400);
    const code = await as(biller)(
      'POST',
      '/billing/claims',
      entry('HAND-2', { lines: [{ ...line, code: '99' }] }),
    );
    expect(code.body.error.details[0]).toMatchObject({
      path: 'lines.0.code',
      message: expect.stringMatching(/CPT or HCPCS/),
    });
    expect((await as(biller)('GET', '/billing/claims/HAND-2')).status).toBe(404);
  });
});

describe('a patient payment', () => {
  it('is refused while the patient owes nothing', async () => {
    const res = await as(biller)('POST', '/billing/claims/HAND-1/patient-payments', {
      amountCents: 2000,
      date: '2026-07-01',
      method: 'cash',
      version: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The patient owes nothing on claim HAND-1');
  });

  it('lowers the patient balance and the patient A/R, and counts as collected', async () => {
    // The payer pays 200, writes 50 down and leaves 50 to the patient (posted from a CSV).
    const posted = await as(biller)('POST', '/billing/imports', {
      kind: 'billing.payments',
      csv: 'claim_id,posted_date,payer,amount_paid,adjustment_group,adjustment_reason,adjustment_amount\r\nHAND-1,2026-08-04,UHC01,200,CO,45,50\r\nHAND-1,2026-08-04,UHC01,,PR,1,50\r\n',
      dryRun: false,
    });
    expect(posted.body).toMatchObject({ created: 2, errors: [] });
    const claim = (await as(biller)('GET', '/billing/claims/HAND-1')).body.claim;
    expect(claim.patientBalanceCents).toBe(5000);

    const pay = (amountCents: number, version = claim.version) =>
      as(biller)('POST', '/billing/claims/HAND-1/patient-payments', {
        amountCents,
        date: '2026-08-10',
        method: 'card',
        note: 'At the front desk',
        version,
      });
    const tooMuch = await pay(5001);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.message).toBe('$50.01 is more than the patient owes on claim HAND-1 ($50.00)');
    const stale = await pay(1000, claim.version - 1);
    expect(stale.status).toBe(409);

    const ok = await pay(3000);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      patientBalanceCents: 2000,
      state: 'patient',
      version: claim.version + 1,
    });
    const events = (await as(biller)('GET', '/billing/claims/HAND-1')).body.events;
    expect(events.at(-1)).toMatchObject({
      kind: 'patient_paid',
      amountCents: 3000,
      summary: 'Patient paid by card: At the front desk',
      by: 'Bea Biller',
    });
    // August: 200 from the payer and 30 from the patient.
    expect(await month('2026-08')).toMatchObject({ paymentsCents: 23000, arCents: 2000 });
    const after = await aging();
    expect(after.patient.totalCents).toBe(2000);
    expect(after.insurance.totalCents).toBe(0);
  });
});

describe('access', () => {
  it('hides the claim from another practice and refuses staff', async () => {
    const pay = { amountCents: 100, date: '2026-08-10', method: 'cash', version: 3 };
    expect((await as(other)('POST', '/billing/claims/HAND-1/patient-payments', pay)).status).toBe(404);
    // Another practice may use the same claim id for its own claim.
    expect((await as(other)('POST', '/billing/claims', entry('HAND-1'))).status).toBe(201);
    expect((await as(desk)('POST', '/billing/claims', entry('HAND-9'))).status).toBe(403);
    expect((await as(desk)('POST', '/billing/claims/HAND-1/patient-payments', pay)).status).toBe(403);
  });
});
