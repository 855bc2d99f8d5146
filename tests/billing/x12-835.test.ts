import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse835 } from '../../shared/x12/remittance-835.ts';
import { tokenizeX12 } from '../../shared/x12/x12-tokenizer.ts';
import type { Adjustment, Parsed835, Remittance835 } from '../../shared/x12/x12-types.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const sum = (adjustments: Adjustment[]) => adjustments.reduce((s, a) => s + a.amountCents, 0);
const only = (parsed: Parsed835) => {
  expect(parsed.remittances).toHaveLength(1);
  return parsed.remittances[0]!;
};

/** ISA(1) GS(2) ST(3), then the body from segment 4, then SE/GE/IEA with the right counts. */
function wrap835(body: string[]): string {
  const isa =
    'ISA*00*          *00*          *ZZ*HHPEDI01       *ZZ*RNDS4419       *260112*0930*^*00501*000000042*0*P*:';
  const st = ['ST*835*0001', ...body];
  const segments = [isa, 'GS*HP*HHPEDI01*RNDS4419*20260112*0930*42*X*005010X221A1', ...st];
  segments.push(`SE*${st.length + 1}*0001`, 'GE*1*42', 'IEA*1*000000042');
  return `${segments.join('~\n')}~\n`;
}

const HEADER = [
  'BPR*I*80*C*CHK************20260115',
  'TRN*1*CHK1001*1512345678',
  'N1*PR*HARBOR HEALTH PLAN*XV*HHP01',
  'N1*PE*MAPLE STREET FAMILY MEDICINE*XX*1234567893',
  'LX*1',
];
const CLAIM = ['CLP*RND-1*1*100*80*0*12', 'NM1*QC*1*DOE*JANE', 'SVC*HC:99213*100*80**1', 'CAS*CO*45*20'];

/** The rules every well-formed remittance keeps: balances at payment, claim and line level. */
function expectBalanced(r: Remittance835) {
  const paid = r.claims.reduce((s, c) => s + c.paidCents, 0);
  expect(paid - r.providerAdjustments.reduce((s, a) => s + a.amountCents, 0)).toBe(r.paymentCents);
  for (const claim of r.claims) {
    const lineAdjustments = claim.lines.reduce((s, l) => s + sum(l.adjustments), 0);
    expect(claim.chargeCents - claim.paidCents).toBe(sum(claim.adjustments) + lineAdjustments);
    for (const line of claim.lines) expect(line.chargeCents - line.paidCents).toBe(sum(line.adjustments));
  }
}

describe('835 remittance: a basic payment', () => {
  const parsed = parse835(fixture('remit-basic.835'));
  const remit = only(parsed);

  it('reads the envelope and the payment header', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed).toMatchObject({
      interchangeControl: '000001207',
      senderId: 'HHPEDI01',
      receiverId: 'RNDS4419',
    });
    expect(remit).toMatchObject({
      traceNumber: 'EFT20260115001',
      paymentCents: 43218,
      handlingCode: 'I',
      paymentMethod: 'ACH',
      paymentDate: '2026-01-15',
      startSegment: 3,
      // N1*PR has no N104, so the payer id comes from REF*2U.
      payer: { id: 'HHP01', name: 'HARBOR HEALTH PLAN' },
      payee: { name: 'MAPLE STREET FAMILY MEDICINE', npi: '1234567893', taxId: '371234567' },
    });
    expectBalanced(remit);
  });

  it('reads every field of a claim and its lines', () => {
    expect(remit.claims.map((c) => c.claimId)).toEqual(['RND-10041', 'RND-10057', 'RND-10063']);
    const [first, second] = remit.claims;
    expect(first).toMatchObject({
      statusCode: '1',
      chargeCents: 25000,
      paidCents: 18000,
      patientResponsibilityCents: 2000,
      filingIndicator: '12',
      payerClaimNumber: 'HHP2601120001',
      patient: { lastName: 'GARCIA', firstName: 'ELENA', memberId: 'HHP884120' },
      renderingProvider: { npi: '1987654321', name: 'ADA OKAFOR' },
      serviceDateFrom: '2025-12-15',
      serviceDateTo: '2025-12-15',
    });
    expect(first!.lines[0]).toEqual({
      qualifier: 'HC',
      code: '99214',
      modifiers: [],
      chargeCents: 18000,
      paidCents: 13000,
      allowedCents: 15000,
      units: 1,
      serviceDate: '2025-12-15',
      lineControl: 'RND-10041-1',
      adjustments: [
        { group: 'CO', reason: '45', amountCents: 3000 },
        { group: 'PR', reason: '3', amountCents: 2000 },
      ],
      remarks: [],
    });
    expect(second!.remarks).toEqual(['MA01']);
    expect(second!.lines[0]).toMatchObject({
      code: '99213',
      modifiers: ['25'],
      allowedCents: 12105,
      remarks: ['N130'],
    });
  });

  it('takes the member id from NM1*IL when the patient (QC) has none, and keeps claim-level CAS', () => {
    const third = remit.claims[2]!;
    expect(third.patient).toEqual({ lastName: 'BROOKS', firstName: 'TANYA', memberId: 'HHP771450' });
    expect(third.adjustments).toEqual([{ group: 'CO', reason: '45', amountCents: 5466 }]);
    expect(third.lines).toEqual([]);
  });
});

describe('835 remittance: several transactions and groups, custom delimiters', () => {
  const parsed = parse835(fixture('remit-two-transactions.835'));

  it('reads | ^ and newline-terminated segments into one remittance per ST/SE', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.remittances.map((r) => [r.traceNumber, r.paymentCents, r.startSegment])).toEqual([
      ['CHK00088123', 21240, 3],
      ['EFT77000342', 8800, 24],
      ['EFT55012009', 2240, 40],
    ]);
    expect(parsed.remittances.map((r) => r.payer.id)).toEqual(['HHP01', 'HHP01', 'SMCD7']);
    expect(parsed.remittances[1]!.payee).toEqual({ name: 'LAKESIDE PEDIATRICS', npi: '1477553210' });
    for (const r of parsed.remittances) expectBalanced(r);
  });

  it('splits SVC01 on the declared component separator', () => {
    const line = parsed.remittances[0]!.claims[1]!.lines[0]!;
    expect(line).toMatchObject({ qualifier: 'HC', code: '99212', modifiers: ['GT'], paidCents: 10040 });
    expect(parsed.remittances[0]!.paymentMethod).toBe('CHK');
  });

  it('shows a claim paid by two payers in both remittances', () => {
    const payments = parsed.remittances.flatMap((r) =>
      r.claims.filter((c) => c.claimId === 'RND-20011').map((c) => ({ payer: r.payer.id, c })),
    );
    expect(payments.map((p) => [p.payer, p.c.statusCode, p.c.paidCents])).toEqual([
      ['HHP01', '1', 11200],
      ['SMCD7', '2', 2240],
    ]);
    expect(payments[1]!.c.lines[0]!.adjustments.map((a) => a.group)).toEqual(['CO', 'OA', 'PR']);
  });
});

describe('835 remittance: reversal, provider adjustments, denials', () => {
  it('keeps the signs of a reversal (CLP02 22) and reads the corrected re-payment (CRLF file)', () => {
    const remit = only(parse835(fixture('remit-reversal.835')));
    const same = remit.claims.filter((c) => c.claimId === 'RND-30007');
    expect(same.map((c) => [c.statusCode, c.chargeCents, c.paidCents, c.patientResponsibilityCents])).toEqual(
      [
        ['22', -25000, -18000, -2000],
        ['1', 25000, 15000, 2000],
      ],
    );
    expect(same[0]!.lines[0]!.adjustments.map((a) => a.amountCents)).toEqual([-5000, -2000]);
    expect(same.reduce((s, c) => s + c.paidCents, 0)).toBe(-3000);
    expectBalanced(remit);
  });

  it('reads PLB pairs and nets them out of the payment', () => {
    const parsed = parse835(fixture('remit-plb.835'));
    expect(parsed.problems).toEqual([]);
    const remit = only(parsed);
    expect(remit.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        date: '2026-12-31',
        reason: 'WO',
        reference: 'HHP25110099',
        amountCents: 12500,
      },
      { providerId: '1234567893', date: '2026-12-31', reason: 'L6', amountCents: -312 },
    ]);
    expect(remit.paymentCents).toBe(37250 - 12188);
    expectBalanced(remit);
  });

  it('reads denied claims with claim- and line-level reasons and remarks', () => {
    const parsed = parse835(fixture('remit-denied.835'));
    expect(parsed.problems).toEqual([]);
    const remit = only(parsed);
    expect(remit).toMatchObject({ handlingCode: 'H', paymentMethod: 'NON', paymentCents: 0 });
    const [timely, notCovered] = remit.claims;
    expect(timely).toMatchObject({
      statusCode: '4',
      paidCents: 0,
      remarks: ['N211'],
      serviceDateTo: '2025-03-10',
    });
    expect(timely!.adjustments).toEqual([{ group: 'CO', reason: '29', amountCents: 31000 }]);
    expect(notCovered!.lines[0]).toMatchObject({ units: 3, modifiers: ['GP'], remarks: ['N54'] });
    expect(notCovered).toMatchObject({ serviceDateFrom: '2026-01-15', serviceDateTo: '2026-01-15' });
    expectBalanced(remit);
  });
});

describe('835 remittance: problems name the segment', () => {
  const basic = fixture('remit-basic.835');
  const problemsOf = (text: string) =>
    parse835(text).problems.map((p) => [p.segment, p.segmentId, p.message]);

  it('a non-numeric amount, and the file is still returned', () => {
    const parsed = parse835(basic.replace('*135.5*96.84*', '*135.5*96.8x*'));
    expect(parsed.problems).toEqual([
      {
        segment: 34,
        segmentId: 'CLP',
        message: `Segment 34 (CLP): the claim's paid amount (CLP04) "96.8x" is not a number`,
      },
    ]);
    expect(parsed.remittances[0]!.claims).toHaveLength(3);
  });

  it('segments out of the 835 order', () => {
    const svcFirst = wrap835([...HEADER, 'SVC*HC:99213*100*80**1', ...CLAIM]);
    expect(problemsOf(svcFirst)).toEqual([
      [9, 'SVC', 'Segment 9 (SVC): a service line (SVC) appears before any claim (CLP)'],
    ]);
    const casFirst = wrap835([...HEADER, 'CAS*CO*45*20', ...CLAIM]);
    expect(problemsOf(casFirst)[0]).toEqual([
      9,
      'CAS',
      'Segment 9 (CAS): an adjustment (CAS) appears before any claim (CLP) or service line (SVC)',
    ]);
    const clpFirst = wrap835([...CLAIM, ...HEADER]);
    expect(problemsOf(clpFirst).map((p) => p.slice(0, 2))).toContainEqual([4, 'CLP']);
    expect(problemsOf(clpFirst)[0]![2]).toContain('before the payment (BPR) and trace number (TRN)');
  });

  it('missing required elements and impossible dates', () => {
    const noClaimId = wrap835([...HEADER, 'CLP**1*100*80*0*12', ...CLAIM.slice(1)]);
    expect(problemsOf(noClaimId)).toEqual([[9, 'CLP', 'Segment 9 (CLP): the claim id (CLP01) is missing']]);
    const noTrace = wrap835(['BPR*I*80*C*CHK************20260115', 'TRN*1', ...HEADER.slice(2), ...CLAIM]);
    expect(problemsOf(noTrace)[0]![2]).toBe(
      'Segment 5 (TRN): the check or EFT trace number (TRN02) is missing',
    );
    const badDate = wrap835([...HEADER, ...CLAIM, 'DTM*472*20260230']);
    expect(problemsOf(badDate)).toEqual([
      [13, 'DTM', 'Segment 13 (DTM): the date (DTM02) "20260230" is not a valid date'],
    ]);
    const badGroup = wrap835([...HEADER, ...CLAIM.slice(0, 3), 'CAS*XY*45*20']);
    expect(problemsOf(badGroup)[0]![2]).toContain('"XY" is not one of CO, PR, OA, PI or CR');
  });

  it('envelope counts: SE, GE and IEA', () => {
    expect(problemsOf(basic.replace('SE*48*0001', 'SE*47*0001'))).toEqual([
      [
        50,
        'SE',
        'Segment 50 (SE): the trailer says there are 47 segments in the transaction (SE01) but there are 48',
      ],
    ]);
    const two = fixture('remit-two-transactions.835');
    expect(problemsOf(two.replace('GE|2|4410', 'GE|3|4410'))[0]!.slice(0, 2)).toEqual([38, 'GE']);
    expect(problemsOf(two.replace('IEA|2|', 'IEA|1|'))[0]![2]).toContain('1 functional groups');
    const noIea = basic.replace('IEA*1*000001207~\n', '');
    expect(problemsOf(noIea)).toEqual([
      [
        51,
        'GE',
        'Segment 51 (GE): the file ends without the IEA interchange trailer: it may have been cut off',
      ],
    ]);
  });

  it('a truncated ISA or a file that is not X12', () => {
    const cut = parse835(basic.slice(0, 60));
    expect(cut.remittances).toEqual([]);
    expect(cut.problems).toEqual([
      {
        segment: 1,
        segmentId: 'ISA',
        message:
          'Segment 1 (ISA): the interchange header is cut short (60 characters; a complete ISA has 106)',
      },
    ]);
    expect(parse835('Name,Amount\nDoe,12.00').problems[0]!.segmentId).toBe('');
  });

  it('balances: payment total, claim and line', () => {
    expect(problemsOf(basic.replace('BPR*I*432.18*', 'BPR*I*432.19*'))).toEqual([
      [
        4,
        'BPR',
        'Segment 4 (BPR): claim payments less provider adjustments ($432.18) do not equal the payment total BPR02 ($432.19)',
      ],
    ]);
    expect(problemsOf(basic.replace('CAS*CO*45*54.66', 'CAS*CO*45*54'))).toEqual([
      [
        44,
        'CLP',
        'Segment 44 (CLP): claim RND-10063: the charge $210.00 less the paid amount $155.34 is $54.66, but the claim and line adjustments add up to $54.00',
      ],
    ]);
    const line = problemsOf(basic.replace('CAS*CO*45*30', 'CAS*CO*45*25'));
    expect(line.map((p) => p.slice(0, 2))).toEqual([
      [17, 'CLP'],
      [23, 'SVC'],
    ]);
    expect(line[1]![2]).toContain(
      "line 99214: the charge $180.00 less the paid amount $130.00 is $50.00, but the line's adjustments add up to $45.00",
    );
  });
});

describe('835 remittance: less common segments', () => {
  it('takes the payer id from TRN03 when neither N104 nor REF*2U has it', () => {
    const text = wrap835([HEADER[0]!, HEADER[1]!, 'N1*PR*HARBOR HEALTH PLAN', ...HEADER.slice(3), ...CLAIM]);
    expect(only(parse835(text)).payer).toEqual({ id: '1512345678', name: 'HARBOR HEALTH PLAN' });
  });

  it('reads MIA remarks, a DTM*150 line date and a payee tax id from N1*PE FI', () => {
    const body = [...HEADER.slice(0, 3), 'N1*PE*MAPLE STREET*FI*371234567', 'LX*1', ...CLAIM.slice(0, 2)];
    body.push(
      ['MIA', '0', '', '', '', 'MA15', ...Array(14).fill(''), 'MA130', 'N20'].join('*'),
      'SVC*HC:99213*100*80**1',
      'DTM*150*20260102',
      'CAS*CO*45*20',
    );
    const parsed = parse835(wrap835(body));
    expect(parsed.problems).toEqual([]);
    const remit = only(parsed);
    expect(remit.payee).toEqual({ name: 'MAPLE STREET', taxId: '371234567' });
    expect(remit.claims[0]!.remarks).toEqual(['MA15', 'MA130', 'N20']);
    expect(remit.claims[0]).toMatchObject({ serviceDateFrom: '2026-01-02', serviceDateTo: '2026-01-02' });
  });

  it('reports a transaction without its SE and an SE whose control number differs from its ST', () => {
    const basic = fixture('remit-basic.835');
    const noSe = parse835(basic.replace('SE*48*0001~\n', '')).problems;
    expect(noSe.map((p) => [p.segment, p.segmentId])).toEqual([[3, 'ST']]);
    expect(noSe[0]!.message).toContain('has no SE trailer');
    expect(parse835(basic.replace('SE*48*0001', 'SE*48*0002')).problems[0]!.message).toContain(
      'control number "0002" does not match "0001" of segment 3 (ST)',
    );
  });

  it('takes its delimiters from the ISA', () => {
    expect(tokenizeX12(fixture('remit-two-transactions.835')).delimiters).toEqual({
      element: '|',
      component: '^',
      segment: '\n',
      repetition: '~',
    });
    expect(
      tokenizeX12(fixture('remit-reversal.835'))
        .segments.map((s) => s.id)
        .slice(0, 3),
    ).toEqual(['ISA', 'GS', 'ST']);
  });
});
