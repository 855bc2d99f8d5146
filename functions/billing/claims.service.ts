/**
 * Claims: the list a biller works, one claim's timeline, and the work on it (assignment with a
 * follow-up date that lands in the assignee's Today, follow-ups, appeals and write-offs).
 * Cross-domain reads: `getActiveMember` (tenants/members.service.ts), to assign a claim to someone;
 * `getTenant` (tenants/settings.service.ts), for the practice's today against the filing limit.
 */
import { carcText, isPreventable, rarcText } from '../../shared/billing/adjustment-codes.ts';
import { filingRisks } from '../../shared/billing/timely-filing.ts';
import type {
  ClaimAssign,
  ClaimDetail,
  ClaimDto,
  ClaimFollowUp,
  ClaimListQuery,
} from '../../shared/schemas/billing.ts';
import { FOLLOW_UP_LABELS } from '../../shared/schemas/billing.ts';
import type { Page } from '../../shared/schemas/common.ts';
import { localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, notFound, staleVersion } from '../platform/errors.ts';
import { closeIfOpenOps, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';
import { getActiveMember } from '../tenants/members.service.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { cancelAppealDeadline } from './appeal-deadlines.ts';
import {
  claimStatusText,
  insuranceBalance,
  type LedgerDelta,
  patientBalance,
  type StoredClaim,
} from './claim-effects.ts';
import { type ClaimItem, claimsRepo, claimWriteOp } from './claims.repo.ts';
import { claimCredentialingIssue, credentialingIssues, type PairIssue } from './credentialing.service.ts';
import { ledgerOps } from './ledger.repo.ts';
import { payerRepo } from './payers.repo.ts';
import { DEFAULT_TIMELY_FILING_DAYS } from './payers.service.ts';

const reasonsOf = (c: StoredClaim) => (c.lastAdjudication?.denied ? c.lastAdjudication.reasons : []);

/** A stored claim as the API lists it. */
export function toClaimDto(c: ClaimItem): ClaimDto {
  const reasons = reasonsOf(c);
  return {
    id: c.id,
    patientName: [c.patient.lastName, c.patient.firstName].filter(Boolean).join(', '),
    payerId: c.payer.id,
    payerName: c.payer.name,
    ...(c.provider
      ? { providerNpi: c.provider.npi, ...(c.provider.name ? { providerName: c.provider.name } : {}) }
      : {}),
    ...(c.locationId ? { locationId: c.locationId } : {}),
    serviceDate: c.serviceDate,
    ...(c.submittedDate ? { submittedDate: c.submittedDate } : {}),
    chargeCents: c.chargeCents,
    paidCents: c.paidCents,
    adjustedCents: c.contractualCents + c.otherAdjustmentsCents + c.writeOffCents,
    insuranceBalanceCents: insuranceBalance(c),
    patientBalanceCents: patientBalance(c),
    state: c.state,
    denialReasons: reasons,
    preventable: reasons.some(isPreventable),
    ...(c.assignee ? { assignee: c.assignee } : {}),
    ...(c.followUpDate ? { followUpDate: c.followUpDate } : {}),
    ...(c.underpaidCents ? { underpaidCents: c.underpaidCents } : {}),
    lastActivityAt: c.lastActivityAt,
    version: c.version,
  };
}

export async function listClaims(db: TenantDb, q: ClaimListQuery, limit: number): Promise<Page<ClaimDto>> {
  const [page, issues] = await Promise.all([claimsRepo.list(db, q, limit), credentialingIssues(db)]);
  // Claims carry patient names and member ids: a list that showed any is a read of patient data.
  if (page.items.length) {
    await db.appendAudit({
      action: 'billing.claims_listed',
      entityType: 'claim',
      entityId: page.items[0]!.id,
      summary: `Listed ${page.items.length} claim${page.items.length === 1 ? '' : 's'}`,
    });
  }
  return { items: page.items.map((c) => flagged(toClaimDto(c), issues)), nextCursor: page.nextCursor };
}

/** The claim with its credentialing issue, when its provider was not in network with its payer. */
function flagged(dto: ClaimDto, issues: Map<string, PairIssue>): ClaimDto {
  const credentialingIssue = claimCredentialingIssue(issues, dto);
  return credentialingIssue ? { ...dto, credentialingIssue } : dto;
}

async function loadClaim(db: TenantDb, id: string): Promise<ClaimItem> {
  const claim = await claimsRepo.get(db, id);
  if (!claim) throw notFound('Claim');
  return claim;
}

/** One claim: its lines, every remittance's part in words, and its timeline. */
export async function claimDetail(db: TenantDb, id: string): Promise<ClaimDetail> {
  const [claim, payments, issues] = await Promise.all([
    loadClaim(db, id),
    claimsRepo.payments(db, id),
    credentialingIssues(db),
  ]);
  const filing = await filingOf(db, claim);
  await db.appendAudit({
    action: 'billing.claim_viewed',
    entityType: 'claim',
    entityId: id,
    entityName: `Claim ${id}`,
    detail: [claim.patient.lastName, claim.patient.firstName].filter(Boolean).join(', '),
    summary: 'Viewed a claim',
  });
  return {
    claim: flagged(toClaimDto(claim), issues),
    patient: claim.patient,
    lines: claim.lines.map((l) => ({ ...l })),
    payments: payments.map((p) => ({
      traceNumber: p.traceNumber,
      paymentDate: p.paymentDate,
      statusCode: p.statusCode,
      statusText: claimStatusText(p.statusCode),
      chargeCents: p.chargeCents,
      paidCents: p.paidCents,
      patientResponsibilityCents: p.patientResponsibilityCents,
      ...(p.payerClaimNumber ? { payerClaimNumber: p.payerClaimNumber } : {}),
      adjustments: p.adjustments.map((a) => ({
        group: a.group,
        reason: a.reason,
        amountCents: a.amountCents,
        reasonText: carcText(a.reason),
      })),
      remarks: p.remarks.map((code) => ({ code, text: rarcText(code) })),
    })),
    events: [...claim.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    ...(filing ? { filing } : {}),
  };
}

/** The payer's timely-filing limit while it still threatens the claim (unpaid, not appealed). */
async function filingOf(db: TenantDb, claim: ClaimItem): Promise<ClaimDetail['filing']> {
  const days = (await payerRepo.settings(db, claim.payer.id))?.timelyFilingDays ?? DEFAULT_TIMELY_FILING_DAYS;
  const today = localParts(db.now().getTime(), (await getTenant(db)).timeZone).date;
  const [risk] = filingRisks([claim], () => days, today, Number.POSITIVE_INFINITY);
  return risk && { deadline: risk.deadline, days, daysLeft: risk.daysLeft };
}

const followUpItemId = (claimId: string) => todayItemId('billing', 'follow_up', claimId);

function followUpItem(
  c: StoredClaim,
  assignee: { userId: string; name: string },
  dueDate: string,
  note?: string,
) {
  const reasons = reasonsOf(c);
  return {
    source: 'billing' as const,
    kind: 'follow_up',
    ref: c.id,
    title: `Follow up claim ${c.id} (${c.payer.name})`,
    detail: [
      `${[c.patient.lastName, c.patient.firstName].filter(Boolean).join(', ')}, seen ${c.serviceDate}.`,
      reasons.length ? `Denied: ${reasons.map((r) => `${r} ${carcText(r)}`).join('; ')}.` : '',
      note ?? '',
    ]
      .filter(Boolean)
      .join(' '),
    link: `/app/billing/claims/${encodeURIComponent(c.id)}`,
    assignee,
    dueDate,
    remindFrom: dueDate,
    priority: reasons.length ? ('high' as const) : ('normal' as const),
  };
}

/** Gives the claim to a person with a follow-up date: a Today item for them, due that day. */
export async function assignClaim(db: TenantDb, id: string, input: ClaimAssign): Promise<ClaimDto> {
  const claim = await loadClaim(db, id);
  if (claim.version !== input.version) throw staleVersion();
  if (claim.state === 'closed')
    throw conflict('This claim is paid and closed; there is nothing to follow up');
  const member = await getActiveMember(db, input.assigneeId);
  const assignee = { id: member.id, name: member.name };
  const next: StoredClaim = {
    ...claim,
    assignee,
    followUpDate: input.followUpDate,
    events: [...claim.events],
  };
  next.events.push({
    at: db.now().toISOString(),
    kind: 'assigned',
    summary: `Assigned to ${member.name}, follow up by ${input.followUpDate}${input.note ? `: ${input.note}` : ''}`,
    by: db.actor.name,
  });
  await db.write(
    [
      claimWriteOp(db, next),
      raiseTodayItemOp(
        db,
        followUpItem(next, { userId: member.id, name: member.name }, input.followUpDate, input.note),
        db.now(),
      ),
    ],
    {
      action: 'billing.claim_assigned',
      entityType: 'claim',
      entityId: id,
      entityName: `Claim ${id}`,
      detail: member.name,
      summary: `Assigned claim ${id} to ${member.name}, follow up by ${input.followUpDate}`,
    },
  );
  return toClaimDto({ ...(await loadClaim(db, id)) });
}

/** Records work on a claim: a note, an appeal and its outcome, or a write-off; moves or closes the follow-up. */
export async function recordFollowUp(db: TenantDb, id: string, input: ClaimFollowUp): Promise<ClaimDto> {
  const claim = await loadClaim(db, id);
  if (claim.version !== input.version) throw staleVersion();
  const next: StoredClaim = { ...claim, events: [...claim.events] };
  const deltas: LedgerDelta[] = [];
  const at = db.now().toISOString();
  if (input.action === 'appealed') {
    if (!claim.lastAdjudication?.denied) throw badRequest('Only a denied claim can be appealed');
    next.appealed = true;
  }
  if (input.action === 'appeal_lost' || input.action === 'appeal_won') next.appealed = false;
  const owed = insuranceBalance(next);
  if (input.action === 'written_off') deltas.push(...writeOff(next, at));
  next.events.push({
    at,
    ...(input.action === 'written_off' ? { amountCents: owed } : {}),
    kind:
      input.action === 'note'
        ? 'follow_up'
        : input.action === 'written_off'
          ? 'written_off'
          : input.action.startsWith('appeal_')
            ? 'appeal_outcome'
            : 'appealed',
    summary: `${FOLLOW_UP_LABELS[input.action]}: ${input.note}`,
    by: db.actor.name,
  });
  // An appeal sent or a write-off meets the appeal deadline: its alerts stop.
  const deadlineMet = (input.action === 'appealed' || input.action === 'written_off') && next.appealDue;
  const deadline = deadlineMet ? await cancelAppealDeadline(db, id) : { ops: [], platformOps: [] };
  if (deadlineMet) next.appealDue = undefined;
  const nextDate = input.action !== 'written_off' && next.assignee ? input.nextFollowUpDate : undefined;
  next.followUpDate = nextDate;
  const followUp =
    nextDate && next.assignee
      ? [
          raiseTodayItemOp(
            db,
            followUpItem(next, { userId: next.assignee.id, name: next.assignee.name }, nextDate, input.note),
            db.now(),
          ),
        ]
      : await closeIfOpenOps(db, [followUpItemId(id)]);
  await db.writeWithPlatformItems(
    [claimWriteOp(db, next), ...ledgerOps(db, deltas), ...followUp, ...deadline.ops],
    deadline.platformOps,
    {
      action: `billing.claim_${input.action === 'note' ? 'worked' : input.action}`,
      entityType: 'claim',
      entityId: id,
      entityName: `Claim ${id}`,
      summary: `${FOLLOW_UP_LABELS[input.action]} on claim ${id}`,
    },
  );
  return toClaimDto(await loadClaim(db, id));
}

/** Writes off what the payer still owes (a lost denial, a balance too small to chase). */
function writeOff(c: StoredClaim, at: string): LedgerDelta[] {
  const cents = insuranceBalance(c);
  if (cents <= 0) throw conflict('Nothing is owed by the payer on this claim');
  c.writeOffCents += cents;
  c.appealed = false;
  const dims = { payer: c.payer.id, provider: c.provider?.npi ?? '-', location: c.locationId ?? '-' };
  const month = at.slice(0, 7);
  return [
    { kind: 'month', month, ...dims, field: 'writeOffsCents', cents },
    { kind: 'reduced', month, payer: c.payer.id, serviceMonth: c.serviceDate.slice(0, 7), cents },
    { kind: 'ar', serviceDate: c.serviceDate, ...dims, owner: 'insurance', cents: -cents },
  ];
}
