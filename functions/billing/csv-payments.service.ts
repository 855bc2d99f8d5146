/**
 * Billing's CSV import of payment postings, one row per posting, on the platform's import pipeline.
 * A payer's rows for one claim, day and check become one CLP loop as an 835 would send it and go
 * through the same claim math (`applyClaimPayment`); a patient's row is a patient payment, as typed
 * in on the claim page. A claim's rows of a chunk go in whole or not at all.
 */
import * as z from 'zod/mini';
import { billingRowIdentity, PAYMENT_COLUMNS } from '../../shared/billing/csv-columns.ts';
import type { DateOrder } from '../../shared/locale.ts';
import type { Adjustment, ClaimPayment } from '../../shared/x12/x12-types.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { ImportFieldError, ImportKind } from '../platform/imports/import-kind.ts';
import type { LedgerDelta, StoredClaim } from './claim-effects.ts';
import { applyPatientPayment, patientPaymentProblem } from './claim-entry-effects.ts';
import { applyClaimPayment, isDenial, type RemittanceContext } from './claim-payment-effects.ts';
import { claimPaymentOp, claimsRepo, claimWriteOp } from './claims.repo.ts';
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
import { payerKey } from './remittances.service.ts';

interface Posting {
  date?: string;
  /** Money from the patient rather than a payer. */
  patient: boolean;
  payer: string;
  paidCents: number;
  adjustment?: Adjustment;
  check?: string;
  errors: ImportFieldError[];
}

const PATIENT_WORDS = new Set(['patient', 'self', 'self-pay', 'self pay', 'pt', 'guarantor']);
const GROUPS = new Set(['CO', 'PR', 'OA', 'PI']);

function readAdjustment(cells: CellReader): Adjustment | undefined {
  const group = cells.text('adjustment_group')?.toUpperCase();
  const reason = cells.text('adjustment_reason')?.toUpperCase();
  const amount = cells.money('adjustment_amount', 0);
  if (!group) {
    if (amount || reason)
      cells.errors.push(
        cellError('adjustment_group', 'Say which group the adjustment is in: CO, PR, OA or PI'),
      );
    return undefined;
  }
  if (!GROUPS.has(group))
    cells.errors.push(cellError('adjustment_group', `“${group}” is not a group: use CO, PR, OA or PI`));
  if (!reason || !/^[A-Z0-9]{1,5}$/.test(reason))
    cells.errors.push(
      cellError(
        'adjustment_reason',
        reason ? `“${reason}” is not a reason code, like 45` : 'Required with an adjustment group',
      ),
    );
  if (!amount && amount !== undefined)
    cells.errors.push(cellError('adjustment_amount', 'Required with an adjustment group'));
  return { group: group as Adjustment['group'], reason: reason ?? '', amountCents: amount ?? 0 };
}

/** A row as a posting, with every problem by column. */
function readPosting(row: CsvRow, order: DateOrder): Posting {
  const cells = new CellReader(row, order);
  if (!cells.text('claim_id')) cells.errors.push(cellError('claim_id', 'Required'));
  const date = cells.date('posted_date', true);
  const payer = cells.text('payer') ?? '';
  if (!payer)
    cells.errors.push(cellError('payer', 'Name the payer, or write “patient” for money from the patient'));
  const patient = PATIENT_WORDS.has(payer.toLowerCase());
  const paidCents = cells.money('amount_paid', 0) ?? 0;
  if (paidCents < 0)
    cells.errors.push(
      cellError('amount_paid', 'A refund or reversal can’t be imported: post it in the billing system'),
    );
  const adjustment = readAdjustment(cells);
  if (patient && adjustment)
    cells.errors.push(
      cellError(
        'adjustment_group',
        'A patient payment has no adjustment: put adjustments on the payer’s rows',
      ),
    );
  if (!paidCents && !adjustment && !cells.errors.length)
    cells.errors.push(cellError('amount_paid', 'The row pays nothing and adjusts nothing'));
  const check = cells.text('check_number');
  return {
    date,
    patient,
    payer,
    paidCents,
    ...(adjustment ? { adjustment } : {}),
    ...(check ? { check } : {}),
    errors: cells.errors,
  };
}

/** The row's payer as the claim knows it, or as the row names it (a secondary payer). */
function payerOf(c: StoredClaim, text: string): { id: string; name: string } {
  const t = text.toLowerCase();
  return t === c.payer.id.toLowerCase() || t === c.payer.name.toLowerCase()
    ? c.payer
    : { id: payerKey(text), name: text };
}

/** One payer's rows for a claim, day and check: the CLP loop an 835 would have sent. */
function claimPaymentOf(c: StoredClaim, rows: readonly Posting[]): ClaimPayment {
  const adjustments = rows.flatMap((r) => (r.adjustment ? [r.adjustment] : []));
  return {
    claimId: c.id,
    statusCode: '1',
    chargeCents: c.chargeCents,
    paidCents: rows.reduce((s, r) => s + r.paidCents, 0),
    patientResponsibilityCents: adjustments
      .filter((a) => a.group === 'PR')
      .reduce((s, a) => s + a.amountCents, 0),
    patient: c.patient,
    adjustments,
    remarks: [],
    lines: [],
  };
}

type Read = ClaimRows<Posting>['rows'][number];

/** The claim's postings in date order: a patient's rows one by one, a payer's by day and check. */
function postingsOf(g: ClaimRows<Posting>): Read[][] {
  const out = new Map<string, Read[]>();
  for (const r of g.rows) {
    const p = r.read;
    const key = p.patient
      ? `${p.date}#patient#${r.at}`
      : `${p.date}#${p.payer.toLowerCase()}#${p.check ?? ''}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  // By day; on one day a payer's posting first, since it is what leaves the patient a share to pay.
  const order = (rows: Read[]) => `${rows[0]!.read.date}#${rows[0]!.read.patient ? 1 : 0}`;
  return [...out.values()].sort((a, b) => order(a).localeCompare(order(b)));
}

/** A slot for the posting's record beside the claim, from its first row's identity. */
const slot = (key: string) => [...key].reduce((s, ch) => (s * 31 + ch.charCodeAt(0)) % 1000, 7);

/** The claim after its postings, with its writes; undefined with its rows' errors set. */
function claimWrite(
  db: TenantDb,
  g: ClaimRows<Posting>,
  before: StoredClaim,
  out: ImportFieldError[][],
): ClaimWrite | undefined {
  let c = before;
  const ops: WriteOp[] = [];
  const deltas: LedgerDelta[] = [];
  const payers = new Map<string, { id: string; name: string }>();
  for (const rows of postingsOf(g)) {
    const first = rows[0]!;
    const date = first.read.date!;
    if (first.read.patient) {
      const problem = patientPaymentProblem(c, first.read.paidCents);
      if (problem) {
        out[first.at] = [cellError('amount_paid', problem)];
        refuseWithClaim(g, out);
        return undefined;
      }
      const note = first.read.check ? `check ${first.read.check}` : 'imported from a CSV file';
      const applied = applyPatientPayment(
        c,
        { amountCents: first.read.paidCents, date, note },
        db.actor.name,
      );
      c = applied.claim;
      deltas.push(...applied.deltas);
      continue;
    }
    const payer = payerOf(c, first.read.payer);
    const ctx: RemittanceContext = {
      traceNumber: first.read.check ?? `CSV-${date}`,
      paymentDate: date,
      payer,
    };
    const p = claimPaymentOf(
      c,
      rows.map((r) => r.read),
    );
    const applied = applyClaimPayment(c, p, ctx, db.now().toISOString());
    c = applied.claim;
    deltas.push(...applied.deltas);
    payers.set(payer.id, payer);
    const record = {
      ...p,
      traceNumber: ctx.traceNumber,
      paymentDate: date,
      statusCode: isDenial(p) ? '4' : '1',
    };
    const { patient: _p, lines: _l, ...stored } = record;
    ops.push(claimPaymentOp(db, stored, slot(first.input.key)));
  }
  return {
    group: g as ClaimRows<unknown>,
    ops: [claimWriteOp(db, c), ...ops, ...directoryOps(db, [...payers.values()], [])],
    deltas,
  };
}

export const paymentsCsvImport: ImportKind<CsvRow, DateOrder> = {
  kind: 'billing.payments',
  module: 'billing',
  label: 'Payments and adjustments',
  columns: PAYMENT_COLUMNS,
  // Cells stay text here: dates are read in the practice's order, which only `prepare` knows.
  rowSchema: z.record(z.string(), z.string()),
  prepare: practiceDateOrder,
  rowKey: (row, order) => billingRowIdentity('billing.payments', row, order),
  repeatField: 'amount_paid',
  async apply(db, rows, { dryRun, ctx: order }) {
    const read = rows.map((r) => readPosting(r.data, order));
    const out = read.map((r) => r.errors);
    const groups = byClaim(rows, read);
    const known = await claimsRepo.getMany(
      db,
      groups.map((g) => g.claimId),
    );
    const writes: ClaimWrite[] = [];
    for (const g of groups) {
      if (refuseWithClaim(g, out)) continue;
      const before = known.get(g.claimId);
      if (!before) {
        failClaim(g, out, `No claim ${g.claimId}: import the claims first`);
        continue;
      }
      const w = claimWrite(db, g, before, out);
      if (w) writes.push(w);
    }
    if (!dryRun)
      await writeClaims(
        db,
        writes,
        out,
        (n) => `Imported payments on ${n} claim${n === 1 ? '' : 's'} from a CSV file`,
      );
    return out;
  },
};
