/**
 * What billing's two CSV import kinds share: reading a cell as a date or an amount with an error in
 * words, grouping a chunk's rows by claim (a claim is written whole or not at all), and writing the
 * groups in as few transactions as fit, each claim with its rows' import markers.
 * Cross-domain read: `getTenant` (tenants/settings.service.ts): the practice's locale decides how
 * slashed dates are read.
 */
import { type DateOrder, dateOrderOf, readDate, tenantLocale } from '../../shared/locale.ts';
import { readMoney } from '../../shared/schemas/billing-entry.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import type { ImportFieldError, ImportRowToApply } from '../platform/imports/import-kind.ts';
import { getTenant } from '../tenants/settings.service.ts';
import type { LedgerDelta } from './claim-effects.ts';
import { ledgerOps } from './ledger.repo.ts';

export type CsvRow = Record<string, string>;

/** Each column in the words a row error uses. */
const LABELS: Record<string, string> = {
  claim_id: 'Claim number',
  patient_last_name: 'Patient last name',
  patient_first_name: 'Patient first name',
  date_of_birth: 'Date of birth',
  member_id: 'Member id',
  payer_id: 'Payer id',
  payer_name: 'Payer name',
  rendering_npi: 'Rendering provider NPI',
  provider_name: 'Provider name',
  location: 'Location',
  service_date: 'Date of service',
  submitted_date: 'Submitted date',
  cpt_code: 'CPT code',
  modifiers: 'Modifiers',
  units: 'Units',
  charge: 'Charge',
  posted_date: 'Posted date',
  payer: 'Payer',
  amount_paid: 'Amount paid',
  adjustment_group: 'Adjustment group',
  adjustment_reason: 'Adjustment reason',
  adjustment_amount: 'Adjustment amount',
  check_number: 'Check or EFT number',
};

/** A row error on a column, its message led by the column's name in words. */
export const cellError = (field: string, message: string): ImportFieldError => ({
  field,
  message: `${LABELS[field] ?? field}: ${message}`,
});

/** The practice's date order (US practices: month/day/year), once per chunk. */
export async function practiceDateOrder(db: TenantDb): Promise<DateOrder> {
  return dateOrderOf(tenantLocale(await getTenant(db)));
}

/** Reads a row's cells, collecting an error per column that does not read. */
export class CellReader {
  readonly errors: ImportFieldError[] = [];
  constructor(
    readonly row: CsvRow,
    private readonly order: DateOrder,
  ) {}

  text(field: string): string | undefined {
    return this.row[field]?.trim() || undefined;
  }

  /** A date as YYYY-MM-DD; empty is an error only when required. */
  date(field: string, required: boolean): string | undefined {
    const text = this.text(field);
    if (!text && !required) return undefined;
    const r = readDate(text ?? '', this.order);
    if (r.ok) return r.date;
    this.errors.push(cellError(field, r.message));
    return undefined;
  }

  /** An amount in cents ("$1,234.50", "1234.5"); empty reads as `empty`. */
  money(field: string, empty?: number): number | undefined {
    const text = this.text(field);
    if (!text) {
      if (empty === undefined) this.errors.push(cellError(field, 'Required'));
      return empty;
    }
    const cents = readMoney(text);
    if (cents === null)
      this.errors.push(cellError(field, `“${text}” is not an amount: write it like $1,234.50 or 1234.5`));
    return cents ?? undefined;
  }
}

/** A chunk's rows of one claim, in file order. */
export interface ClaimRows<T> {
  claimId: string;
  rows: { at: number; input: ImportRowToApply<CsvRow>; read: T }[];
}

/** Groups rows by claim id (rows without one are left out: they already carry an error). */
export function byClaim<T>(rows: readonly ImportRowToApply<CsvRow>[], read: readonly T[]): ClaimRows<T>[] {
  const groups = new Map<string, ClaimRows<T>>();
  rows.forEach((input, at) => {
    const id = input.data.claim_id?.trim();
    if (!id) return;
    const g = groups.get(id) ?? { claimId: id, rows: [] };
    g.rows.push({ at, input, read: read[at]! });
    groups.set(id, g);
  });
  return [...groups.values()];
}

/** The error every other row of a claim gets when one of its rows has one: the claim goes in whole. */
export function refuseWithClaim<T>(g: ClaimRows<T>, out: ImportFieldError[][]): boolean {
  const bad = g.rows.find((r) => out[r.at]!.length);
  if (!bad) return false;
  for (const r of g.rows)
    if (!out[r.at]!.length)
      out[r.at] = [
        cellError('claim_id', `Not imported: row ${bad.input.row} of claim ${g.claimId} has an error`),
      ];
  return true;
}

/** Gives every row of the claim the same error. */
export function failClaim<T>(g: ClaimRows<T>, out: ImportFieldError[][], message: string): void {
  for (const r of g.rows) out[r.at] = [cellError('claim_id', message)];
}

/** One claim's writes: its item, its other items, its rows' markers and its ledger deltas. */
export interface ClaimWrite {
  group: ClaimRows<unknown>;
  ops: WriteOp[];
  deltas: LedgerDelta[];
}

/** Items per transaction, leaving room for the audit record and its index copy. */
const MAX_ITEMS = 96;

const keyOf = (op: WriteOp) => {
  const k = 'item' in op ? op.item : op.key;
  return `${k.PK}\u0000${k.SK}`;
};

/** A transaction's ops: each claim's, the markers, the summed ledger, each shared item once. */
function opsOf(writes: readonly ClaimWrite[], db: TenantDb): WriteOp[] {
  const seen = new Set<string>();
  const ops: WriteOp[] = [];
  for (const op of writes.flatMap((w) => [...w.ops, ...w.group.rows.map((r) => r.input.marker)])) {
    const key = keyOf(op);
    if (!seen.has(key)) ops.push(op);
    seen.add(key);
  }
  return [
    ...ops,
    ...ledgerOps(
      db,
      writes.flatMap((w) => w.deltas),
    ),
  ];
}

/**
 * Writes the claims in as few transactions as fit. A transaction refused for a reason a person
 * can act on (a claim changed meanwhile) is retried claim by claim, so only that claim's rows fail.
 */
export async function writeClaims(
  db: TenantDb,
  writes: readonly ClaimWrite[],
  out: ImportFieldError[][],
  summary: (claims: number) => string,
): Promise<void> {
  const batches: ClaimWrite[][] = [];
  for (const w of writes) {
    const last = batches.at(-1);
    if (last && opsOf([...last, w], db).length <= MAX_ITEMS) last.push(w);
    else batches.push([w]);
  }
  for (const batch of batches) {
    try {
      await writeBatch(db, batch, summary);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      if (batch.length === 1) failClaim(batch[0]!.group, out, err.message);
      else for (const w of batch) await writeClaims(db, [w], out, summary);
    }
  }
}

async function writeBatch(db: TenantDb, batch: ClaimWrite[], summary: (claims: number) => string) {
  const ops = opsOf(batch, db);
  if (ops.length > MAX_ITEMS)
    throw badRequest('Too many rows for this claim in one part of the file: split them');
  await db.write(ops, {
    action: 'billing.csv_imported',
    entityType: 'claim',
    entityId: batch[0]!.group.claimId,
    summary: summary(batch.length),
  });
}
