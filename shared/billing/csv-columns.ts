/**
 * The columns of billing's CSV imports (claims by service line, and payment postings) with the
 * header names billing systems export them under, and what makes two rows the same row. The API's
 * import kinds and the web's import page both read these, so the template, the column help, the
 * repeats the page sets aside and the rows the API skips agree.
 */
import { type DateOrder, readDate } from '../locale.ts';
import { readMoney } from '../schemas/billing-entry.ts';
import type { ImportColumn } from '../schemas/imports.ts';
import { dateHint } from '../schemas/scheduling/import-columns.ts';

export const BILLING_CSV_KINDS = ['billing.claims', 'billing.payments'] as const;
export type BillingCsvKind = (typeof BILLING_CSV_KINDS)[number];

/** Dates are described in month/day/year, the order of every tenant today (see shared/locale.ts). */
const DATES = dateHint('month/day/year');
const CLAIM_ID: ImportColumn = {
  name: 'claim_id',
  required: true,
  aliases: [
    'Claim #',
    'Claim ID',
    'Claim No',
    'Claim Number',
    'Claim',
    'Encounter ID',
    'Encounter #',
    'Patient Control Number',
  ],
  description: 'The claim’s number in the billing system; every line of a claim has the same one.',
  example: 'RND-10041',
};

export const CLAIM_COLUMNS: readonly ImportColumn[] = [
  CLAIM_ID,
  {
    name: 'patient_last_name',
    required: true,
    aliases: ['Patient Last Name', 'Last Name', 'Pt Last Name'],
    description: 'The patient’s last name.',
  },
  {
    name: 'patient_first_name',
    required: false,
    aliases: ['Patient First Name', 'First Name', 'Pt First Name'],
    description: 'The patient’s first name.',
  },
  {
    name: 'date_of_birth',
    required: false,
    aliases: ['DOB', 'Birth Date', 'Patient DOB', 'Date of Birth'],
    description: `The patient’s birth date. ${DATES}`,
  },
  {
    name: 'member_id',
    required: false,
    aliases: ['Member ID', 'Subscriber ID', 'Policy Number', 'Policy #', 'Insured ID'],
    description: 'The patient’s id with the payer.',
  },
  {
    name: 'payer_id',
    required: false,
    aliases: ['Payer ID', 'Payor ID', 'Insurance Code'],
    description: 'The payer’s id (as on its remittances). Empty: the payer’s name stands in for it.',
  },
  {
    name: 'payer_name',
    required: true,
    aliases: ['Payer', 'Payer Name', 'Payor', 'Insurance', 'Insurance Name', 'Primary Insurance', 'Carrier'],
    description: 'Who the claim was sent to, e.g. Aetna.',
  },
  {
    name: 'rendering_npi',
    required: false,
    aliases: ['Rendering Provider NPI', 'Rendering NPI', 'Provider NPI', 'NPI'],
    description: 'The rendering provider’s 10-digit NPI.',
  },
  {
    name: 'provider_name',
    required: false,
    aliases: ['Rendering Provider', 'Provider', 'Provider Name'],
    description: 'The rendering provider’s name.',
  },
  {
    name: 'location',
    required: false,
    aliases: ['Location', 'Location Name', 'Facility', 'Service Location'],
    description: 'The location’s name as in Settings (claims at other places keep no location).',
  },
  {
    name: 'service_date',
    required: true,
    aliases: ['DOS', 'Service Date', 'Date of Service', 'From Date', 'Service From'],
    description: `The line’s date of service. ${DATES}`,
  },
  {
    name: 'submitted_date',
    required: true,
    aliases: [
      'Submitted Date',
      'Date Submitted',
      'Submission Date',
      'Billed Date',
      'Claim Date',
      'Sent Date',
    ],
    description: `The day the claim was sent to the payer. ${DATES}`,
  },
  {
    name: 'cpt_code',
    required: true,
    aliases: ['CPT', 'CPT Code', 'HCPCS', 'CPT/HCPCS', 'Procedure Code', 'Procedure', 'Code'],
    description: 'The CPT or HCPCS code, e.g. 99213.',
  },
  {
    name: 'modifiers',
    required: false,
    aliases: ['Modifier', 'Modifiers', 'Mod', 'Mods'],
    description: 'Up to 4, separated by commas or spaces, e.g. 25 or "LT, 59".',
  },
  {
    name: 'units',
    required: false,
    aliases: ['Units', 'Qty', 'Quantity', 'Days/Units'],
    description: 'Whole units. Empty: 1.',
  },
  {
    name: 'charge',
    required: true,
    aliases: ['Billed', 'Charge', 'Charges', 'Charge Amount', 'Billed Amount', 'Amount Billed', 'Fee'],
    description: 'The line’s charge, e.g. $1,234.50 or 1234.5.',
  },
];

export const PAYMENT_COLUMNS: readonly ImportColumn[] = [
  { ...CLAIM_ID, description: 'The claim the money is for (import the claims first).' },
  {
    name: 'posted_date',
    required: true,
    aliases: ['Posted Date', 'Post Date', 'Date Posted', 'Payment Date', 'Paid Date', 'Deposit Date'],
    description: `The day the payment or adjustment was posted. ${DATES}`,
  },
  {
    name: 'payer',
    required: true,
    aliases: ['Payer', 'Payer Name', 'Payor', 'Insurance', 'Paid By', 'Source'],
    description: 'The payer that paid, or “patient” for money from the patient.',
  },
  {
    name: 'amount_paid',
    required: true,
    aliases: ['Paid', 'Amount Paid', 'Paid Amount', 'Payment', 'Payment Amount'],
    description: 'What was paid, e.g. $80.00. Empty on an adjustment-only row.',
  },
  {
    name: 'adjustment_group',
    required: false,
    aliases: ['Adj Group', 'Group Code', 'Adjustment Group', 'CAS Group'],
    description: 'CO, PR, OA or PI, when the row adjusts the claim.',
  },
  {
    name: 'adjustment_reason',
    required: false,
    aliases: ['Adj Reason', 'Reason Code', 'Adjustment Reason', 'Adjustment Code', 'CARC'],
    description: 'The adjustment’s reason code (CARC), e.g. 45.',
  },
  {
    name: 'adjustment_amount',
    required: false,
    aliases: ['Adjustment', 'Adj Amount', 'Adjustment Amount', 'Adjusted'],
    description: 'The adjustment, e.g. 20.00.',
  },
  {
    name: 'check_number',
    required: false,
    aliases: ['Check #', 'Check Number', 'Check No', 'EFT #', 'EFT Number', 'Check/EFT', 'Trace Number'],
    description: 'The check or EFT number the payment came with.',
  },
];

/** A payer's fee schedule: one row per payer, code and modifier with its contracted allowed amount. */
export const FEE_SCHEDULE_COLUMNS: readonly ImportColumn[] = [
  {
    name: 'payer_id',
    required: true,
    aliases: ['payer', 'payer id', 'insurance id'],
    description: 'The payer id as your remittances name it (shown under each payer’s name)',
    example: '60054',
  },
  {
    name: 'code',
    required: true,
    aliases: ['cpt', 'hcpcs', 'procedure code', 'cpt code'],
    description: 'CPT or HCPCS code, like 99213 or G0439',
    example: '99213',
  },
  {
    name: 'modifier',
    required: false,
    aliases: ['mod', 'modifier 1'],
    description: 'Only when the fee differs for a modifier, like 25 or LT',
    example: '25',
  },
  {
    name: 'allowed',
    required: true,
    aliases: ['allowed amount', 'fee', 'rate', 'contract rate', 'amount'],
    description: 'The contracted allowed amount in dollars, like 92.50',
    example: '92.50',
  },
];

export const BILLING_CSV_COLUMNS: Record<BillingCsvKind, readonly ImportColumn[]> = {
  'billing.claims': CLAIM_COLUMNS,
  'billing.payments': PAYMENT_COLUMNS,
};

/** A header name as the import reads it: lower case, spaces as underscores. */
const headerKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, '_');

/** Header keys of a kind's columns and their aliases, each to the column's name. */
function aliasMap(columns: readonly ImportColumn[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of columns) {
    out.set(c.name, c.name);
    for (const a of c.aliases ?? []) out.set(headerKey(a), c.name);
  }
  return out;
}

/** A header row read as a kind's columns: the required ones it lacks, and the names it ignores. */
export function readHeader(kind: BillingCsvKind, header: readonly string[]) {
  const names = aliasMap(BILLING_CSV_COLUMNS[kind]);
  const found = new Set(header.map((h) => names.get(headerKey(h))));
  return {
    missing: BILLING_CSV_COLUMNS[kind].filter((c) => c.required && !found.has(c.name)).map((c) => c.name),
    ignored: header.filter((h) => h.trim() !== '' && !names.has(headerKey(h))),
  };
}

/** A record keyed by header names (aliases or not) keyed by the kind's column names. */
function canonicalRow(kind: BillingCsvKind, record: Record<string, string | undefined>) {
  const names = aliasMap(BILLING_CSV_COLUMNS[kind]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    const name = names.get(headerKey(k));
    if (name && !out[name]) out[name] = (v ?? '').trim();
  }
  return out;
}

/** Modifiers as written ("25, 59", "lt 59") upper-cased, in order. */
export const readModifiers = (text: string | undefined) =>
  (text ?? '')
    .toUpperCase()
    .split(/[\s,;|/]+/)
    .filter(Boolean);

const day = (text: string | undefined, order: DateOrder) => {
  const r = readDate(text ?? '', order);
  return r.ok ? r.date : (text ?? '');
};
const money = (text: string | undefined) => String(text ? (readMoney(text) ?? text) : 0);

/**
 * A claims row is one service line: the claim, the day, the code and its modifiers. Units and
 * charge are not part of it, so a later export with a corrected charge is the same line (left as
 * imported) rather than a second one; two lines alike in all four are one line (bill units).
 */
function claimLineIdentity(r: Record<string, string>, order: DateOrder): string {
  const mods = readModifiers(r.modifiers).sort().join(',');
  return `${r.claim_id}#${day(r.service_date, order)}#${(r.cpt_code ?? '').toUpperCase()}#${mods}`;
}

/** A payments row is one posting: every cell that says what moved, how much, when and on which check. */
function postingIdentity(r: Record<string, string>, order: DateOrder): string {
  return [
    r.claim_id,
    day(r.posted_date, order),
    (r.payer ?? '').toLowerCase(),
    (r.check_number ?? '').toLowerCase(),
    money(r.amount_paid),
    (r.adjustment_group ?? '').toUpperCase(),
    (r.adjustment_reason ?? '').toUpperCase(),
    money(r.adjustment_amount),
  ].join('#');
}

/** The identity of a row of either kind, its dates read in the practice's order. */
export function billingRowIdentity(
  kind: BillingCsvKind,
  record: Record<string, string | undefined>,
  order: DateOrder,
): string {
  const r = canonicalRow(kind, record);
  return kind === 'billing.claims' ? claimLineIdentity(r, order) : postingIdentity(r, order);
}
