import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * Billing's CSV imports on DynamoDB Local: claims by service line (headers as billing systems
 * export them), then payment postings, and what the claims, the KPIs and the aging then say.
 * Figures are worked out by hand in the comments.
 */

let t: TestApp;
let owner: Session;
let biller: Session;
let desk: Session;
let other: Session;
let downtown: string;
const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const csv = (rows: string[]) => `${rows.join('\r\n')}\r\n`;
const send = (s: Session, kind: string, rows: string[], dryRun = false, firstRow = 2) =>
  as(s)('POST', '/billing/imports', { kind: `billing.${kind}`, csv: csv(rows), dryRun, firstRow });
const month = async (m: string) =>
  (await as(owner)('GET', `/billing/dashboard?month=${m}&months=1`)).body.months[0];
const aging = async () => (await as(owner)('GET', '/billing/aging')).body;
const claim = async (id: string) => as(biller)('GET', `/billing/claims/${id}`);

const CLAIMS_HEADER =
  'Claim #,Patient Last Name,Patient First Name,DOB,Member ID,Payer ID,Payer,Rendering Provider NPI,Rendering Provider,Location,DOS,Submitted Date,CPT,Modifier,Units,Billed';
const CLAIMS = [
  CLAIMS_HEADER,
  'CSV-1,Rivera,Ana,03/14/1985,M100,AET01,Aetna,1987654321,Dr. Ada Okafor,downtown,03/02/2026,03/05/2026,99213,25,1,"$1,234.50"',
  'CSV-1,Rivera,Ana,03/14/1985,M100,AET01,Aetna,1987654321,Dr. Ada Okafor,downtown,03/02/2026,03/05/2026,36415,,1,15',
  'CSV-2,Chen,Li,1990-07-01,M200,AET01,Aetna,1987654321,Dr. Ada Okafor,Mercy Hospital,2026-04-10,2026-04-12,99214,,,200.00',
  'CSV-3,Patel,Raj,,,,Blue Shield,,,,04/20/2026,04/21/2026,99203,,2,300',
];

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'CSV Billing Practice');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  other = await signUpPractice(t, 'Other CSV Practice');
  const loc = await as(owner)('POST', '/locations', {
    name: 'Downtown',
    address: { line1: '1 Main St', city: 'Portland', state: 'OR', postalCode: '97201' },
    phone: '(503) 555-0100',
    timeZone: 'America/Los_Angeles',
    hours: DEFAULT_HOURS,
  });
  downtown = loc.body.id;
});

describe('claims CSV', () => {
  it('previews, imports claims grouped from their lines, and a re-import changes nothing', async () => {
    const preview = await send(biller, 'claims', CLAIMS, true);
    expect(preview.body).toMatchObject({ rows: 4, created: 4, unchanged: 0, errors: [], dryRun: true });
    expect((await claim('CSV-1')).status).toBe(404);

    const first = await send(biller, 'claims', CLAIMS);
    expect(first.body).toMatchObject({ rows: 4, created: 4, unchanged: 0, errors: [] });
    const one = (await claim('CSV-1')).body;
    // 1,234.50 + 15 on one claim, at the Downtown location (matched by name, case ignored).
    expect(one.claim).toMatchObject({
      chargeCents: 124950,
      state: 'submitted',
      payerId: 'AET01',
      providerNpi: '1987654321',
      locationId: downtown,
      serviceDate: '2026-03-02',
      submittedDate: '2026-03-05',
    });
    expect(one.patient).toEqual({
      lastName: 'Rivera',
      firstName: 'Ana',
      birthDate: '1985-03-14',
      memberId: 'M100',
    });
    expect(one.lines.map((l: { code: string; modifiers: string[] }) => [l.code, l.modifiers])).toEqual([
      ['99213', ['25']],
      ['36415', []],
    ]);
    // A facility that is not a Rounds location leaves the claim without one; a payer without id goes by name.
    expect((await claim('CSV-2')).body.claim.locationId).toBeUndefined();
    expect((await claim('CSV-3')).body.claim).toMatchObject({ payerId: 'Blue_Shield', chargeCents: 30000 });

    expect(await month('2026-03')).toMatchObject({ chargesCents: 124950, claims: 1, billingLagDays: 3 });
    expect(await month('2026-04')).toMatchObject({ chargesCents: 50000, claims: 2 });
    const directory = (await as(biller)('GET', '/billing/directory')).body;
    expect(directory.payers).toContainEqual({ id: 'Blue_Shield', name: 'Blue Shield' });

    const before = { march: await month('2026-03'), aging: await aging() };
    const again = await send(biller, 'claims', CLAIMS);
    expect(again.body).toMatchObject({ rows: 4, created: 0, unchanged: 4, errors: [] });
    expect(await month('2026-03')).toEqual(before.march);
    expect(await aging()).toEqual(before.aging);
  });

  it('adds a claim’s lines sent in a later chunk as if the claim came whole', async () => {
    const head = CLAIMS_HEADER;
    const line = (dos: string, code: string, charge: string) =>
      `CSV-4,Ng,Mai,,,AET01,Aetna,,,,${dos},05/08/2026,${code},,,${charge}`;
    expect(
      (await send(biller, 'claims', [head, line('05/06/2026', '99213', '100')], false, 2)).body.created,
    ).toBe(1);
    // The second part's line is a day earlier: the claim's date of service moves with it.
    expect(
      (await send(biller, 'claims', [head, line('05/05/2026', '93000', '50')], false, 3)).body.created,
    ).toBe(1);
    const c = (await claim('CSV-4')).body;
    expect(c.claim).toMatchObject({ chargeCents: 15000, serviceDate: '2026-05-05', state: 'submitted' });
    expect(c.lines).toHaveLength(2);
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(['service', 'submitted']);
    // One claim of 150 in May, submitted 3 days after its first service.
    expect(await month('2026-05')).toMatchObject({ chargesCents: 15000, claims: 1, billingLagDays: 3 });
  });

  it('names bad rows by row and column, and writes nothing of a claim with one', async () => {
    const before = await month('2026-06');
    const res = await send(
      biller,
      'claims',
      [
        CLAIMS_HEADER,
        'CSV-5,Diaz,Eva,,,AET01,Aetna,,,,06/01/2026,06/02/2026,99213,,1,80',
        'CSV-5,Diaz,Eva,,,AET01,Aetna,,,,06/01/2026,06/02/2026,36415,,1,abc',
        'CSV-6,Diaz,Eva,,,AET01,Aetna,,,,13/45/2026,06/02/2026,99,,1,80',
        'CSV-7,Diaz,Eva,,,AET01,Aetna,,,,06/01/2026,06/02/2026,99213,,1,80',
        'CSV-7,Diaz,Eva,,,CIG01,Cigna,,,,06/01/2026,06/02/2026,36415,,1,10',
      ],
      false,
      10,
    );
    expect(res.body.created).toBe(0);
    const errors = res.body.errors.map((e: { row: number; field: string; message: string }) => [
      e.row,
      e.field,
      e.message,
    ]);
    expect(errors).toEqual([
      [10, 'claim_id', 'Claim number: Not imported: row 11 of claim CSV-5 has an error'],
      [11, 'charge', expect.stringMatching(/^Charge: “abc” is not an amount/)],
      [12, 'service_date', expect.stringMatching(/^Date of service: .*13\/45\/2026/)],
      [12, 'cpt_code', expect.stringMatching(/^CPT code: A CPT or HCPCS code is 5/)],
      [13, 'claim_id', 'Claim number: Not imported: row 14 of claim CSV-7 has an error'],
      [14, 'payer_name', "Payer name: Differs from row 13, the claim's first line"],
    ]);
    for (const id of ['CSV-5', 'CSV-6', 'CSV-7']) expect((await claim(id)).status).toBe(404);
    expect(await month('2026-06')).toEqual(before);
  });

  it('refuses a file without the required columns, whole', async () => {
    const res = await send(biller, 'claims', ['Claim #,DOS,CPT', 'CSV-9,06/01/2026,99213']);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({
      path: 'csv',
      message: expect.stringMatching(/patient_last_name/),
    });
  });
});

describe('payments CSV', () => {
  const HEADER = 'Claim #,Posted Date,Payer,Paid,Group Code,Reason Code,Adjustment,Check #';
  const PAYMENTS = [
    HEADER,
    // Aetna pays 900 on CSV-1, writes 249.50 down (CO-45) and leaves 100 to the patient (PR-3).
    'CSV-1,04/01/2026,Aetna,$900.00,CO,45,249.50,5001',
    'CSV-1,04/01/2026,Aetna,,PR,3,100,5001',
    'CSV-1,04/15/2026,patient,60,,,,',
    'RND-999,04/01/2026,Aetna,50,,,,5001',
    'CSV-2,04/15/2026,Patient,20,,,,',
    'CSV-3,04/02/2026,Blue Shield,100,XX,45,10,',
  ];

  it('posts payer payments and adjustments like an 835, and patient payments', async () => {
    const before = await aging();
    const res = await send(biller, 'payments', PAYMENTS);
    expect(res.body).toMatchObject({ rows: 6, created: 3, unchanged: 0 });
    expect(res.body.errors).toEqual([
      { row: 5, field: 'claim_id', message: 'Claim number: No claim RND-999: import the claims first' },
      { row: 6, field: 'amount_paid', message: 'Amount paid: The patient owes nothing on claim CSV-2' },
      {
        row: 7,
        field: 'adjustment_group',
        message: expect.stringMatching(/^Adjustment group: “XX” is not a group/),
      },
    ]);
    const c = (await claim('CSV-1')).body;
    // 1,249.50 billed: 900 paid, 249.50 CO-45, 100 to the patient of which 60 paid.
    expect(c.claim).toMatchObject({
      state: 'patient',
      paidCents: 90000,
      adjustedCents: 24950,
      insuranceBalanceCents: 0,
      patientBalanceCents: 4000,
    });
    expect(c.payments).toEqual([
      expect.objectContaining({
        traceNumber: '5001',
        paymentDate: '2026-04-01',
        paidCents: 90000,
        patientResponsibilityCents: 10000,
      }),
    ]);
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual([
      'service',
      'submitted',
      'paid',
      'patient_balance',
      'patient_paid',
    ]);
    // April collections: 900 from Aetna and 60 from the patient; CSV-1 paid 27 days after submission.
    expect(await month('2026-04')).toMatchObject({
      paymentsCents: 96000,
      firstAdjudicated: 1,
      deniedFirst: 0,
      paymentLagDays: 27,
    });
    const after = await aging();
    expect(after.insurance.totalCents).toBe(before.insurance.totalCents - 124950);
    expect(after.patient.totalCents).toBe(4000);
    expect(after.total.totalCents).toBe(before.total.totalCents - 124950 + 4000);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = {
      april: await month('2026-04'),
      aging: await aging(),
      claim: (await claim('CSV-1')).body,
    };
    const again = await send(biller, 'payments', PAYMENTS);
    expect(again.body).toMatchObject({ created: 0, unchanged: 3 });
    expect(await month('2026-04')).toEqual(before.april);
    expect(await aging()).toEqual(before.aging);
    expect((await claim('CSV-1')).body.claim).toEqual(before.claim.claim);
  });

  it('refuses a line for a claim that already has payments', async () => {
    const res = await send(biller, 'claims', [
      CLAIMS_HEADER,
      'CSV-1,Rivera,Ana,03/14/1985,M100,AET01,Aetna,1987654321,Dr. Ada Okafor,downtown,03/02/2026,03/05/2026,99000,,1,5',
    ]);
    expect(res.body.errors).toEqual([
      { row: 2, field: 'claim_id', message: expect.stringMatching(/already has payments or adjustments/) },
    ]);
  });
});

describe('access', () => {
  it('another practice sees none of these claims; staff may not import', async () => {
    const res = await send(other, 'payments', [
      'claim_id,posted_date,payer,amount_paid',
      'CSV-1,04/01/2026,Aetna,10',
    ]);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/No claim CSV-1/) }),
    ]);
    expect((await as(other)('GET', '/billing/claims/CSV-1')).status).toBe(404);
    const staff = await send(desk, 'claims', CLAIMS, true);
    expect(staff.status).toBe(403);
  });
});
