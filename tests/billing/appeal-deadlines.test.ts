import { beforeAll, describe, expect, it } from 'vitest';
import { chunkStarts } from '../../functions/billing/remittances.service.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { ClaimPayment, Remittance835 } from '../../shared/x12/x12-types.ts';
import { write835 } from '../../shared/x12/x12-writer.ts';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * A denial's appeal deadline on the due queue: planned from the payer's appeal window when the
 * denial is imported, stopped by an appeal, a write-off or the payer paying after all; and the
 * chunks a remittance is written in leave room for those items.
 */

let t: TestApp;
let owner: Session;
const as = (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: owner.token, json });
const today = () => localParts(Date.now(), 'America/Los_Angeles').date;

const payment = (id: string, denied: boolean): ClaimPayment => ({
  claimId: id,
  statusCode: denied ? '4' : '1',
  chargeCents: 20000,
  paidCents: denied ? 0 : 14000,
  patientResponsibilityCents: 0,
  patient: { lastName: 'DOE', firstName: 'JAN' },
  serviceDateFrom: addDays(today(), -20),
  adjustments: [{ group: 'CO', reason: denied ? '197' : '45', amountCents: denied ? 20000 : 6000 }],
  remarks: [],
  lines: [],
});
const remit = (trace: string, claims: ClaimPayment[]): Remittance835 => ({
  traceNumber: trace,
  paymentCents: claims.reduce((s, c) => s + c.paidCents, 0),
  handlingCode: 'I',
  paymentMethod: 'ACH',
  paymentDate: today(),
  payer: { id: 'AET01', name: 'AETNA' },
  payee: { name: 'PRACTICE' },
  claims,
  providerAdjustments: [],
  startSegment: 0,
});
const file = (r: Remittance835) =>
  write835([r], { senderId: 'AETNA', receiverId: 'PRACTICE', interchangeControl: '5', date: today() });
const deadline = (claimId: string) =>
  t.platform.store.get<{ dueDate: string; title: string }>({
    PK: `T#${owner.tenantId}#DUE`,
    SK: `THING#billing-appeal-${claimId}`,
  });

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Appeals Practice');
});

describe('appeal deadlines', () => {
  it('a new denial is due for appeal within the payer’s window (60 days unless set)', async () => {
    expect(
      (await as('POST', '/billing/remittances', { text: file(remit('T1', [payment('AP-1', true)])) })).status,
    ).toBe(200);
    expect(await deadline('AP-1')).toMatchObject({
      dueDate: addDays(today(), 60),
      title: 'The appeal of claim AP-1 (AETNA)',
    });
    const saved = await as('PUT', '/billing/payers/AET01', {
      appealDays: 30,
      timelyFilingDays: 90,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(
      (await as('POST', '/billing/remittances', { text: file(remit('T2', [payment('AP-2', true)])) })).status,
    ).toBe(200);
    expect(await deadline('AP-2')).toMatchObject({ dueDate: addDays(today(), 30) });
  });

  it('an appeal sent stops the alerts; so does the payer paying after all', async () => {
    const claim = (await as('GET', '/billing/claims/AP-1')).body.claim;
    const appealed = await as('POST', '/billing/claims/AP-1/follow-ups', {
      action: 'appealed',
      note: 'Faxed',
      version: claim.version,
    });
    expect(appealed.status).toBe(200);
    expect(await deadline('AP-1')).toBeUndefined();
    expect(
      (await as('POST', '/billing/remittances', { text: file(remit('T3', [payment('AP-2', false)])) }))
        .status,
    ).toBe(200);
    expect(await deadline('AP-2')).toBeUndefined();
    expect((await as('GET', '/billing/claims/AP-2')).body.claim.state).toBe('closed');
  });

  it('a remittance of many denials is written in chunks that fit one transaction each, and keeps them', async () => {
    const claims = Array.from({ length: 25 }, (_, i) => payment(`AP-D${i}`, true));
    // Each denial may bring 5 items and 7 for its deadline (a queue entry and an hour marker per
    // alert): 7 fit in the 94 a chunk may use.
    expect(chunkStarts(claims, new Map())).toEqual([0, 7, 14, 21]);
    expect(chunkStarts([payment('P', false), payment('Q', false)], new Map())).toEqual([0]);
    expect((await as('POST', '/billing/remittances', { text: file(remit('T4', claims)) })).status).toBe(200);
    const record = await t.platform.store.get<{ chunkStarts: number[]; status: string }>({
      PK: `T#${owner.tenantId}#BILL#REMIT`,
      SK: 'R#AET01#T4',
    });
    expect(record).toMatchObject({ chunkStarts: [0, 7, 14, 21], status: 'imported' });
    expect(await deadline('AP-D24')).toMatchObject({ dueDate: addDays(today(), 30) });
  });
});
