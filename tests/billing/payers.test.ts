import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * Payers: a fee schedule in from CSV prices the lines of later remittances (underpayments found and
 * totalled), the scorecard reads the ledger, and a contract's notice deadline is a dated thing.
 */

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
let t: TestApp;
let owner: Session;
let biller: Session;
let other: Session;
const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const FEES = [
  'payer_id,cpt,modifier,allowed amount',
  'HHP01,99214,,$160.00',
  'HHP01,36415,,50',
  'HHP01,99213,25,115.00',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Payer Practice');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  other = await signUpPractice(t, 'Other Payer Practice');
  expect(
    (await as(owner)('POST', '/billing/claim-batches', { text: fixture('claims-basic.837') })).status,
  ).toBe(200);
});

describe('fee schedules and underpayments', () => {
  it('imports a fee schedule from CSV; a bad row is named and nothing of it is written', async () => {
    const preview = await as(owner)('POST', '/billing/fee-schedules/import', {
      kind: 'billing.fee_schedule',
      csv: FEES,
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ created: 3, errors: [] });
    const bad = await as(owner)('POST', '/billing/fee-schedules/import', {
      kind: 'billing.fee_schedule',
      csv: ['payer_id,code,allowed', 'NOPE,9921,abc'].join('\n'),
      dryRun: false,
    });
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['allowed', 'code', 'payer_id']);
    const done = await as(owner)('POST', '/billing/fee-schedules/import', {
      kind: 'billing.fee_schedule',
      csv: FEES,
      dryRun: false,
    });
    expect(done.body).toMatchObject({ created: 3 });
    const again = await as(owner)('POST', '/billing/fee-schedules/import', {
      kind: 'billing.fee_schedule',
      csv: FEES,
      dryRun: false,
    });
    expect(again.body).toMatchObject({ created: 0, unchanged: 3 });
    const fees = await as(biller)('GET', '/billing/payers/HHP01/fees');
    expect(fees.body.items).toContainEqual({ code: '99214', modifier: '', allowedCents: 16000 });
  });

  it('flags a line the payer allowed below the contract, on the claim and on the scorecard', async () => {
    expect(
      (await as(biller)('POST', '/billing/remittances', { text: fixture('remit-basic.835') })).status,
    ).toBe(200);
    // RND-10041: 99214 allowed 150.00 against 160.00 contracted; 36415 allowed 50.00 as contracted.
    const claim = (await as(biller)('GET', '/billing/claims/RND-10041')).body;
    expect(claim.claim.underpaidCents).toBe(1000);
    expect(claim.lines).toContainEqual(
      expect.objectContaining({
        code: '99214',
        expectedCents: 16000,
        allowedCents: 15000,
        underpaidCents: 1000,
      }),
    );
    expect(claim.lines).toContainEqual(
      expect.objectContaining({ code: '36415', expectedCents: 5000, underpaidCents: 0 }),
    );
    // RND-10057's 99213-25 was allowed 121.05 against 115.00: not under.
    const payers = (await as(biller)('GET', '/billing/payers')).body.items;
    const harbor = payers.find((p: { id: string }) => p.id === 'HHP01');
    // Three priced lines, one under: 1 of 3; allowed 150 + 50 + 121.05 of expected 160 + 50 + 115.
    expect(harbor.scorecard).toMatchObject({ pricedLines: 3, underpaidCents: 1000, underpaymentRate: 1 / 3 });
    expect(harbor.scorecard.percentOfExpected).toBeCloseTo(32105 / 32500, 6);
    expect(harbor).toMatchObject({ hasFeeSchedule: true, appealDays: 60, timelyFilingDays: 90, version: 0 });
  });
});

describe('payer rules and contracts', () => {
  it('saves windows and a contract, refuses a stale or inconsistent one, and plans the notice alert', async () => {
    const saved = await as(owner)('PUT', '/billing/payers/HHP01', {
      appealDays: 120,
      timelyFilingDays: 365,
      contract: { effectiveFrom: '2025-01-01', renewalDate: '2027-01-01', noticeDays: 90 },
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      appealDays: 120,
      version: 1,
      contract: { renewalDate: '2027-01-01' },
    });
    const stale = await as(owner)('PUT', '/billing/payers/HHP01', {
      appealDays: 90,
      timelyFilingDays: 365,
      version: 0,
    });
    expect(stale.status).toBe(409);
    const backwards = await as(owner)('PUT', '/billing/payers/HHP01', {
      appealDays: 90,
      timelyFilingDays: 365,
      contract: { effectiveFrom: '2026-06-01', effectiveTo: '2026-01-01' },
      version: 1,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0]).toMatchObject({
      path: 'contract.effectiveTo',
      message: 'The contract must end after it starts',
    });
    // The notice deadline (2027-01-01 less 90 days) is a dated thing with alerts.
    const thing = await t.platform.store.get<{ dueDate: string; title: string }>({
      PK: `T#${owner.tenantId}#DUE`,
      SK: 'THING#billing-contract_notice-HHP01',
    });
    expect(thing).toMatchObject({
      dueDate: '2026-10-03',
      title: expect.stringContaining('HARBOR HEALTH PLAN'),
    });
  });

  it('is for the practice’s admins to change, billing to read, and nobody else’s', async () => {
    expect(
      (await as(biller)('PUT', '/billing/payers/HHP01', { appealDays: 30, timelyFilingDays: 90, version: 1 }))
        .status,
    ).toBe(403);
    expect(
      (await as(other)('PUT', '/billing/payers/HHP01', { appealDays: 30, timelyFilingDays: 90, version: 0 }))
        .status,
    ).toBe(404);
    expect((await as(other)('GET', '/billing/payers')).body.items).toEqual([]);
    expect((await as(other)('GET', '/billing/payers/HHP01/fees')).status).toBe(404);
  });
});
