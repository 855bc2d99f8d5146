import { beforeAll, describe, expect, it } from 'vitest';
import { raiseTimelyFilingChecks } from '../../functions/billing/timely-filing.service.ts';
import { filingRisks } from '../../shared/billing/timely-filing.ts';
import { addDays } from '../../shared/time.ts';
import type { Claim837, ClaimPayment } from '../../shared/x12/x12-types.ts';
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
 * Timely filing: unpaid claims (awaiting the payer, or denied and not appealed) near the payer's
 * limit (date of service + its timely-filing days) become one Today item a day for billing staff.
 */

describe('filingRisks', () => {
  const claim = (id: string, state: string, serviceDate: string, payerId = 'P1', appealed = false) => ({
    id,
    state,
    serviceDate,
    appealed,
    payer: { id: payerId, name: payerId === 'P1' ? 'Aetna' : 'Medicare' },
  });
  const days = (payerId: string) => (payerId === 'P1' ? 90 : 365);

  it('keeps unpaid claims within the window or past it, soonest first, each with its days left', () => {
    const risks = filingRisks(
      [
        claim('A', 'submitted', '2027-10-01'), // due 2027-12-30: 29 days left
        claim('B', 'denied', '2027-08-01'), // due 2027-10-30: past by 32 days
        claim('C', 'submitted', '2027-10-03'), // due 2028-01-01: 31 days left, outside
        claim('D', 'submitted', '2027-01-01', 'P2'), // Medicare's 365 days: due 2028-01-01
        claim('E', 'partial', '2027-08-01'), // partly paid: the payer has it
        claim('F', 'denied', '2027-08-01', 'P1', true), // appealed: the appeal's own deadline applies
      ],
      days,
      '2027-12-01',
      30,
    );
    expect(risks.map((r) => [r.claimId, r.deadline, r.daysLeft])).toEqual([
      ['B', '2027-10-30', -32],
      ['A', '2027-12-30', 29],
    ]);
  });

  it('the day of the deadline counts as 0 days left, the window’s last day as in it', () => {
    const risks = filingRisks(
      [claim('A', 'submitted', '2027-09-02'), claim('B', 'submitted', '2027-10-02')],
      days,
      '2027-12-01',
      30,
    );
    expect(risks.map((r) => r.daysLeft)).toEqual([0, 30]);
  });
});

describe('the daily timely-filing check', () => {
  const clock = testClock();
  let t: TestApp;
  let owner: Session;
  let biller: Session;
  const as = (s: Session) => (method: string, path: string, json?: unknown) =>
    t.call(method, `/api${path}`, { token: s.token, json });
  // Tuesday 2027-12-01, 09:00 in Los Angeles (the test practice's zone).
  const TODAY = '2027-12-01';
  const claim837 = (id: string, serviceDate: string): Claim837 => ({
    claimId: id,
    chargeCents: 15000,
    submittedDate: addDays(serviceDate, 2),
    payer: { id: 'AET01', name: 'AETNA' },
    patient: { lastName: 'DOE', firstName: 'JAN', memberId: 'M1' },
    billingProvider: { npi: '1336421879', name: 'PRACTICE' },
    lines: [{ lineNumber: 1, code: '99213', modifiers: [], chargeCents: 15000, units: 1, serviceDate }],
  });
  const denial = (id: string, serviceDate: string): ClaimPayment => ({
    claimId: id,
    statusCode: '4',
    chargeCents: 15000,
    paidCents: 0,
    patientResponsibilityCents: 0,
    patient: { lastName: 'DOE', firstName: 'JAN' },
    serviceDateFrom: serviceDate,
    adjustments: [{ group: 'CO', reason: '16', amountCents: 15000 }],
    remarks: [],
    lines: [],
  });

  beforeAll(async () => {
    clock.set(Date.parse(`${TODAY}T17:00:00Z`));
    t = await createTestApp({ clock });
    owner = await signUpPractice(t, 'Filing Practice');
    biller = await addMember(t, owner, 'billing', 'Bill Payne');
    const claims = [
      claim837('TF-1', '2027-09-10'), // Aetna's 90 days: due 2027-12-09
      claim837('TF-2', '2027-11-20'), // due 2028-02-18: not yet
      claim837('TF-3', '2027-09-20'), // denied below: due 2027-12-19
    ];
    const text837 = write837P(claims, {
      senderId: 'PRACTICE',
      receiverId: 'CLEARINGHOUSE',
      interchangeControl: '7',
      date: '2027-11-22',
    });
    expect((await as(owner)('POST', '/billing/claim-batches', { text: text837 })).status).toBe(200);
    const text835 = write835(
      [
        {
          traceNumber: 'TF-T1',
          paymentCents: 0,
          handlingCode: 'H',
          paymentMethod: 'NON',
          paymentDate: '2027-11-25',
          payer: { id: 'AET01', name: 'AETNA' },
          payee: { name: 'PRACTICE' },
          claims: [denial('TF-3', '2027-09-20')],
          providerAdjustments: [],
          startSegment: 0,
        },
      ],
      { senderId: 'AETNA', receiverId: 'PRACTICE', interchangeControl: '8', date: '2027-11-25' },
    );
    expect((await as(owner)('POST', '/billing/remittances', { text: text835 })).status).toBe(200);
  });

  it('from 08:00 local, once a day, lists the claims near their limit for billing staff', async () => {
    clock.set(Date.parse(`${TODAY}T15:30:00Z`)); // 07:30 in Los Angeles: not yet
    expect((await raiseTimelyFilingChecks({ ...t.platform, clock })).raised).toBe(0);
    clock.set(Date.parse(`${TODAY}T17:00:00Z`)); // 09:00
    expect((await raiseTimelyFilingChecks({ ...t.platform, clock })).raised).toBe(1);
    expect((await raiseTimelyFilingChecks({ ...t.platform, clock })).raised).toBe(0);

    const today = (await as(biller)('GET', '/today')).body.today as Record<string, string>[];
    const item = today.find((i) => i.kind === 'timely_filing');
    expect(item).toMatchObject({
      title: "2 claims reach the payer's timely-filing limit within 30 days",
      detail:
        'Claim TF-1 (AETNA, no answer from the payer) due 2027-12-09; Claim TF-3 (AETNA, denied, corrected claim) due 2027-12-19',
      dueDate: TODAY,
      link: '/app/billing/claims?state=submitted&serviceTo=2027-09-10&sort=oldest',
    });
  });

  it('an unpaid claim shows its limit; a partly paid or appealed one does not', async () => {
    const detail = (await as(biller)('GET', '/billing/claims/TF-1')).body;
    expect(detail.filing).toEqual({ deadline: '2027-12-09', days: 90, daysLeft: 8 });
    const appealed = await as(biller)('POST', '/billing/claims/TF-3/follow-ups', {
      action: 'appealed',
      note: 'Sent the corrected modifier',
      version: (await as(biller)('GET', '/billing/claims/TF-3')).body.claim.version,
    });
    expect(appealed.status, JSON.stringify(appealed.body)).toBe(200);
    expect((await as(biller)('GET', '/billing/claims/TF-3')).body.filing).toBeUndefined();
  });

  it('follows the payer’s own limit', async () => {
    const saved = await as(owner)('PUT', '/billing/payers/AET01', {
      appealDays: 60,
      timelyFilingDays: 180,
      version: 0,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    clock.set(Date.parse('2027-12-02T17:00:00Z'));
    // With 180 days every claim is months from its limit: nothing to raise.
    expect((await raiseTimelyFilingChecks({ ...t.platform, clock })).raised).toBe(0);
  });
});
