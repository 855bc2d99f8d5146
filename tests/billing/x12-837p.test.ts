import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse837P } from '../../shared/x12/claim-837p.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** ISA(1) GS(2) ST(3) BHT(4), then the body from segment 5, then SE/GE/IEA with the right counts. */
function wrap837(body: string[]): string {
  const isa =
    'ISA*00*          *00*          *ZZ*RNDS4419       *ZZ*CLEARHOUSE01   *260110*1615*^*00501*000000007*0*P*:';
  const st = ['ST*837*0001*005010X222A1', 'BHT*0019*00*B7*20260110*1615*CH', ...body];
  const segments = [isa, 'GS*HC*RNDS4419*CLEARHOUSE01*20260110*1615*7*X*005010X222A1', ...st];
  segments.push(`SE*${st.length + 1}*0001`, 'GE*1*7', 'IEA*1*000000007');
  return `${segments.join('~\n')}~\n`;
}

const PROVIDER = ['HL*1**20*1', 'NM1*85*2*MAPLE STREET FAMILY MEDICINE*****XX*1234567893'];
const SUBSCRIBER = [
  'HL*2*1*22*0',
  'SBR*P*18*******CI',
  'NM1*IL*1*DOE*JANE****MI*M100',
  'DMG*D8*19800101*F',
  'NM1*PR*2*HARBOR HEALTH PLAN*****PI*HHP01',
];
const CLAIM = ['CLM*C1*100***11:B:1*Y*A*Y*Y', 'LX*1', 'SV1*HC:99213*100*UN*1***1', 'DTP*472*D8*20260105'];

describe('837P claims: loops 2000A/B/C, 2300 and 2400', () => {
  const parsed = parse837P(fixture('claims-basic.837'));

  it('reads every claim with its provider, subscriber and payer', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.interchangeControl).toBe('000000311');
    expect(parsed.claims.map((c) => [c.claimId, c.chargeCents, c.billingProvider.npi, c.payer.id])).toEqual([
      ['RND-10041', 25000, '1234567893', 'HHP01'],
      ['RND-10044', 9500, '1234567893', 'HHP01'],
      ['RND-10057', 13550, '1234567893', 'HHP01'],
      ['RND-20102', 9500, '1477553210', 'SMCD7'],
    ]);
    for (const claim of parsed.claims) {
      expect(claim.submittedDate).toBe('2026-01-10');
      expect(claim.lines.reduce((s, l) => s + l.chargeCents, 0)).toBe(claim.chargeCents);
    }
  });

  it('reads the claim and line fields', () => {
    expect(parsed.claims[0]).toEqual({
      claimId: 'RND-10041',
      chargeCents: 25000,
      submittedDate: '2026-01-10',
      placeOfService: '11',
      frequency: '1',
      payer: { id: 'HHP01', name: 'HARBOR HEALTH PLAN' },
      patient: { lastName: 'GARCIA', firstName: 'ELENA', birthDate: '1968-04-12', memberId: 'HHP884120' },
      billingProvider: { name: 'MAPLE STREET FAMILY MEDICINE', npi: '1234567893' },
      renderingProvider: { npi: '1987654321', name: 'ADA OKAFOR' },
      lines: [
        {
          lineNumber: 1,
          code: '99214',
          modifiers: [],
          chargeCents: 18000,
          units: 1,
          serviceDate: '2025-12-15',
          lineControl: 'RND-10041-1',
        },
        {
          lineNumber: 2,
          code: '36415',
          modifiers: [],
          chargeCents: 7000,
          units: 1,
          serviceDate: '2025-12-15',
          lineControl: 'RND-10041-2',
        },
      ],
    });
  });

  it('dates an undated line with the claim-level RD8 date, and reads the frequency', () => {
    const second = parsed.claims[1]!;
    expect(second.frequency).toBe('7');
    expect(second.lines[0]!.serviceDate).toBe('2025-12-16');
  });

  it('makes the 2000C patient the claim patient, keeping the subscriber member id', () => {
    const dependent = parsed.claims[2]!;
    expect(dependent.patient).toEqual({
      lastName: 'NGUYEN',
      firstName: 'MINH',
      birthDate: '2015-06-11',
      memberId: 'HHP551203',
    });
    expect(dependent.facility).toEqual({ name: 'MAPLE STREET ANNEX', npi: '1669988771' });
    expect(dependent.lines[0]!.modifiers).toEqual(['25']);
  });

  it('starts a new billing provider and subscriber at each HL', () => {
    const lakeside = parsed.claims[3]!;
    expect(lakeside.billingProvider).toEqual({ name: 'LAKESIDE PEDIATRICS', npi: '1477553210' });
    expect(lakeside.patient).toMatchObject({ lastName: 'LEE', memberId: 'MCD00902211' });
    expect(lakeside.renderingProvider).toBeUndefined();
    expect(lakeside.lines.map((l) => l.lineNumber)).toEqual([1, 2]);
  });
});

describe('837P claims: problems name the segment', () => {
  const problemsOf = (text: string) =>
    parse837P(text).problems.map((p) => [p.segment, p.segmentId, p.message]);

  it('a well-formed minimal claim has none', () => {
    const parsed = parse837P(wrap837([...PROVIDER, ...SUBSCRIBER, ...CLAIM]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims[0]).toMatchObject({
      claimId: 'C1',
      patient: { birthDate: '1980-01-01', memberId: 'M100' },
    });
  });

  it('lines that do not add up to the claim charge', () => {
    const text = fixture('claims-basic.837').replace('CLM*RND-10041*250*', 'CLM*RND-10041*260*');
    expect(problemsOf(text)).toEqual([
      [
        21,
        'CLM',
        'Segment 21 (CLM): claim RND-10041: the charge $260.00 does not equal the sum of its lines ($250.00)',
      ],
    ]);
  });

  it('a service line before any claim, and a claim before its subscriber', () => {
    const lineFirst = wrap837([...PROVIDER, ...SUBSCRIBER, 'SV1*HC:99213*100*UN*1***1', ...CLAIM]);
    expect(problemsOf(lineFirst)).toEqual([
      [12, 'SV1', 'Segment 12 (SV1): a service line (SV1) appears before any claim (CLM)'],
    ]);
    const noSubscriber = wrap837([...PROVIDER, ...CLAIM]);
    expect(problemsOf(noSubscriber).map((p) => p[2])).toEqual([
      'Segment 7 (CLM): the claim (CLM) appears before its subscriber (NM1*IL)',
      'Segment 7 (CLM): the claim (CLM) appears before its payer (NM1*PR)',
    ]);
  });

  it('bad amounts, impossible dates, missing ids and undated lines', () => {
    const badCharge = wrap837([
      ...PROVIDER,
      ...SUBSCRIBER,
      ...CLAIM.slice(0, 2),
      'SV1*HC:99213*1OO*UN*1***1',
    ]);
    expect(problemsOf(badCharge)[0]).toEqual([
      14,
      'SV1',
      `Segment 14 (SV1): the line's charge (SV102) "1OO" is not a number`,
    ]);
    const badBirth = wrap837([
      ...PROVIDER,
      ...SUBSCRIBER.slice(0, 3),
      'DMG*D8*19800231*F',
      ...SUBSCRIBER.slice(4),
    ]);
    expect(problemsOf(badBirth)[0]![2]).toBe(
      'Segment 10 (DMG): the birth date (DMG02) "19800231" is not a valid date',
    );
    const noId = wrap837([...PROVIDER, ...SUBSCRIBER, 'CLM**100***11:B:1', ...CLAIM.slice(1)]);
    expect(problemsOf(noId)).toEqual([[12, 'CLM', 'Segment 12 (CLM): the claim id (CLM01) is missing']]);
    const undated = wrap837([...PROVIDER, ...SUBSCRIBER, ...CLAIM.slice(0, 3)]);
    expect(problemsOf(undated)).toEqual([
      [14, 'SV1', 'Segment 14 (SV1): claim C1, line 1 has no date of service'],
    ]);
  });

  it('an 835 given to the 837 reader', () => {
    const problems = parse837P(fixture('remit-basic.835')).problems;
    expect(problems[0]).toMatchObject({ segment: 3, segmentId: 'ST' });
    expect(problems[0]!.message).toContain('not an 837 claim file');
  });
});
