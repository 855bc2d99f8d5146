import { beforeAll, describe, expect, it } from 'vitest';
import { demoBilling } from '../../functions/local/billing-demo.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { write835, write837P } from '../../shared/x12/x12-writer.ts';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * The ledger's totals are kept on import, never recomputed from the claims: after a few months of
 * believable claims, denials, appeals and a reversal, what the dashboard and the aging say must
 * equal what the claims themselves add up to.
 */

let t: TestApp;
let owner: Session;
const as = (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: owner.token, json });

interface Claim {
  chargeCents: number;
  paidCents: number;
  insuranceBalanceCents: number;
  patientBalanceCents: number;
  state: string;
}

async function allClaims(state: string): Promise<Claim[]> {
  const out: Claim[] = [];
  let cursor = '';
  do {
    const res = await as(
      'GET',
      `/billing/claims?state=${state}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...res.body.items);
    cursor = res.body.nextCursor ?? '';
  } while (cursor);
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Ledger Practice');
  const today = localParts(Date.now(), 'America/Los_Angeles').date;
  const demo = demoBilling({
    seed: 7,
    from: addDays(today, -120),
    days: 120,
    claimsPerDay: 3,
    today,
    providers: [
      { npi: '1336421879', name: 'Priya Raman', facilities: ['Main'] },
      { npi: '1215038962', name: 'Elena Alvarez', facilities: ['Main'] },
    ],
    uncredentialed: { payerId: '60054', npi: '1215038962' },
  });
  const env = { senderId: 'PRACTICE', receiverId: 'PAYERS', interchangeControl: '1', date: today };
  expect((await as('POST', '/billing/claim-batches', { text: write837P(demo.claims, env) })).status).toBe(
    200,
  );
  expect((await as('POST', '/billing/remittances', { text: write835(demo.remittances, env) })).status).toBe(
    200,
  );
}, 120_000);

describe('the ledger agrees with the claims', () => {
  it('A/R on the dashboard and in the aging equals what the open claims owe', async () => {
    const open = await allClaims('open');
    const owed = open.reduce((s, c) => s + c.insuranceBalanceCents + c.patientBalanceCents, 0);
    expect(open.length).toBeGreaterThan(10);
    const aging = (await as('GET', '/billing/aging')).body;
    expect(aging.total.totalCents).toBe(owed);
    expect(aging.rows.reduce((s: number, r: { totalCents: number }) => s + r.totalCents, 0)).toBe(owed);
    const dash = (await as('GET', '/billing/dashboard?months=6')).body;
    expect(dash.months.at(-1).arCents).toBe(owed);
  });

  it('charges and payments over the months equal the claims’ own', async () => {
    const claims = [...(await allClaims('open')), ...(await allClaims('closed'))];
    const dash = (await as('GET', '/billing/dashboard?months=6')).body;
    const sum = (f: 'chargesCents' | 'paymentsCents') =>
      dash.months.reduce((s: number, m: Record<string, number>) => s + m[f]!, 0);
    expect(sum('chargesCents')).toBe(claims.reduce((s, c) => s + c.chargeCents, 0));
    expect(sum('paymentsCents')).toBe(claims.reduce((s, c) => s + c.paidCents, 0));
    // Some claims were denied and are still owed; the uncredentialed provider's Aetna claims among them.
    expect(claims.some((c) => c.state === 'denied')).toBe(true);
  });
});
