/**
 * Fee schedules in from CSV, on the platform's import pipeline: one row per payer, code and
 * modifier with the contracted allowed amount. A re-imported row changes nothing; a row with a new
 * amount for a code replaces the old amount.
 */
import * as z from 'zod/mini';
import { FEE_SCHEDULE_COLUMNS } from '../../shared/billing/csv-columns.ts';
import { ModifierSchema, ProcedureCodeSchema, readMoney } from '../../shared/schemas/billing-entry.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { ImportFieldError, ImportKind, ImportRowToApply } from '../platform/imports/import-kind.ts';
import { payerRepo } from './payers.repo.ts';
import { billingDirectory } from './remittance.repo.ts';

type Row = Record<string, string>;
/** Rows per transaction: each writes its fee and its import marker, with the audit record's two. */
const ROWS_PER_WRITE = 48;

const cell = (row: Row, name: string) => (row[name] ?? '').trim();

interface Read {
  payerId: string;
  code: string;
  modifier: string;
  allowedCents: number;
}

function readRow(row: Row, payers: Set<string>): Read | ImportFieldError[] {
  const errors: ImportFieldError[] = [];
  const payerId = cell(row, 'payer_id');
  if (!payers.has(payerId)) {
    errors.push({
      field: 'payer_id',
      message: `No payer "${payerId}" on your claims yet: use the payer id of an imported remittance or claim`,
    });
  }
  const code = cell(row, 'code').toUpperCase();
  if (!ProcedureCodeSchema.safeParse(code).success)
    errors.push({
      field: 'code',
      message: 'A CPT or HCPCS code is 5 letters or digits, like 99213 or G0439',
    });
  const modifier = cell(row, 'modifier').toUpperCase();
  if (modifier && !ModifierSchema.safeParse(modifier).success)
    errors.push({ field: 'modifier', message: 'A modifier is 2 letters or digits, like 25 or LT' });
  const allowedCents = readMoney(cell(row, 'allowed'));
  if (allowedCents === null || allowedCents <= 0)
    errors.push({ field: 'allowed', message: 'Write the allowed amount in dollars, like 92.50' });
  return errors.length ? errors : { payerId, code, modifier, allowedCents: allowedCents! };
}

export const feeScheduleImport: ImportKind<Row, Set<string>> = {
  kind: 'billing.fee_schedule',
  module: 'billing',
  label: 'Fee schedule',
  columns: FEE_SCHEDULE_COLUMNS,
  rowSchema: z.record(z.string(), z.string()),
  prepare: async (db) => new Set((await billingDirectory(db)).payers.map((p) => p.id)),
  rowKey: (row) =>
    [
      cell(row, 'payer_id'),
      cell(row, 'code').toUpperCase(),
      cell(row, 'modifier').toUpperCase(),
      cell(row, 'allowed'),
    ].join('|'),
  repeatField: 'code',
  async apply(db, rows, { dryRun, ctx: payers }) {
    const read = rows.map((r) => readRow(r.data, payers));
    if (!dryRun) await writeFees(db, rows, read);
    return read.map((r) => (Array.isArray(r) ? r : []));
  },
};

async function writeFees(
  db: TenantDb,
  rows: ImportRowToApply<Row>[],
  read: (Read | ImportFieldError[])[],
): Promise<void> {
  const good = rows.flatMap((r, i) => (Array.isArray(read[i]) ? [] : [{ row: r, fee: read[i] as Read }]));
  for (let i = 0; i < good.length; i += ROWS_PER_WRITE) {
    const batch = good.slice(i, i + ROWS_PER_WRITE);
    await db.write(
      batch.flatMap(({ row, fee }) => [payerRepo.feeOp(db, fee.payerId, fee), row.marker]),
      {
        action: 'billing.fee_schedule_imported',
        entityType: 'payer',
        entityId: batch[0]!.fee.payerId,
        summary: `Imported ${batch.length} fee schedule row${batch.length === 1 ? '' : 's'}`,
      },
    );
  }
}
