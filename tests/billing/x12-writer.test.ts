import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse837P } from '../../shared/x12/claim-837p.ts';
import { parse835 } from '../../shared/x12/remittance-835.ts';
import { formatCents, parseCents, parseDateOrRange, parseX12Date } from '../../shared/x12/x12-segments.ts';
import type { Claim837, Remittance835 } from '../../shared/x12/x12-types.ts';
import { write835, write837P } from '../../shared/x12/x12-writer.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const opts = { senderId: 'HHPEDI01', receiverId: 'RNDS4419', interchangeControl: '123', date: '2026-02-01' };
const withoutStart = (remittances: Remittance835[]) => remittances.map(({ startSegment: _, ...r }) => r);

const REMITS = [
  'remit-basic.835',
  'remit-two-transactions.835',
  'remit-reversal.835',
  'remit-plb.835',
  'remit-denied.835',
];

describe('write835', () => {
  it.each(REMITS)('writes %s so that the parser reads back the same remittances', (name) => {
    const original = parse835(fixture(name));
    const text = write835(original.remittances, opts);
    const again = parse835(text);
    expect(again.problems).toEqual([]);
    expect(withoutStart(again.remittances)).toEqual(withoutStart(original.remittances));
    expect(again).toMatchObject({
      interchangeControl: '000000123',
      senderId: 'HHPEDI01',
      receiverId: 'RNDS4419',
    });
  });

  it('writes a fixed-width ISA and correct trailer counts', () => {
    const remittances = parse835(fixture('remit-two-transactions.835')).remittances;
    const text = write835(remittances, opts);
    const segments = text.split('~').filter((s) => s !== '');
    expect(text.indexOf('~')).toBe(105);
    expect(text.slice(0, 106)).toMatch(
      /^ISA\*00\*\s{10}\*00\*\s{10}\*ZZ\*HHPEDI01\s{7}\*ZZ\*RNDS4419\s{7}\*260201\*1200\*\^\*00501\*000000123\*0\*P\*:~$/,
    );
    expect(segments.filter((s) => s.startsWith('ST*'))).toEqual([
      'ST*835*0001',
      'ST*835*0002',
      'ST*835*0003',
    ]);
    expect(segments.slice(-2)).toEqual(['GE*3*123', 'IEA*1*000000123']);
    const firstSe = segments.findIndex((s) => s.startsWith('SE*'));
    expect(segments[firstSe]).toBe(`SE*${firstSe - 2 + 1}*0001`);
  });

  it('writes with custom delimiters and line breaks', () => {
    const original = parse835(fixture('remit-basic.835')).remittances;
    const delimiters = { element: '|', component: '>', segment: '\n', repetition: '~' };
    const piped = write835(original, { ...opts, delimiters });
    expect(piped.split('\n')[0]).toHaveLength(105);
    expect(piped).toContain('SVC|HC>99213>25|135.5|96.84||1\n');
    expect(withoutStart(parse835(piped).remittances)).toEqual(withoutStart(original));
    const pretty = write835(original, { ...opts, lineBreaks: true });
    expect(pretty).toContain('~\nGS*HP*');
    expect(parse835(pretty).problems).toEqual([]);
  });

  it('splits long CAS, MOA and PLB lists over several segments', () => {
    const remit = parse835(fixture('remit-plb.835')).remittances[0]!;
    const claim = remit.claims[1]!;
    const reasons = ['45', '59', '97', '131', '144', '253', '94'];
    claim.lines[0]!.adjustments = reasons.map((reason) => ({ group: 'CO', reason, amountCents: 250 }));
    claim.paidCents = claim.chargeCents - 7 * 250;
    claim.lines[0]!.paidCents = claim.paidCents;
    claim.remarks = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'];
    const plb = remit.providerAdjustments[1]!;
    remit.providerAdjustments.push(...[1, 2, 3, 4, 5].map((n) => ({ ...plb, amountCents: -n })));
    remit.paymentCents =
      remit.claims.reduce((s, c) => s + c.paidCents, 0) -
      remit.providerAdjustments.reduce((s, a) => s + a.amountCents, 0);
    const text = write835([remit], opts);
    expect(text.match(/~CAS\*CO/g)).toHaveLength(3);
    expect(text.match(/~PLB\*/g)).toHaveLength(2);
    const again = parse835(text);
    expect(again.problems).toEqual([]);
    expect(withoutStart(again.remittances)).toEqual(withoutStart([remit]));
  });

  it('refuses data that contains a delimiter and a control number that is not 9 digits', () => {
    const remit = parse835(fixture('remit-denied.835')).remittances[0]!;
    remit.payer.name = 'SMITH*JONES PLAN';
    expect(() => write835([remit], opts)).toThrow('contains the X12 delimiter "*"');
    expect(() => write835([], { ...opts, interchangeControl: '1234567890' })).toThrow('1 to 9 digits');
    expect(() => write835([], { ...opts, date: '2026-02-30' })).toThrow('not a YYYY-MM-DD date');
  });
});

function benchClaims(count: number): Claim837[] {
  const claims: Claim837[] = [];
  for (let i = 0; i < count; i++) {
    const subscriber = Math.floor(i / 3);
    claims.push({
      claimId: `BENCH-${i}`,
      chargeCents: 12500 + 4375,
      submittedDate: '2026-01-10',
      placeOfService: '11',
      frequency: '1',
      payer: { id: `P${subscriber % 7}`, name: `PAYER ${subscriber % 7}` },
      patient: {
        lastName: `LAST${subscriber}`,
        firstName: 'PAT',
        birthDate: '1970-05-17',
        memberId: `M${subscriber}`,
      },
      billingProvider: { name: `CLINIC ${Math.floor(i / 500)}`, npi: '1234567893' },
      renderingProvider: { npi: '1987654321', name: 'ADA OKAFOR' },
      lines: [
        {
          lineNumber: 1,
          code: '99213',
          modifiers: ['25'],
          chargeCents: 12500,
          units: 1,
          serviceDate: '2026-01-05',
        },
        {
          lineNumber: 2,
          code: '36415',
          modifiers: [],
          chargeCents: 4375,
          units: 2,
          serviceDate: '2026-01-05',
          lineControl: `L${i}`,
        },
      ],
    });
  }
  return claims;
}

describe('write837P', () => {
  it('writes the fixture claims so that the parser reads back the same claims', () => {
    const original = parse837P(fixture('claims-basic.837'));
    const text = write837P(original.claims, { ...opts, senderId: 'RNDS4419', receiverId: 'CLEARHOUSE01' });
    const again = parse837P(text);
    expect(again.problems).toEqual([]);
    expect(again.claims).toEqual(original.claims);
    expect(text).toContain('~ST*837*0001*005010X222A1~BHT*0019*00*123-1*20260110*1200*CH~');
  });

  it('puts claims submitted on different days in separate transactions', () => {
    const claims = parse837P(fixture('claims-basic.837')).claims;
    claims[3]!.submittedDate = '2026-01-11';
    const again = parse837P(write837P(claims, opts));
    expect(again.problems).toEqual([]);
    expect(again.claims.map((c) => c.submittedDate)).toEqual([
      '2026-01-10',
      '2026-01-10',
      '2026-01-10',
      '2026-01-11',
    ]);
  });

  it('writes and reads back a 5,000-claim file', () => {
    const claims = benchClaims(5000);
    const started = performance.now();
    const text = write837P(claims, opts);
    const parsed = parse837P(text);
    const elapsed = performance.now() - started;
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims).toEqual(claims);
    // Generous: it takes well under a second, but a loaded CI machine is slow.
    expect(elapsed).toBeLessThan(15_000);
  });
});

describe('money formatting', () => {
  it('writes X12 decimals that read back to the same cents for every cent value', () => {
    expect([
      formatCents(12345),
      formatCents(12340),
      formatCents(10000),
      formatCents(-5),
      formatCents(0),
    ]).toEqual(['123.45', '123.4', '100', '-0.05', '0']);
    const wrong: number[] = [];
    for (let cents = -10_000; cents <= 10_000; cents++)
      if (parseCents(formatCents(cents)) !== cents) wrong.push(cents);
    expect(wrong).toEqual([]);
  });
});

describe('amounts and dates', () => {
  it('parses money with string math into integer cents', () => {
    const cases: [string, number | null][] = [
      ['123.45', 12345],
      ['0.29', 29],
      ['1.15', 115],
      ['-12.3', -1230],
      ['.5', 50],
      ['100', 10000],
      ['1.250', 125],
      ['1234567.89', 123456789],
      ['1.005', null],
      ['12.3x', null],
      ['', null],
      ['-', null],
      ['.', null],
      ['1,000', null],
    ];
    for (const [raw, cents] of cases) expect([raw, parseCents(raw)]).toEqual([raw, cents]);
  });

  it('accepts real calendar dates and RD8 ranges only', () => {
    expect(parseX12Date('20240229')).toBe('2024-02-29');
    expect(parseX12Date('20250229')).toBeNull();
    expect(parseX12Date('20261301')).toBeNull();
    expect(parseX12Date('2026011')).toBeNull();
    expect(parseDateOrRange('20260101-20260105')).toEqual({ from: '2026-01-01', to: '2026-01-05' });
    expect(parseDateOrRange('20260101')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(parseDateOrRange('20260101-20260132')).toBeNull();
  });
});
