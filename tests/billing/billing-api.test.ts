import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimPayment, Remittance835 } from '../../shared/x12/x12-types.ts';
import { write835 } from '../../shared/x12/x12-writer.ts';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * Billing oversight through the API on DynamoDB Local: claims in from an 837P, remittances from
 * 835s, what the KPIs, aging and claims then say, and the work on a denial. The figures are the
 * fixtures' own (tests/billing/fixtures), worked out by hand in the comments.
 */

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
let t: TestApp;
let owner: Session;
let biller: Session;
let desk: Session;
let other: Session;
const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const dashboard = async () => (await as(owner)('GET', '/billing/dashboard?month=2026-02&months=3')).body;
const agingTotal = async () => (await as(owner)('GET', '/billing/aging')).body.total.totalCents as number;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Billing Practice');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  other = await signUpPractice(t, 'Other Billing Practice');
});

describe('claims and remittances in', () => {
  it('previews an 837P batch, imports it, and a second import changes nothing', async () => {
    const text = fixture('claims-basic.837');
    const preview = await as(biller)('POST', '/billing/claim-batches/preview', {
      fileName: 'claims-basic.837',
      text,
    });
    expect(preview.status).toBe(200);
    // 250 + 95 + 135.50 + 95 = 575.50
    expect(preview.body).toMatchObject({
      problems: [],
      claims: 4,
      newClaims: 4,
      alreadySubmitted: 0,
      chargeCents: 57550,
    });
    const first = await as(biller)('POST', '/billing/claim-batches', { fileName: 'claims-basic.837', text });
    expect(first.body).toEqual({ imported: 4, skipped: 0, chargeCents: 57550 });
    const again = await as(biller)('POST', '/billing/claim-batches', { fileName: 'claims-basic.837', text });
    expect(again.body).toEqual({ imported: 0, skipped: 4, chargeCents: 0 });
    const months = (await dashboard()).months;
    // December's services: 250 + 95 + 135.50; January's: 95.
    expect(months.map((m: { chargesCents: number }) => m.chargesCents)).toEqual([48050, 9500, 0]);
    const claims = await as(biller)('GET', '/billing/claims?state=submitted');
    expect(claims.body.items.map((c: { id: string }) => c.id)).toEqual([
      'RND-10041',
      'RND-10044',
      'RND-10057',
      'RND-20102',
    ]);
  });

  it('imports an 835: payments, adjustments and patient shares land on the claims and the KPIs', async () => {
    const text = fixture('remit-basic.835');
    const preview = await as(biller)('POST', '/billing/remittances/preview', { text });
    expect(preview.body.remittances).toEqual([
      expect.objectContaining({
        traceNumber: 'EFT20260115001',
        payerId: 'HHP01',
        paymentCents: 43218,
        claims: 3,
        knownClaims: 2,
        denied: 0,
        alreadyImported: false,
      }),
    ]);
    const res = await as(biller)('POST', '/billing/remittances', { fileName: 'remit-basic.835', text });
    expect(res.body).toEqual({ imported: 1, skipped: 0, claims: 3, paymentCents: 43218 });

    const claim = (await as(biller)('GET', '/billing/claims/RND-10041')).body;
    // Billed 250: paid 180, CO-45 50 written down, PR-3 copay 20 left to the patient.
    expect(claim.claim).toMatchObject({
      state: 'patient',
      paidCents: 18000,
      adjustedCents: 5000,
      insuranceBalanceCents: 0,
      patientBalanceCents: 2000,
    });
    expect(claim.payments[0].adjustments).toContainEqual(
      expect.objectContaining({
        group: 'PR',
        reason: '3',
        amountCents: 2000,
        reasonText: expect.stringMatching(/co-?pay/i),
      }),
    );
    expect(claim.events.map((e: { kind: string }) => e.kind)).toEqual([
      'service',
      'submitted',
      'paid',
      'patient_balance',
    ]);
    // RND-10063 was not in the 837: the remittance makes it known, paid in full after CO-45.
    expect((await as(biller)('GET', '/billing/claims/RND-10063')).body.claim).toMatchObject({
      state: 'closed',
      chargeCents: 21000,
      serviceDate: '2025-12-22',
    });

    const jan = (await dashboard()).months[1];
    // Charges to the end of January 480.50 + 210 + 95 = 785.50, less 432.18 paid and 119.11 CO = 234.21 owed.
    expect(jan).toMatchObject({
      month: '2026-01',
      paymentsCents: 43218,
      arCents: 23421,
      firstAdjudicated: 3,
      deniedFirst: 0,
      denialRate: 0,
      firstPassRate: 1,
    });
    // Payment lag: RND-10041 and RND-10057 were submitted 2026-01-10 and paid 2026-01-15.
    expect(jan.paymentLagDays).toBe(5);
    const aging = (await as(owner)('GET', '/billing/aging?by=payer')).body;
    // Owed: 95 + 95 by payers, 20 + 24.21 by patients; all over 120 days old by now.
    expect(aging.total.totalCents).toBe(23421);
    expect(aging.insurance.totalCents).toBe(19000);
    expect(aging.patient.totalCents).toBe(4421);
  });

  it('imports the same remittance once', async () => {
    const before = { dash: await dashboard(), aging: await agingTotal() };
    const res = await as(biller)('POST', '/billing/remittances', { text: fixture('remit-basic.835') });
    expect(res.body).toEqual({ imported: 0, skipped: 1, claims: 0, paymentCents: 0 });
    expect(await dashboard()).toEqual(before.dash);
    expect(await agingTotal()).toBe(before.aging);
    const preview = await as(biller)('POST', '/billing/remittances/preview', {
      text: fixture('remit-basic.835'),
    });
    expect(preview.body.remittances[0].alreadyImported).toBe(true);
  });

  it('refuses a malformed file whole, naming the segment, and writes nothing', async () => {
    const before = await agingTotal();
    const bad = fixture('remit-basic.835').replace(
      'CLP*RND-10057*1*135.5*96.84',
      'CLP*RND-10057*1*135.5*96.8x',
    );
    const res = await as(biller)('POST', '/billing/remittances', { text: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({
      path: expect.stringMatching(/^segment \d+$/),
      message: expect.stringMatching(/96\.8x/),
    });
    expect(await agingTotal()).toBe(before);
    const empty = await as(biller)('POST', '/billing/remittances', { text: '' });
    expect(empty.status).toBe(400);
  });

  it('nets a reversal and its corrected payment', async () => {
    const claim: ClaimPayment = {
      claimId: 'RND-10044',
      statusCode: '1',
      chargeCents: 9500,
      paidCents: 6000,
      patientResponsibilityCents: 0,
      patient: { lastName: 'GARCIA', firstName: 'ELENA' },
      adjustments: [{ group: 'CO', reason: '45', amountCents: 3500 }],
      remarks: [],
      lines: [],
    };
    const remit = (trace: string, date: string, claims: ClaimPayment[]): Remittance835 => ({
      traceNumber: trace,
      paymentCents: claims.reduce((s, c) => s + c.paidCents, 0),
      handlingCode: 'I',
      paymentMethod: 'ACH',
      paymentDate: date,
      payer: { id: 'HHP01', name: 'HARBOR HEALTH PLAN' },
      payee: { name: 'MAPLE STREET FAMILY MEDICINE' },
      claims,
      providerAdjustments: [],
      startSegment: 0,
    });
    const opts = {
      senderId: 'HHPEDI01',
      receiverId: 'RNDS4419',
      interchangeControl: '42',
      date: '2026-02-20',
    };
    const reversal: ClaimPayment = {
      ...claim,
      statusCode: '22',
      chargeCents: -9500,
      paidCents: -6000,
      adjustments: [{ group: 'CO', reason: '45', amountCents: -3500 }],
    };
    const corrected: ClaimPayment = {
      ...claim,
      paidCents: 5500,
      adjustments: [{ group: 'CO', reason: '45', amountCents: 4000 }],
    };
    const files = [
      write835([remit('T-ORIG', '2026-02-06', [claim])], opts),
      write835([remit('T-FIX', '2026-02-20', [reversal, corrected])], opts),
    ];
    for (const text of files)
      expect((await as(biller)('POST', '/billing/remittances', { text })).status).toBe(200);
    const detail = (await as(biller)('GET', '/billing/claims/RND-10044')).body;
    expect(detail.claim).toMatchObject({
      paidCents: 5500,
      adjustedCents: 4000,
      insuranceBalanceCents: 0,
      state: 'closed',
    });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toContain('reversed');
    // February: 60 paid, 60 taken back, 55 paid again.
    expect((await dashboard()).months[2].paymentsCents).toBe(5500);
  });
  it('posts a secondary payer once: its restated adjustments are not taken off again', async () => {
    expect(
      (await as(biller)('POST', '/billing/remittances', { text: fixture('remit-two-transactions.835') }))
        .status,
    ).toBe(200);
    const claim = (await as(biller)('GET', '/billing/claims/RND-20011')).body.claim;
    // Billed 160: the primary paid 112, wrote 20 down (CO-45) and left 28 to the patient; the
    // secondary paid 22.40 of those 28 (its CO-45 20 and OA-23 112 restate the primary's).
    expect(claim).toMatchObject({
      paidCents: 13440,
      adjustedCents: 2000,
      insuranceBalanceCents: 0,
      patientBalanceCents: 560,
      state: 'patient',
    });
  });
});

describe('denials and the work list', () => {
  it('keeps a denial owed, assigns it into Today, and records the appeal', async () => {
    expect(
      (await as(biller)('POST', '/billing/remittances', { text: fixture('remit-denied.835') })).status,
    ).toBe(200);
    const denied = await as(biller)('GET', '/billing/claims?state=denied');
    const byId = Object.fromEntries(denied.body.items.map((c: { id: string }) => [c.id, c]));
    // Denied for missing authorization (CARC 197): the front desk could have prevented it.
    expect(byId['RND-50030']).toMatchObject({
      insuranceBalanceCents: 18500,
      denialReasons: ['197'],
      preventable: true,
    });
    expect(byId['RND-50021']).toMatchObject({ denialReasons: ['29'], preventable: false });
    const feb = (await dashboard()).months[2];
    // February's first adjudications: RND-10044 paid (2026-02-06) and these two denied.
    expect(feb).toMatchObject({
      firstAdjudicated: 3,
      deniedFirst: 2,
      denialRate: 2 / 3,
      firstPassRate: 1 / 3,
    });

    const assign = await as(owner)('POST', '/billing/claims/RND-50030/assign', {
      assigneeId: biller.userId,
      followUpDate: '2026-12-04',
      note: 'Get the authorization number from the referral',
      version: byId['RND-50030'].version,
    });
    expect(assign.status).toBe(200);
    expect(assign.body.assignee).toEqual({ id: biller.userId, name: 'Bea Biller' });
    const today = JSON.stringify((await as(biller)('GET', '/today')).body);
    expect(today).toContain('Follow up claim RND-50030');

    const appeal = await as(biller)('POST', '/billing/claims/RND-50030/follow-ups', {
      action: 'appealed',
      note: 'Appeal faxed with authorization 88123',
      version: assign.body.version,
    });
    expect(appeal.body.state).toBe('appealed');
    expect(JSON.stringify((await as(biller)('GET', '/today')).body)).not.toContain(
      'Follow up claim RND-50030',
    );
    const stale = await as(biller)('POST', '/billing/claims/RND-50030/follow-ups', {
      action: 'note',
      note: 'Called',
      version: assign.body.version,
    });
    expect(stale.status).toBe(409);
  });

  it('writes off a lost denial: it leaves A/R', async () => {
    const before = await agingTotal();
    const claim = (await as(biller)('GET', '/billing/claims/RND-50021')).body.claim;
    const res = await as(owner)('POST', '/billing/claims/RND-50021/follow-ups', {
      action: 'written_off',
      note: 'Past timely filing',
      version: claim.version,
    });
    expect(res.body.state).toBe('closed');
    expect(await agingTotal()).toBe(before - 31000);
  });

  it('refuses bad work input with clear messages', async () => {
    const claim = (await as(biller)('GET', '/billing/claims/RND-20102')).body.claim;
    const noNote = await as(biller)('POST', '/billing/claims/RND-20102/follow-ups', {
      action: 'note',
      note: '',
      version: claim.version,
    });
    expect(noNote.status).toBe(400);
    const notDenied = await as(biller)('POST', '/billing/claims/RND-20102/follow-ups', {
      action: 'appealed',
      note: 'x',
      version: claim.version,
    });
    expect(notDenied.status).toBe(400);
    expect(notDenied.body.error.message).toMatch(/denied/);
    // Someone of another practice is nobody here; a paid claim has nothing to follow up.
    const denied = (await as(biller)('GET', '/billing/claims/RND-50030')).body.claim;
    const nobody = await as(owner)('POST', '/billing/claims/RND-50030/assign', {
      assigneeId: other.userId,
      followUpDate: '2026-12-10',
      version: denied.version,
    });
    expect(nobody.status).toBe(404);
    const paid = await as(owner)('POST', '/billing/claims/RND-20102/assign', {
      assigneeId: biller.userId,
      followUpDate: '2026-12-10',
      version: claim.version,
    });
    expect(paid.status).toBe(409);
    expect(paid.body.error.message).toMatch(/closed/);
  });
});

describe('who sees billing', () => {
  it('is closed to front-desk staff and to other practices', async () => {
    expect((await as(desk)('GET', '/billing/claims')).status).toBe(403);
    expect((await as(desk)('GET', '/billing/dashboard')).status).toBe(403);
    expect((await as(other)('GET', '/billing/claims/RND-10041')).status).toBe(404);
    expect((await as(other)('GET', '/billing/claims')).body.items).toEqual([]);
    expect((await as(other)('GET', '/billing/aging')).body.total.totalCents).toBe(0);
  });
});
