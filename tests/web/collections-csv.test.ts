import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../shared/csv.ts';
import {
  ageInDays,
  type CollectionClaim,
  collectionRows,
  collectionsCsv,
  collectionsFileName,
  dollars,
  isCollectionMinAge,
  totalCents,
} from '../../web/src/features/billing/collections-csv.ts';

const claim = (over: Partial<CollectionClaim>): CollectionClaim => ({
  id: 'CLM-1',
  patientName: 'Lovelace, Ada',
  serviceDate: '2026-08-01',
  payerName: 'Blue Shield',
  patientBalanceCents: 4_250,
  ...over,
});

describe('ageInDays', () => {
  it('counts calendar days from the date of service to today', () => {
    expect(ageInDays('2026-12-01', '2026-12-01')).toBe(0);
    expect(ageInDays('2026-11-30', '2026-12-01')).toBe(1);
    expect(ageInDays('2026-09-02', '2026-12-01')).toBe(90);
    // Across a leap day and a year end.
    expect(ageInDays('2027-12-31', '2028-03-01')).toBe(61);
  });

  it('is never negative (a service date after today) and 0 for a date it cannot read', () => {
    expect(ageInDays('2026-12-05', '2026-12-01')).toBe(0);
    expect(ageInDays('not a date', '2026-12-01')).toBe(0);
  });
});

describe('dollars', () => {
  it('writes cents as dollars with 2 decimals, no symbol or thousands separator', () => {
    expect(dollars(0)).toBe('0.00');
    expect(dollars(5)).toBe('0.05');
    expect(dollars(4_250)).toBe('42.50');
    expect(dollars(123_456_789)).toBe('1234567.89');
    expect(dollars(-1_205)).toBe('-12.05');
  });
});

describe('collectionRows', () => {
  const today = '2026-12-01';
  const claims = [
    claim({ id: 'C-60', serviceDate: '2026-10-02' }), // 60 days
    claim({ id: 'C-89', serviceDate: '2026-09-03' }), // 89 days
    claim({ id: 'C-90', serviceDate: '2026-09-02' }), // 90 days
    claim({ id: 'C-200', serviceDate: '2026-05-15', patientName: 'Babbage, Charles' }), // 200 days
    claim({ id: 'C-PAID', serviceDate: '2026-01-10', patientBalanceCents: 0 }),
    claim({ id: 'C-CREDIT', serviceDate: '2026-01-10', patientBalanceCents: -500 }),
  ];

  it('keeps claims at least the minimum age old, oldest visit first', () => {
    expect(collectionRows(claims, today, 90).map((r) => [r.claimId, r.ageDays])).toEqual([
      ['C-200', 200],
      ['C-90', 90],
    ]);
    expect(collectionRows(claims, today, 60).map((r) => r.claimId)).toEqual([
      'C-200',
      'C-90',
      'C-89',
      'C-60',
    ]);
    expect(collectionRows(claims, today, 120).map((r) => r.claimId)).toEqual(['C-200']);
  });

  it('leaves out claims with nothing owed or a credit', () => {
    const ids = collectionRows(claims, today, 0).map((r) => r.claimId);
    expect(ids).not.toContain('C-PAID');
    expect(ids).not.toContain('C-CREDIT');
  });

  it('breaks ties of age by claim id, and totals the balances', () => {
    const rows = collectionRows(
      [claim({ id: 'B', patientBalanceCents: 100 }), claim({ id: 'A', patientBalanceCents: 250 })],
      today,
      90,
    );
    expect(rows.map((r) => r.claimId)).toEqual(['A', 'B']);
    expect(totalCents(rows)).toBe(350);
  });
});

describe('collectionsCsv', () => {
  it('has the header row and one row per claim, balances in dollars', () => {
    const text = collectionsCsv(collectionRows([claim({})], '2026-12-01', 90));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.replace(/^\uFEFF/, ''))).toEqual([
      ['Claim id', 'Patient name', 'Service date', 'Age (days)', 'Payer', 'Balance (USD)'],
      ['CLM-1', 'Lovelace, Ada', '2026-08-01', '122', 'Blue Shield', '42.50'],
    ]);
  });

  it('quotes commas and quotes, and keeps a name a spreadsheet would run as a formula as text', () => {
    const text = collectionsCsv(
      collectionRows(
        [claim({ patientName: '=HYPERLINK("x"), Eve', payerName: 'Aetna "Choice", PPO' })],
        '2026-12-01',
        90,
      ),
    );
    const { records } = csvRecords(text);
    expect(records[0]?.patient_name).toBe('\'=HYPERLINK("x"), Eve');
    expect(records[0]?.payer).toBe('Aetna "Choice", PPO');
    expect(text).toContain('"Aetna ""Choice"", PPO"');
  });

  it('is a header row alone when nothing qualifies', () => {
    expect(parseCsv(collectionsCsv([]).replace(/^\uFEFF/, ''))).toHaveLength(1);
  });
});

describe('choices and file name', () => {
  it('accepts 60, 90 and 120 days only', () => {
    expect([30, 60, 90, 120, 180].filter(isCollectionMinAge)).toEqual([60, 90, 120]);
  });

  it('names the file by minimum age and day', () => {
    expect(collectionsFileName('2026-12-01', 90)).toBe('rounds-collections-90-days-2026-12-01.csv');
  });
});
