import type { RemittanceImportResult, RemittancePreview, X12Upload } from '../../shared/schemas/billing.ts';
import { parse835 } from '../../shared/x12/remittance-835.ts';
import type { ClaimPayment, Parsed835, Remittance835 } from '../../shared/x12/x12-types.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { validationFailed } from '../platform/errors.ts';
import type { LedgerDelta, StoredClaim } from './claim-effects.ts';
import { applyClaimPayment, isDenial } from './claim-payment-effects.ts';
import { claimPaymentOp, claimsRepo, claimWriteOp, type StoredClaimPayment } from './claims.repo.ts';
import type { FeeLookup } from './contract-pricing.ts';
import { ledgerOps } from './ledger.repo.ts';
import { payerRepo } from './payers.repo.ts';
import { directoryOps, remittanceRepo } from './remittance.repo.ts';

/**
 * Importing 835 remittances. A file with any problem is refused whole, naming each segment; a
 * good one is written in chunks of claims, each chunk one transaction with its ledger totals and
 * a marker, so an interrupted import resumes where it stopped and a repeated one changes nothing.
 */

/**
 * Claims per transaction. At worst each brings its claim, its payment, a ledger and an A/R item
 * for its month of service and its provider's directory entry (5 × 18 = 90), plus the posting
 * month's ledger item, the chunk marker, the remittance, its payer and the audit record: 96 ≤ 100.
 */
export const CLAIMS_PER_CHUNK = 18;

/** A payer id safe inside keys and counter names (X12 ids are mostly digits and letters already). */
export const payerKey = (id: string) => id.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 60) || 'UNKNOWN';

function parseOrRefuse(text: string): Parsed835 {
  const parsed = parse835(text);
  if (parsed.problems.length) {
    throw validationFailed(
      parsed.problems.slice(0, 50).map((p) => ({ path: `segment ${p.segment}`, message: p.message })),
      `The file has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}; nothing was imported`,
    );
  }
  if (!parsed.remittances.length)
    throw validationFailed([{ path: 'text', message: 'The file holds no 835 remittance (ST*835)' }]);
  return parsed;
}

const normalized = (r: Remittance835): Remittance835 => ({
  ...r,
  payer: { ...r.payer, id: payerKey(r.payer.id) },
});

/** What the file holds and what of it Rounds already has; writes nothing. */
export async function previewRemittances(db: TenantDb, upload: X12Upload): Promise<RemittancePreview> {
  const parsed = parse835(upload.text);
  const remittances = parsed.problems.length ? [] : parsed.remittances.map(normalized);
  const known = await claimsRepo.getMany(
    db,
    remittances.flatMap((r) => r.claims.map((c) => c.claimId)),
  );
  const existing = await remittanceRepo.getMany(db, remittances);
  return {
    problems: parsed.problems.slice(0, 200),
    remittances: remittances.map((r) => ({
      traceNumber: r.traceNumber,
      payerId: r.payer.id,
      payerName: r.payer.name,
      paymentDate: r.paymentDate,
      paymentCents: r.paymentCents,
      paymentMethod: r.paymentMethod,
      claims: r.claims.length,
      knownClaims: r.claims.filter((c) => known.has(c.claimId)).length,
      denied: r.claims.filter(isDenial).length,
      reversals: r.claims.filter((c) => c.statusCode === '22').length,
      providerAdjustmentsCents: r.providerAdjustments.reduce((s, a) => s + a.amountCents, 0),
      alreadyImported: existing.get(`${r.payer.id}#${r.traceNumber}`)?.status === 'imported',
    })),
  };
}

/** Imports every remittance of the file not imported before. */
export async function importRemittances(db: TenantDb, upload: X12Upload): Promise<RemittanceImportResult> {
  const parsed = parseOrRefuse(upload.text);
  const result: RemittanceImportResult = { imported: 0, skipped: 0, claims: 0, paymentCents: 0 };
  for (const raw of parsed.remittances) {
    const r = normalized(raw);
    const done = await importOne(db, r, upload.fileName);
    if (done) {
      result.imported++;
      result.claims += r.claims.length;
      result.paymentCents += r.paymentCents;
    } else result.skipped++;
  }
  return result;
}

/**
 * One remittance, chunk by chunk: the first chunk also records the remittance and the last marks it
 * imported, so a small remittance is one transaction. False when it was imported before.
 */
async function importOne(db: TenantDb, r: Remittance835, fileName?: string): Promise<boolean> {
  const record = await remittanceRepo.get(db, r.payer.id, r.traceNumber);
  if (record?.status === 'imported') return false;
  const done = record ? await remittanceRepo.chunksDone(db, r.payer.id, r.traceNumber) : new Set<number>();
  const chunks = Math.max(1, Math.ceil(r.claims.length / CLAIMS_PER_CHUNK));
  const fees = await payerRepo.lookup(db, r.payer.id);
  for (let n = 0; n < chunks; n++) {
    if (done.has(n)) continue;
    await importChunk(db, r, n, { create: !record && n === 0, finish: n === chunks - 1, fileName, fees });
  }
  return true;
}

async function importChunk(
  db: TenantDb,
  r: Remittance835,
  n: number,
  step: { create: boolean; finish: boolean; fileName?: string; fees?: FeeLookup },
): Promise<void> {
  const payments = r.claims.slice(n * CLAIMS_PER_CHUNK, (n + 1) * CLAIMS_PER_CHUNK);
  const working = new Map<string, StoredClaim>(
    await claimsRepo.getMany(
      db,
      payments.map((p) => p.claimId),
    ),
  );
  const deltas: LedgerDelta[] = [];
  const ops: WriteOp[] = [];
  const ctx = { traceNumber: r.traceNumber, paymentDate: r.paymentDate, payer: r.payer, fees: step.fees };
  const now = db.now().toISOString();
  payments.forEach((p, i) => {
    const applied = applyClaimPayment(working.get(p.claimId), p, ctx, now);
    working.set(p.claimId, applied.claim);
    deltas.push(...applied.deltas);
    ops.push(claimPaymentOp(db, paymentRecord(p, r), n * CLAIMS_PER_CHUNK + i));
  });
  const touched = new Set(payments.map((p) => p.claimId));
  for (const c of working.values()) if (touched.has(c.id)) ops.push(claimWriteOp(db, c));
  ops.push(
    ...ledgerOps(db, deltas),
    remittanceRepo.chunkMarkerOp(db, r, n),
    ...directoryOps(db, [r.payer], payments),
  );
  if (step.create)
    ops.push(remittanceRepo.createOp(db, r, step.finish ? 'imported' : 'importing', step.fileName));
  else if (step.finish) ops.push(remittanceRepo.finishOp(db, r));
  const span = payments.length
    ? ` claims ${n * CLAIMS_PER_CHUNK + 1}–${n * CLAIMS_PER_CHUNK + payments.length} of ${r.claims.length}`
    : '';
  await db.write(ops, {
    action: 'billing.remittance_imported',
    entityType: 'remittance',
    entityId: `${r.payer.id}#${r.traceNumber}`,
    entityName: `${r.payer.name} ${r.traceNumber}`,
    summary: `Imported${span} from ${r.payer.name}'s remittance ${r.traceNumber}`,
  });
}

function paymentRecord(p: ClaimPayment, r: Remittance835): StoredClaimPayment {
  return {
    claimId: p.claimId,
    traceNumber: r.traceNumber,
    paymentDate: r.paymentDate,
    statusCode: p.statusCode,
    chargeCents: p.chargeCents,
    paidCents: p.paidCents,
    patientResponsibilityCents: p.patientResponsibilityCents,
    ...(p.payerClaimNumber ? { payerClaimNumber: p.payerClaimNumber } : {}),
    adjustments: [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)],
    remarks: [...p.remarks, ...p.lines.flatMap((l) => l.remarks)],
  };
}
