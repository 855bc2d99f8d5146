/**
 * Billing typed in by a small practice without a billing system's exports: a claim with its lines,
 * and a patient's payment on a claim. Both go through the same claim and ledger math as the 837,
 * 835 and CSV imports (claim-effects.ts, claim-entry-effects.ts).
 * Cross-domain read: `listLocations` (tenants/settings.service.ts, through aging.service.ts).
 */
import type { ClaimDto } from '../../shared/schemas/billing.ts';
import type { ClaimEntry, PatientPayment } from '../../shared/schemas/billing-entry.ts';
import { dollars } from '../../shared/x12/x12-segments.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { locationNames } from './aging.service.ts';
import { applySubmission } from './claim-effects.ts';
import {
  applyPatientPayment,
  type EnteredClaim,
  patientPaymentProblem,
  submissionOf,
} from './claim-entry-effects.ts';
import { type ClaimItem, claimsRepo, claimWriteOp } from './claims.repo.ts';
import { toClaimDto } from './claims.service.ts';
import { ledgerOps } from './ledger.repo.ts';
import { directoryOps } from './remittance.repo.ts';

async function loadClaim(db: TenantDb, id: string): Promise<ClaimItem> {
  const claim = await claimsRepo.get(db, id);
  if (!claim) throw notFound('Claim');
  return claim;
}

/** Creates a claim typed in by hand: its charges count in its month of service, owed by the payer. */
export async function createClaim(db: TenantDb, entry: ClaimEntry): Promise<ClaimDto> {
  if (await claimsRepo.get(db, entry.claimId))
    throw conflict(`Claim ${entry.claimId} is already in Rounds: open it from the claims list`);
  if (entry.locationId && !(await locationNames(db)).some((l) => l.id === entry.locationId))
    throw validationFailed([{ path: 'locationId', message: 'Choose one of the practice’s locations' }]);
  const { lines, ...header } = entry;
  const applied = applySubmission(undefined, submissionOf(header, lines), db.now().toISOString());
  const claim: EnteredClaim = { ...applied.claim, entry: 'manual' };
  const providers = claim.provider ? [{ renderingProvider: claim.provider }] : [];
  await db.write(
    [
      claimWriteOp(db, claim),
      ...ledgerOps(db, applied.deltas),
      ...directoryOps(db, [claim.payer], providers),
    ],
    {
      action: 'billing.claim_entered',
      entityType: 'claim',
      entityId: claim.id,
      entityName: `Claim ${claim.id}`,
      summary: `Entered claim ${claim.id} for ${dollars(claim.chargeCents)} (${claim.payer.name})`,
    },
  );
  return toClaimDto(await loadClaim(db, claim.id));
}

/** Records money the patient paid toward their share of the claim; never more than they owe. */
export async function recordPatientPayment(
  db: TenantDb,
  id: string,
  input: PatientPayment,
): Promise<ClaimDto> {
  const claim = await loadClaim(db, id);
  if (claim.version !== input.version) throw staleVersion();
  const problem = patientPaymentProblem(claim, input.amountCents);
  if (problem) throw badRequest(problem);
  const applied = applyPatientPayment(claim, input, db.actor.name);
  await db.write([claimWriteOp(db, applied.claim), ...ledgerOps(db, applied.deltas)], {
    action: 'billing.patient_payment_recorded',
    entityType: 'claim',
    entityId: id,
    entityName: `Claim ${id}`,
    summary: `Recorded a ${dollars(input.amountCents)} patient payment (${input.method}) on claim ${id}`,
  });
  return toClaimDto(await loadClaim(db, id));
}
