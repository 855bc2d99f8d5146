/**
 * Billing's CSV import of claims, one row per service line, plugged into the platform's import
 * pipeline (functions/platform/imports). Rows of one claim are grouped into one claim; a claim's
 * lines the pipeline hands over in a later chunk (the web sends 100 rows at a time) are added to it
 * while nothing has happened to it yet, by rebuilding it as if submitted whole (claim-entry-effects.ts).
 * Payment postings are the other kind (csv-payments.service.ts).
 */
import * as z from 'zod/mini';
import { billingRowIdentity, CLAIM_COLUMNS, readModifiers } from '../../shared/billing/csv-columns.ts';
import type { DateOrder } from '../../shared/locale.ts';
import {
  type ClaimHeaderEntry,
  ClaimHeaderEntrySchema,
  type ClaimLineEntry,
  ClaimLineEntrySchema,
} from '../../shared/schemas/billing-entry.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { ImportFieldError, ImportKind } from '../platform/imports/import-kind.ts';
import { applySubmission, type LedgerDelta } from './claim-effects.ts';
import { addLines, type EnteredClaim, isUntouched, submissionOf } from './claim-entry-effects.ts';
import { locationMatcher } from './claim-import.service.ts';
import { claimsRepo, claimWriteOp } from './claims.repo.ts';
import {
  byClaim,
  CellReader,
  type ClaimRows,
  type ClaimWrite,
  type CsvRow,
  cellError,
  failClaim,
  practiceDateOrder,
  refuseWithClaim,
  writeClaims,
} from './csv-rows.ts';
import { directoryOps } from './remittance.repo.ts';

/** The most lines one claim has (an 837P claim holds at most 50). */
const MAX_CSV_LINES = 50;

interface Ctx {
  order: DateOrder;
  locate: (name: string | undefined) => { locationId?: string };
}

interface ReadLine {
  header?: ClaimHeaderEntry;
  line?: ClaimLineEntry;
  errors: ImportFieldError[];
}

/** The column an entry schema's issue path names. */
const COLUMN_OF: Record<string, string> = {
  claimId: 'claim_id',
  'patient.lastName': 'patient_last_name',
  'patient.firstName': 'patient_first_name',
  'patient.birthDate': 'date_of_birth',
  'patient.memberId': 'member_id',
  'payer.id': 'payer_id',
  'payer.name': 'payer_name',
  'provider.npi': 'rendering_npi',
  'provider.name': 'provider_name',
  locationId: 'location',
  submittedDate: 'submitted_date',
  code: 'cpt_code',
  modifiers: 'modifiers',
  units: 'units',
  serviceDate: 'service_date',
  chargeCents: 'charge',
};

/** Validates with an entry schema, each issue as an error on its column. */
function checked<T>(schema: z.ZodMiniType<T>, value: unknown, errors: ImportFieldError[]): T | undefined {
  const out = schema.safeParse(value);
  if (out.success) return out.data;
  for (const issue of out.error.issues) {
    const path = issue.path.filter((p) => typeof p === 'string').join('.');
    const field = COLUMN_OF[path] ?? 'claim_id';
    if (!errors.some((e) => e.field === field)) errors.push(cellError(field, issue.message));
  }
  return undefined;
}

function readUnits(cells: CellReader): number | undefined {
  const text = cells.text('units');
  if (!text) return 1;
  const n = Number(text);
  if (Number.isInteger(n)) return n;
  cells.errors.push(cellError('units', `“${text}” is not a whole number of units`));
  return undefined;
}

/** A row as the claim it belongs to and the line it adds, with every problem by column. */
function readClaimRow(row: CsvRow, ctx: Ctx): ReadLine {
  const cells = new CellReader(row, ctx.order);
  const t = (f: string) => cells.text(f);
  const npi = t('rendering_npi');
  const birthDate = cells.date('date_of_birth', false);
  const submittedDate = cells.date('submitted_date', true);
  const serviceDate = cells.date('service_date', true);
  const chargeCents = cells.money('charge');
  const units = readUnits(cells);
  const header = {
    claimId: t('claim_id') ?? '',
    patient: {
      lastName: t('patient_last_name') ?? '',
      ...(t('patient_first_name') ? { firstName: t('patient_first_name') } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...(t('member_id') ? { memberId: t('member_id') } : {}),
    },
    payer: { ...(t('payer_id') ? { id: t('payer_id') } : {}), name: t('payer_name') ?? '' },
    ...(npi ? { provider: { npi, ...(t('provider_name') ? { name: t('provider_name') } : {}) } } : {}),
    ...ctx.locate(t('location')),
    submittedDate,
  };
  const line = {
    code: (t('cpt_code') ?? '').toUpperCase(),
    modifiers: readModifiers(row.modifiers),
    units,
    serviceDate,
    chargeCents,
  };
  // A cell that did not read already has its error; the schema would only repeat it.
  const read = new Set(cells.errors.map((e) => e.field));
  const errors = [...cells.errors];
  const more: ImportFieldError[] = [];
  const h = checked(ClaimHeaderEntrySchema, header, more);
  const l = checked(ClaimLineEntrySchema, line, more);
  errors.push(...more.filter((e) => !read.has(e.field)));
  return { ...(h ? { header: h } : {}), ...(l ? { line: l } : {}), errors };
}

/** What every line of one claim must say alike, by column. */
const SAME: [string, (h: ClaimHeaderEntry) => string | undefined][] = [
  ['patient_last_name', (h) => h.patient.lastName.toLowerCase()],
  ['patient_first_name', (h) => h.patient.firstName?.toLowerCase()],
  ['date_of_birth', (h) => h.patient.birthDate],
  ['payer_name', (h) => h.payer.name.toLowerCase()],
  ['payer_id', (h) => h.payer.id],
  ['rendering_npi', (h) => h.provider?.npi],
  ['submitted_date', (h) => h.submittedDate],
];

/** Rows of the claim that disagree with its first row on who, whom or when. */
function checkAlike(g: ClaimRows<ReadLine>, out: ImportFieldError[][]): void {
  const [first, ...rest] = g.rows;
  for (const r of rest) {
    const differs = SAME.find(([, get]) => get(r.read.header!) !== get(first!.read.header!));
    if (differs)
      out[r.at] = [cellError(differs[0], `Differs from row ${first!.input.row}, the claim's first line`)];
  }
}

/** The claim's writes, or undefined with its rows' errors set. */
function claimWrite(
  db: TenantDb,
  g: ClaimRows<ReadLine>,
  before: EnteredClaim | undefined,
  out: ImportFieldError[][],
): ClaimWrite | undefined {
  const header = g.rows[0]!.read.header!;
  const lines = g.rows.map((r) => r.read.line!);
  const now = db.now().toISOString();
  let applied: { claim: EnteredClaim; deltas: LedgerDelta[] };
  if (!before) {
    applied = applySubmission(undefined, submissionOf(header, lines), now);
    applied.claim = { ...applied.claim, entry: 'csv' };
  } else if (!before.submittedDate) {
    // First seen on a remittance: its lines are the payer's; the CSV adds when it was sent.
    applied = applySubmission(before, submissionOf(header, lines), now);
  } else if (before.entry !== 'csv') {
    failClaim(
      g,
      out,
      `Claim ${g.claimId} was in Rounds before these lines (from an 837 file, a remittance or typed in): they are not imported again`,
    );
    return undefined;
  } else if (!isUntouched(before)) {
    failClaim(
      g,
      out,
      `Claim ${g.claimId} already has payments or adjustments: a line can no longer be added to it`,
    );
    return undefined;
  } else if (before.payer.id !== submissionOf(header, lines).payer.id) {
    failClaim(
      g,
      out,
      `Claim ${g.claimId} is in Rounds for ${before.payer.name}; these lines name ${header.payer.name}`,
    );
    return undefined;
  } else applied = addLines(before, lines, now);
  if (applied.claim.lines.length > MAX_CSV_LINES) {
    failClaim(g, out, `Claim ${g.claimId} would have more than ${MAX_CSV_LINES} lines`);
    return undefined;
  }
  const { payer, provider } = applied.claim;
  return {
    group: g as ClaimRows<unknown>,
    ops: [
      claimWriteOp(db, applied.claim),
      ...directoryOps(db, [payer], provider ? [{ renderingProvider: provider }] : []),
    ],
    deltas: applied.deltas,
  };
}

export const claimsCsvImport: ImportKind<CsvRow, Ctx> = {
  kind: 'billing.claims',
  module: 'billing',
  label: 'Claims',
  columns: CLAIM_COLUMNS,
  // Cells stay text here: dates are read in the practice's order, which only `prepare` knows.
  rowSchema: z.record(z.string(), z.string()),
  prepare: async (db) => {
    const [order, locate] = await Promise.all([practiceDateOrder(db), locationMatcher(db)]);
    return { order, locate };
  },
  rowKey: (row, ctx) => billingRowIdentity('billing.claims', row, ctx.order),
  repeatField: 'cpt_code',
  async apply(db, rows, { dryRun, ctx }) {
    const read = rows.map((r) => readClaimRow(r.data, ctx));
    const out = read.map((r) => r.errors);
    const groups = byClaim(rows, read);
    const known = await claimsRepo.getMany(
      db,
      groups.map((g) => g.claimId),
    );
    const writes: ClaimWrite[] = [];
    for (const g of groups) {
      if (refuseWithClaim(g, out)) continue;
      checkAlike(g, out);
      if (refuseWithClaim(g, out)) continue;
      const w = claimWrite(db, g, known.get(g.claimId), out);
      if (w) writes.push(w);
    }
    if (!dryRun)
      await writeClaims(db, writes, out, (n) => `Imported ${n} claim${n === 1 ? '' : 's'} from a CSV file`);
    return out;
  },
};
