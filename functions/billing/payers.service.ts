/**
 * Payers: each payer's filing windows and contract (with a due-date alert for its notice
 * deadline), its fee schedule, and a scorecard of how it paid over the last 12 months, from the
 * ledger. Cross-domain read: `getTenant` (tenants/settings.service.ts), for the practice's time
 * zone (this month, and when alerts go out).
 */
import { breakdown, denialRate, ratio, trailingMonths } from '../../shared/billing/kpis.ts';
import { DEFAULT_NOTICE_DAYS, type Payer, type PayerUpdate } from '../../shared/schemas/billing-payers.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { cancelDueDateOps, loadDueThing, planDueDateOps } from '../platform/due/due-dates.ts';
import { notFound, staleVersion } from '../platform/errors.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { readLedger } from './ledger.repo.ts';
import { payerRepo, type StoredPayerSettings } from './payers.repo.ts';
import { billingDirectory } from './remittance.repo.ts';

/** Common windows when a practice has not set its own: 60 days to appeal, 90 to file. */
export const DEFAULT_APPEAL_DAYS = 60;
export const DEFAULT_TIMELY_FILING_DAYS = 90;
const NOTICE_ALERT_DAYS = [60, 30, 14, 0] as const;

const defaults = (payerId: string, now: string): StoredPayerSettings => ({
  payerId,
  appealDays: DEFAULT_APPEAL_DAYS,
  timelyFilingDays: DEFAULT_TIMELY_FILING_DAYS,
  version: 0,
  updatedAt: now,
});

/** Every payer seen on claims with its rules, contract and 12-month scorecard (one ledger Query). */
export async function listPayers(db: TenantDb): Promise<Payer[]> {
  const tenant = await getTenant(db);
  const month = localParts(db.now().getTime(), tenant.timeZone).date.slice(0, 7);
  const months = trailingMonths(month, 12);
  const [directory, ledger] = await Promise.all([billingDirectory(db), readLedger(db, months[0]!, month)]);
  const rows = new Map(breakdown(ledger, months, 'payer').map((r) => [r.key, r.totals]));
  return Promise.all(
    directory.payers.map(async (p) => {
      const [settings, fees] = await Promise.all([payerRepo.settings(db, p.id), payerRepo.fees(db, p.id, 1)]);
      return toPayer(p, settings ?? defaults(p.id, ''), fees.items.length > 0, rows.get(p.id));
    }),
  );
}

function toPayer(
  p: { id: string; name: string },
  s: StoredPayerSettings,
  hasFeeSchedule: boolean,
  t: ReturnType<typeof breakdown>[number]['totals'] | undefined,
): Payer {
  return {
    id: p.id,
    name: p.name,
    appealDays: s.appealDays,
    timelyFilingDays: s.timelyFilingDays,
    ...(s.contract ? { contract: s.contract } : {}),
    hasFeeSchedule,
    version: s.version,
    scorecard: {
      chargesCents: t?.chargesCents ?? 0,
      paymentsCents: (t?.paymentsCents ?? 0) + (t?.patientPaymentsCents ?? 0),
      paymentLagDays: t ? ratio(t.paymentLagDays, t.paidClaims) : null,
      denialRate: t ? denialRate(t) : null,
      firstAdjudicated: t?.firstAdjudicated ?? 0,
      underpaymentRate: t ? ratio(t.underpaidLines, t.pricedLines) : null,
      pricedLines: t?.pricedLines ?? 0,
      underpaidCents: t?.underpaidCents ?? 0,
      percentOfExpected: t ? ratio(t.allowedCents, t.expectedCents) : null,
    },
  };
}

/** The contract's notice deadline as a dated thing: alerts before the day notice must be given. */
async function noticeOps(db: TenantDb, payer: { id: string; name: string }, s: StoredPayerSettings) {
  const existing = await loadDueThing(db, 'billing', 'contract_notice', payer.id);
  const renewal = s.contract?.renewalDate;
  if (!renewal) {
    return existing
      ? cancelDueDateOps(db, existing, { name: db.actor.name }, db.now())
      : { ops: [], platformOps: [] };
  }
  const tenant = await getTenant(db);
  return planDueDateOps(
    db,
    existing,
    {
      source: 'billing',
      kind: 'contract_notice',
      ref: payer.id,
      title: `Notice on the ${payer.name} contract (it renews ${renewal})`,
      verb: 'is due',
      link: '/app/billing/payers',
      owner: { role: 'manager' },
      dueDate: addDays(renewal, -(s.contract?.noticeDays ?? DEFAULT_NOTICE_DAYS)),
      timeZone: tenant.timeZone,
      offsets: NOTICE_ALERT_DAYS,
    },
    db.now(),
  );
}

/** One page of a payer's fee schedule; 404 for a payer not on the practice's claims. */
export async function payerFees(db: TenantDb, payerId: string, page: { limit: number; cursor?: string }) {
  const directory = await billingDirectory(db);
  if (!directory.payers.some((p) => p.id === payerId)) throw notFound('Payer');
  return payerRepo.fees(db, payerId, page.limit, page.cursor);
}

/** Saves a payer's windows and contract (versioned) and re-plans its notice alert in the same write. */
export async function updatePayer(db: TenantDb, payerId: string, input: PayerUpdate): Promise<Payer> {
  const directory = await billingDirectory(db);
  const payer = directory.payers.find((p) => p.id === payerId);
  if (!payer) throw notFound('Payer');
  const current = (await payerRepo.settings(db, payerId)) ?? defaults(payerId, '');
  if (current.version !== input.version) throw staleVersion();
  const next: StoredPayerSettings = {
    payerId,
    appealDays: input.appealDays,
    timelyFilingDays: input.timelyFilingDays,
    ...(input.contract ? { contract: input.contract } : {}),
    version: current.version,
    updatedAt: db.now().toISOString(),
  };
  const notice = await noticeOps(db, payer, next);
  const ops: WriteOp[] = [payerRepo.settingsOp(db, next), ...notice.ops];
  await db.writeWithPlatformItems(ops, notice.platformOps, {
    action: 'billing.payer_updated',
    entityType: 'payer',
    entityId: payerId,
    entityName: payer.name,
    summary: 'Updated the payer’s filing windows and contract',
  });
  return (await listPayers(db)).find((p) => p.id === payerId)!;
}
