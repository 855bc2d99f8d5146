/**
 * Importing 837P claim batches: each claim becomes known (charges in its month of service) and
 * submitted (billing lag). A claim already submitted is left as it is, so a batch imported twice
 * changes nothing; a claim first seen on a remittance gets its submission date. A claim's location
 * is the Rounds location named like its service facility (NM1*77).
 * Cross-domain read: `listLocations` (tenants/settings.service.ts, through aging.service.ts).
 */
import type { ClaimBatchPreview, ClaimBatchResult, X12Upload } from '../../shared/schemas/billing.ts';
import { parse837P } from '../../shared/x12/claim-837p.ts';
import type { Claim837, Parsed837 } from '../../shared/x12/x12-types.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { validationFailed } from '../platform/errors.ts';
import { locationNames } from './aging.service.ts';
import { applySubmission, type LedgerDelta, type StoredClaim } from './claim-effects.ts';
import { claimsRepo, claimWriteOp } from './claims.repo.ts';
import { ledgerOps } from './ledger.repo.ts';
import { directoryOps } from './remittance.repo.ts';
import { payerKey } from './remittances.service.ts';

/**
 * Finds the Rounds location a name designates (case, spacing and punctuation ignored): an 837's
 * service facility, a CSV's location column.
 */
export async function locationMatcher(
  db: TenantDb,
): Promise<(name: string | undefined) => { locationId?: string }> {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const byName = new Map((await locationNames(db)).map((l) => [norm(l.name), l.id]));
  return (name) => {
    const id = name && byName.get(norm(name));
    return id ? { locationId: id } : {};
  };
}

/**
 * Claims per transaction: at worst a claim, three ledger items (service and submission months, A/R)
 * and its payer and provider in the directory each (6 × 15 = 90), with the audit record's two.
 */
const CLAIMS_PER_CHUNK = 15;

function parseOrRefuse(text: string): Parsed837 {
  const parsed = parse837P(text);
  if (parsed.problems.length) {
    throw validationFailed(
      parsed.problems.slice(0, 50).map((p) => ({ path: `segment ${p.segment}`, message: p.message })),
      `The file has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}; nothing was imported`,
    );
  }
  if (!parsed.claims.length)
    throw validationFailed([{ path: 'text', message: 'The file holds no 837P claim (CLM)' }]);
  return parsed;
}

const normalized = (c: Claim837): Claim837 => ({ ...c, payer: { ...c.payer, id: payerKey(c.payer.id) } });

/** What the batch holds and how much of it is new; writes nothing. */
export async function previewClaimBatch(db: TenantDb, upload: X12Upload): Promise<ClaimBatchPreview> {
  const parsed = parse837P(upload.text);
  const claims = parsed.problems.length ? [] : parsed.claims;
  const known = await claimsRepo.getMany(
    db,
    claims.map((c) => c.claimId),
  );
  return {
    problems: parsed.problems.slice(0, 200),
    claims: claims.length,
    chargeCents: claims.reduce((s, c) => s + c.chargeCents, 0),
    newClaims: claims.filter((c) => !known.has(c.claimId)).length,
    alreadySubmitted: claims.filter((c) => known.get(c.claimId)?.submittedDate).length,
    payers: [...new Set(claims.map((c) => c.payer.name))].sort(),
  };
}

/** Imports the batch's claims not submitted before. */
export async function importClaimBatch(db: TenantDb, upload: X12Upload): Promise<ClaimBatchResult> {
  const claims = parseOrRefuse(upload.text).claims.map(normalized);
  const locate = await locationMatcher(db);
  const locationOf = (c: Claim837) => locate(c.facility?.name);
  const result: ClaimBatchResult = { imported: 0, skipped: 0, chargeCents: 0 };
  for (let i = 0; i < claims.length; i += CLAIMS_PER_CHUNK) {
    const chunk = claims.slice(i, i + CLAIMS_PER_CHUNK);
    const known = await claimsRepo.getMany(
      db,
      chunk.map((c) => c.claimId),
    );
    const working = new Map<string, StoredClaim>(known);
    const changed = new Set<string>();
    const deltas: LedgerDelta[] = [];
    for (const sub of chunk) {
      const before = working.get(sub.claimId);
      if (before?.submittedDate) {
        result.skipped++;
        continue;
      }
      const applied = applySubmission(before, { ...sub, ...locationOf(sub) }, db.now().toISOString());
      working.set(sub.claimId, applied.claim);
      changed.add(sub.claimId);
      deltas.push(...applied.deltas);
      result.imported++;
      result.chargeCents += sub.chargeCents;
    }
    if (!changed.size) continue;
    const submitted = chunk.filter((c) => changed.has(c.claimId));
    const ops: WriteOp[] = [
      ...[...changed].map((id) => claimWriteOp(db, working.get(id)!)),
      ...ledgerOps(db, deltas),
      ...directoryOps(
        db,
        submitted.map((c) => c.payer),
        submitted.map((c) => ({ renderingProvider: c.renderingProvider ?? c.billingProvider })),
      ),
    ];
    await db.write(ops, {
      action: 'billing.claims_imported',
      entityType: 'claim',
      entityId: chunk[0]!.claimId,
      summary: `Imported ${changed.size} submitted claim${changed.size === 1 ? '' : 's'}${upload.fileName ? ` from ${upload.fileName}` : ''}`,
    });
  }
  return result;
}
