import { describe, expect, it } from 'vitest';
import {
  arAging,
  arEndCents,
  balancesByServiceMonth,
  billingLag,
  breakdown,
  centsToDollars,
  collectedCents,
  daysInAr,
  denialRate,
  denialRateDollars,
  firstPassRate,
  grossCollectionRate,
  monthTotals,
  netCollectionRate,
  paymentLag,
  ratio,
  spanTotals,
  trailingMonths,
} from '../../shared/billing/kpis.ts';
import { emptyTotals } from '../../shared/billing/ledger.ts';
import { BILLING_METRICS, METRICS } from '../../shared/metrics.ts';
import { daysInMonth, monthsBetween, shiftMonth } from '../../shared/time.ts';
import { LEDGER, P1, P2 } from './ledger-fixture.ts';

/** Every rate of a totals object, to check a month in one expectation. */
const rates = (t: ReturnType<typeof emptyTotals>) => ({
  net: netCollectionRate(t),
  gross: grossCollectionRate(t),
  denial: denialRate(t),
  denialDollars: denialRateDollars(t),
  firstPass: firstPassRate(t),
  billingLag: billingLag(t),
  paymentLag: paymentLag(t),
});

describe('month helpers', () => {
  it('shifts, counts days and lists months across year ends and leap years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-11', 14)).toBe('2027-01');
    expect([
      daysInMonth('2026-02'),
      daysInMonth('2024-02'),
      daysInMonth('2000-02'),
      daysInMonth('2100-02'),
    ]).toEqual([28, 29, 29, 28]);
    expect([daysInMonth('2026-04'), daysInMonth('2026-12')]).toEqual([30, 31]);
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-01')).toEqual([]);
    expect(trailingMonths('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(trailingMonths('2026-06', 1)).toEqual(['2026-06']);
    expect(trailingMonths('2026-06', 0)).toEqual([]);
  });
});

describe('totals', () => {
  it('sums the cells of a month; a month missing from the ledger is all zero', () => {
    // June: payments 20000 (F1) + 48000 (M1); charges 20000 (S1).
    const jun = monthTotals(LEDGER, '2026-06');
    expect(jun.chargesCents).toBe(20000);
    expect(jun.paymentsCents).toBe(68000);
    expect(jun.writeOffsCents).toBe(10000);
    expect(monthTotals(LEDGER, '2026-04')).toEqual(emptyTotals());
  });

  it('applies the dimension filter to cells, alone or combined', () => {
    // June, provider P1: MEDICARE/P1/L2 + SELF/P1/L1.
    const p1 = monthTotals(LEDGER, '2026-06', { provider: P1 });
    expect([p1.chargesCents, p1.paymentsCents, p1.contractualCents]).toEqual([20000, 48000, 16000]);
    // February, AETNA at L1: AETNA/P1/L1 + AETNA/P2/L1.
    const aetnaL1 = monthTotals(LEDGER, '2026-02', { payer: 'AETNA', location: 'L1' });
    expect([aetnaL1.chargesCents, aetnaL1.paymentsCents, aetnaL1.firstAdjudicated]).toEqual([
      30000, 70000, 1,
    ]);
    expect(monthTotals(LEDGER, '2026-06', { payer: 'NOBODY' })).toEqual(emptyTotals());
  });

  it('sums a trailing span, skipping the missing month', () => {
    // Apr–Jun: charges 0 + 80000 + 20000; payments −25000 + 68000; patient payments 5000.
    const q = spanTotals(LEDGER, trailingMonths('2026-06', 3));
    expect([q.chargesCents, q.paymentsCents, q.patientPaymentsCents]).toEqual([100000, 43000, 5000]);
    expect(collectedCents(q)).toBe(48000);
  });
});

describe('rates', () => {
  it('January: charges but no money in yet', () => {
    // net 0 ÷ (150000 − 0); denial: D1 1 of 1, 40000 of 40000; billing lag (2 + 4) ÷ 2.
    expect(rates(monthTotals(LEDGER, '2026-01'))).toEqual({
      net: 0,
      gross: 0,
      denial: 1,
      denialDollars: 1,
      firstPass: 0,
      billingLag: 3,
      paymentLag: null,
    });
  });

  it('February: payments for January against February charges read above 1', () => {
    // net 70000 ÷ (30000 − 20000) = 7; gross 70000 ÷ 30000; denial 1 of 2 (J2), 50000 of 150000;
    // first pass 1 of 2 (J1); billing lag 3 ÷ 1; payment lag 20 ÷ 1.
    const r = rates(monthTotals(LEDGER, '2026-02'));
    expect(r.net).toBe(7);
    expect(r.gross).toBeCloseTo(70000 / 30000, 10);
    expect([r.denial, r.denialDollars, r.firstPass]).toEqual([0.5, 50000 / 150000, 0.5]);
    expect([r.billingLag, r.paymentLag]).toEqual([3, 20]);
  });

  it('March, a month with no charges: collection rates are null, not NaN or Infinity', () => {
    // net: 70000 ÷ (0 − 15000) → null; gross: 70000 ÷ 0 → null; denial 0 of 1 (F1 paid), 0 of 30000;
    // first pass 1 of 1; nothing submitted → billing lag null; payment lag (55 + 25) ÷ 2.
    expect(rates(monthTotals(LEDGER, '2026-03'))).toEqual({
      net: null,
      gross: null,
      denial: 0,
      denialDollars: 0,
      firstPass: 1,
      billingLag: null,
      paymentLag: 40,
    });
  });

  it('April, missing from the ledger: every rate is null', () => {
    const r = rates(monthTotals(LEDGER, '2026-04'));
    for (const v of Object.values(r)) expect(v).toBeNull();
  });

  it('May, a reversal month: negative payments give a negative rate, not a hidden one', () => {
    // collected −25000 + 5000 = −20000; net −20000 ÷ (80000 − (−5000)) = −20000 ÷ 85000; gross −20000 ÷ 80000.
    const r = rates(monthTotals(LEDGER, '2026-05'));
    expect(r.net).toBeCloseTo(-20000 / 85000, 10);
    expect(r.gross).toBe(-0.25);
    expect([r.denial, r.firstPass, r.billingLag, r.paymentLag]).toEqual([null, null, 10, null]);
  });

  it('June: a zero-day lag is 0, not null', () => {
    // net 68000 ÷ (20000 − 16000) = 17; gross 68000 ÷ 20000; M1 paid first pass; S1 sent same day.
    expect(rates(monthTotals(LEDGER, '2026-06'))).toEqual({
      net: 17,
      gross: 3.4,
      denial: 0,
      denialDollars: 0,
      firstPass: 1,
      billingLag: 0,
      paymentLag: 20,
    });
  });

  it('over trailing spans', () => {
    // Apr–Jun: 48000 ÷ (100000 − (−5000 + 16000)) = 48000 ÷ 89000; gross 48000 ÷ 100000.
    const q = spanTotals(LEDGER, trailingMonths('2026-06', 3));
    expect(netCollectionRate(q)).toBeCloseTo(48000 / 89000, 10);
    expect(grossCollectionRate(q)).toBe(0.48);
    // Jan–Jun (December left out): charges 150000 + 30000 + 80000 + 20000 = 280000;
    // collected 70000 + 70000 − 20000 + 68000 = 188000; contractual 20000 + 15000 − 5000 + 16000 = 46000;
    // first adjudicated 1 + 2 + 1 + 1 = 5, denied 2 (D1, J2), first pass 3 (J1, F1, M1);
    // denied charges 40000 + 50000 of 40000 + 150000 + 30000 + 80000; billing lag (6 + 3 + 10 + 0) ÷ 5;
    // payment lag (20 + 80 + 20) ÷ 4.
    const h = spanTotals(LEDGER, trailingMonths('2026-06', 6));
    expect(netCollectionRate(h)).toBeCloseTo(188000 / 234000, 10);
    expect(grossCollectionRate(h)).toBeCloseTo(188000 / 280000, 10);
    expect([denialRate(h), denialRateDollars(h), firstPassRate(h)]).toEqual([0.4, 0.3, 0.6]);
    expect([billingLag(h), paymentLag(h)]).toEqual([3.8, 30]);
  });

  it('ratio never answers NaN or Infinity', () => {
    expect([ratio(1, 0), ratio(0, 0), ratio(-1, 0), ratio(5, -5), ratio(Number.NaN, 1)]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(centsToDollars(123456)).toBe(1234.56);
    expect(centsToDollars(-2500)).toBe(-25);
  });
});

describe('A/R', () => {
  it('is charges to date minus money taken off to date; patient responsibility stays in A/R', () => {
    const ends = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    // February: 220000 charged to date − (70000 + 20000) = 130000, J1's 10000 owed by the patient included.
    // May: the reversal puts F1's 30000 back: 45000 + 80000 + 25000 (−25000 − 5000 + 5000 taken off).
    expect(ends.map((m) => arEndCents(LEDGER, m))).toEqual([
      0, 40000, 190000, 130000, 45000, 45000, 150000, 75000,
    ]);
  });

  it('filters by payer, and the payers add up to the practice', () => {
    // June: AETNA D1 40000 (J1, F1 closed); MEDICARE M1 15000 owed by the patient; SELF S1 20000.
    const byPayer = ['AETNA', 'MEDICARE', 'SELF'].map((payer) => arEndCents(LEDGER, '2026-06', { payer }));
    expect(byPayer).toEqual([40000, 15000, 20000]);
    expect(byPayer.reduce((a, b) => a + b)).toBe(arEndCents(LEDGER, '2026-06'));
  });

  it('days in A/R: A/R ÷ average daily charges of the last three months', () => {
    // March: 45000 × (31 + 28 + 31) ÷ (150000 + 30000 + 0) = 22.5.
    expect(daysInAr(LEDGER, '2026-03')).toBe(22.5);
    // June (April missing): 75000 × (30 + 31 + 30) ÷ (0 + 80000 + 20000) = 68.25.
    expect(daysInAr(LEDGER, '2026-06')).toBe(68.25);
    // AETNA in February: 80000 (D1 40000 + J1 10000 + F1 30000) × (31 + 31 + 28) ÷ (40000 + 100000 + 30000).
    expect(daysInAr(LEDGER, '2026-02', { payer: 'AETNA' })).toBeCloseTo((80000 * 90) / 170000, 10);
    // No charges in the three months: null, not Infinity.
    expect(daysInAr(LEDGER, '2025-11')).toBeNull();
    // A month still running counts its days so far: on June 10, 30 + 31 + 10 days of charges, not 91.
    expect(daysInAr(LEDGER, '2026-06', {}, '2026-06-10')).toBeCloseTo((68.25 * 71) / 91, 10);
    expect(daysInAr(LEDGER, '2026-06', { payer: 'AETNA' })).toBeNull();
  });

  it('balances by month of service at a month end', () => {
    // End of May: 2026-01: 150000 − 90000 − 55000 − 5000 = 0; 2026-02: 30000 − 30000 + 30000; March
    // is in the ledger with no charges; April is not.
    expect(Object.fromEntries(balancesByServiceMonth(LEDGER, '2026-05'))).toEqual({
      '2025-12': 40000,
      '2026-01': 0,
      '2026-02': 30000,
      '2026-03': 0,
      '2026-05': 80000,
    });
  });

  it('ages A/R by month of service: over 90 is 3+ months back, over 120 is 4+', () => {
    // End of April (over 90: ≤ 2026-01; over 120: ≤ 2025-12): D1 40000, J1 5000 → 45000 of 45000; 40000 of 45000.
    expect(arAging(LEDGER, '2026-04')).toEqual({ over90: 1, over120: 40000 / 45000 });
    // End of May (≤ 2026-02; ≤ 2026-01): D1 40000 + F1 30000 of 150000; D1 40000 of 150000.
    const may = arAging(LEDGER, '2026-05');
    expect(may.over90).toBeCloseTo(70000 / 150000, 10);
    expect(may.over120).toBeCloseTo(40000 / 150000, 10);
    // End of June (≤ 2026-03; ≤ 2026-02): only D1 40000 of 75000 in both.
    expect(arAging(LEDGER, '2026-06')).toEqual({ over90: 40000 / 75000, over120: 40000 / 75000 });
  });

  it('aging is practice-wide only: a filter answers null and says why', () => {
    expect(arAging(LEDGER, '2026-06', { payer: 'AETNA' })).toEqual({
      over90: null,
      over120: null,
      unavailable: 'filtered',
    });
    expect(arAging([], '2026-06')).toEqual({ over90: null, over120: null, unavailable: 'no-balance' });
  });

  it('leaves a credit balance (money for charges before the ledger) out of the aged shares', () => {
    // 10000 paid in January 2026 for a June 2025 claim whose charges predate the ledger:
    // A/R = 50000 − 10000 = 40000, but aged shares are of the 50000 owed for January.
    const ledger = [
      {
        month: '2026-01',
        cells: [
          {
            dims: { payer: 'AETNA', provider: P2, location: 'L1' },
            totals: { ...emptyTotals(), chargesCents: 50000, paymentsCents: 10000 },
          },
        ],
        reducedByServiceMonth: { '2025-06': 10000 },
      },
    ];
    expect(arEndCents(ledger, '2026-01')).toBe(40000);
    expect(arAging(ledger, '2026-01')).toEqual({ over90: 0, over120: 0 });
  });
});

describe('breakdown', () => {
  it('groups a month by provider, most charges first', () => {
    // June: P1 = SELF 20000 charged + MEDICARE 48000 paid; P2 = AETNA 20000 paid, nothing charged.
    const rows = breakdown(LEDGER, ['2026-06'], 'provider');
    expect(rows.map((r) => [r.key, r.totals.chargesCents, r.totals.paymentsCents])).toEqual([
      [P1, 20000, 48000],
      [P2, 0, 20000],
    ]);
  });

  it('groups a span by payer, ties by name, and honours the filter', () => {
    // Jan–Jun: AETNA 100000 + 30000 and MEDICARE 50000 + 80000 tie at 130000; SELF 20000.
    // AETNA payments 70000 + 25000 − 25000 + 20000; MEDICARE 40000 + 48000.
    const rows = breakdown(LEDGER, trailingMonths('2026-06', 6), 'payer');
    expect(rows.map((r) => [r.key, r.totals.chargesCents, r.totals.paymentsCents])).toEqual([
      ['AETNA', 130000, 90000],
      ['MEDICARE', 130000, 88000],
      ['SELF', 20000, 0],
    ]);
    const l2 = breakdown(LEDGER, ['2026-01'], 'payer', { location: 'L2' });
    expect(l2.map((r) => [r.key, r.totals.chargesCents, r.totals.deniedFirst])).toEqual([
      ['MEDICARE', 50000, 0],
      ['AETNA', 0, 1],
    ]);
  });
});

describe('billing metrics registry', () => {
  it('declares every billing metric once, in the registry, with a unit', () => {
    const ids = BILLING_METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(12);
    for (const m of BILLING_METRICS) {
      expect(m.module).toBe('billing');
      expect(METRICS).toContainEqual(m);
      expect(['percent', 'days', 'dollars']).toContain(m.unit);
    }
    expect(BILLING_METRICS.filter((m) => m.unit === 'dollars').map((m) => m.id)).toEqual([
      'billing.charges',
      'billing.payments',
    ]);
  });
});
