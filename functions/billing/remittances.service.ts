/**
 * Importing 835 remittances. A file with any problem is refused whole, naming each segment; a
 * good one is written in chunks of claims, each chunk one transaction with its ledger totals and
 * a marker, so an interrupted import resumes where it stopped and a repeated one changes nothing.
 * A new denial gets its appeal deadline on the due queue. Cross-domain read: `getTenant`
 * (tenants/settings.service.ts), for the practice's time zone (today, and when alerts go out).
 */
import type { RemittanceImportResult, RemittancePreview, X12Upload } from '../../shared/schemas/billing.ts';
import { localParts } from '../../shared/time.ts';
import { parse835 } from '../../shared/x12/remittance-835.ts';
import type { ClaimPayment, Parsed835, Remittance835 } from '../../shared/x12/x12-types.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { mergeQueueMarkers } from '../platform/due/due-dates.ts';
import { validationFailed } from '../platform/errors.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { APPEAL_CANCEL_ITEMS, APPEAL_PLAN_ITEMS, appealDeadlineOps } from './appeal-deadlines.ts';
import type { LedgerDelta, StoredClaim } from './claim-effects.ts';
import { applyClaimPayment, isDenial } from './claim-payment-effects.ts';
import { claimPaymentOp, claimsRepo, claimWriteOp, type StoredClaimPayment } from './claims.repo.ts';
import type { FeeLookup } from './contract-pricing.ts';
import { ledgerOps } from './ledger.repo.ts';
import { payerRepo } from './payers.repo.ts';
import { DEFAULT_APPEAL_DAYS } from './payers.service.ts';
import { directoryOps, remittanceRepo } from './remittance.repo.ts';

/**
 * Items a chunk's claims may bring: the transaction holds 100, and every chunk also writes the
 * posting month's ledger item, its marker, the remittance, its payer and the audit record's two.
 */
const CHUNK_ITEMS = 94;

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
  const { timeZone } = await getTenant(db);
  const rules = { timeZone, today: localParts(db.now().getTime(), timeZone).date };
  for (const raw of parsed.remittances) {
    const r = normalized(raw);
    const done = await importOne(db, r, rules, upload.fileName);
    if (done) {
      result.imported++;
      result.claims += r.claims.length;
      result.paymentCents += r.paymentCents;
    } else result.skipped++;
  }
  return result;
}

/** The payer's appeal window and the practice's today, for the denials a remittance brings. */
interface AppealRules {
  appealDays: number;
  timeZone: string;
  today: string;
}

/**
 * Where each chunk of a remittance starts. A claim payment costs at most its claim, its payment,
 * two ledger items and its provider's directory entry, plus an appeal deadline's items when it is
 * a denial or cancels one; chunks fill up to the transaction's limit. Worked out once, before the
 * first chunk, and stored with the remittance: a resumed import keeps the same chunks.
 */
export function chunkStarts(
  claims: readonly ClaimPayment[],
  known: ReadonlyMap<string, StoredClaim>,
): number[] {
  const starts = [0];
  let used = 0;
  claims.forEach((p, i) => {
    const denial = isDenial(p);
    const cost =
      5 +
      (denial ? APPEAL_PLAN_ITEMS : 0) +
      (!denial && known.get(p.claimId)?.appealDue ? APPEAL_CANCEL_ITEMS : 0);
    if (used + cost > CHUNK_ITEMS && i > 0) {
      starts.push(i);
      used = 0;
    }
    used += cost;
  });
  return starts;
}

/**
 * One remittance, chunk by chunk: the first chunk also records the remittance and the last marks it
 * imported, so a small remittance is one transaction. False when it was imported before.
 */
async function importOne(
  db: TenantDb,
  r: Remittance835,
  rules: Omit<AppealRules, 'appealDays'>,
  fileName?: string,
): Promise<boolean> {
  const record = await remittanceRepo.get(db, r.payer.id, r.traceNumber);
  if (record?.status === 'imported') return false;
  const done = record ? await remittanceRepo.chunksDone(db, r.payer.id, r.traceNumber) : new Set<number>();
  const [fees, settings] = await Promise.all([
    payerRepo.lookup(db, r.payer.id),
    payerRepo.settings(db, r.payer.id),
  ]);
  const starts =
    record?.chunkStarts ??
    chunkStarts(
      r.claims,
      await claimsRepo.getMany(
        db,
        r.claims.map((c) => c.claimId),
      ),
    );
  const appeal = { ...rules, appealDays: settings?.appealDays ?? DEFAULT_APPEAL_DAYS };
  for (let n = 0; n < starts.length; n++) {
    if (done.has(n)) continue;
    const span = { n, from: starts[n]!, to: starts[n + 1] ?? r.claims.length };
    await importChunk(db, r, span, {
      create: !record && n === 0,
      finish: n === starts.length - 1,
      fileName,
      fees,
      appeal,
      starts,
    });
  }
  return true;
}

async function importChunk(
  db: TenantDb,
  r: Remittance835,
  span: { n: number; from: number; to: number },
  step: {
    create: boolean;
    finish: boolean;
    fileName?: string;
    fees?: FeeLookup;
    appeal: AppealRules;
    starts: number[];
  },
): Promise<void> {
  const payments = r.claims.slice(span.from, span.to);
  const before = await claimsRepo.getMany(
    db,
    payments.map((p) => p.claimId),
  );
  const working = new Map<string, StoredClaim>(before);
  const deltas: LedgerDelta[] = [];
  const ops: WriteOp[] = [];
  const platformOps: WriteOp[] = [];
  const ctx = { traceNumber: r.traceNumber, paymentDate: r.paymentDate, payer: r.payer, fees: step.fees };
  const now = db.now().toISOString();
  payments.forEach((p, i) => {
    const applied = applyClaimPayment(working.get(p.claimId), p, ctx, now);
    working.set(p.claimId, applied.claim);
    deltas.push(...applied.deltas);
    ops.push(claimPaymentOp(db, paymentRecord(p, r), span.from + i));
  });
  for (const id of new Set(payments.map((p) => p.claimId))) {
    const claim = working.get(id)!;
    const deadline = await appealDeadlineOps(db, before.get(id), claim, step.appeal);
    ops.push(claimWriteOp(db, claim), ...deadline.ops);
    platformOps.push(...deadline.platformOps);
  }
  ops.push(
    ...ledgerOps(db, deltas),
    remittanceRepo.chunkMarkerOp(db, r, span.n),
    ...directoryOps(db, [r.payer], payments),
  );
  if (step.create)
    ops.push(
      remittanceRepo.createOp(db, r, step.finish ? 'imported' : 'importing', step.starts, step.fileName),
    );
  else if (step.finish) ops.push(remittanceRepo.finishOp(db, r));
  const claims = payments.length ? ` claims ${span.from + 1}–${span.to} of ${r.claims.length}` : '';
  await db.writeWithPlatformItems(ops, mergeQueueMarkers(platformOps), {
    action: 'billing.remittance_imported',
    entityType: 'remittance',
    entityId: `${r.payer.id}#${r.traceNumber}`,
    entityName: `${r.payer.name} ${r.traceNumber}`,
    summary: `Imported${claims} from ${r.payer.name}'s remittance ${r.traceNumber}`,
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
