/**
 * Time-off policies: Rounds' starting PTO and sick-leave policies until the practice saves its own,
 * each said in one sentence (shared/hr/accrual.ts); balances (time-off.service.ts) accrue by them.
 */
import { type TimeOffPolicy as AccrualPolicy, accrualRateText } from '../../shared/hr/accrual.ts';
import {
  TIME_OFF_KIND_LABELS,
  TIME_OFF_KINDS,
  type TimeOffKind,
  type TimeOffPolicy,
  type TimeOffPolicyInput,
} from '../../shared/schemas/hr-time-off.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';
import { type StoredPolicy, timeOffRepo } from './time-off.repo.ts';

/** Rounds' starting policies, until the practice saves its own (common US practice defaults). */
export const DEFAULT_POLICIES: Record<TimeOffKind, StoredPolicy> = {
  // 120 hours a year over 26 pay periods, of which 40 carry over; new hires wait 90 days.
  pto: {
    kind: 'pto',
    method: 'per_pay_period',
    hoursPerPeriod: 4.62,
    payPeriod: 'biweekly',
    payPeriodAnchor: '2026-01-09',
    yearlyCapHours: 120,
    carryoverCapHours: 40,
    waitingPeriodDays: 90,
    planYearStart: '01-01',
    version: 0,
  },
  // The most common state paid-sick-leave rule: 1 hour per 30 worked, 40 a year, 40 carry over.
  sick: {
    kind: 'sick',
    method: 'per_hour_worked',
    hoursWorkedPerHour: 30,
    yearlyCapHours: 40,
    carryoverCapHours: 40,
    waitingPeriodDays: 0,
    planYearStart: '01-01',
    version: 0,
  },
};

/** A stored policy as the accrual rules take it. */
export const toAccrual = (p: StoredPolicy): AccrualPolicy => ({
  kind: p.kind,
  method: p.method,
  ...(p.hoursWorkedPerHour ? { hoursPerHourWorked: 1 / p.hoursWorkedPerHour } : {}),
  ...(p.hoursPerPeriod !== undefined ? { hoursPerPeriod: p.hoursPerPeriod } : {}),
  ...(p.payPeriod ? { payPeriod: p.payPeriod } : {}),
  ...(p.payPeriodAnchor ? { payPeriodAnchor: p.payPeriodAnchor } : {}),
  ...(p.yearlyCapHours !== undefined ? { yearlyCapHours: p.yearlyCapHours } : {}),
  ...(p.balanceCapHours !== undefined ? { balanceCapHours: p.balanceCapHours } : {}),
  ...(p.carryoverCapHours !== undefined ? { carryoverCapHours: p.carryoverCapHours } : {}),
  waitingPeriodDays: p.waitingPeriodDays,
  planYearStart: p.planYearStart,
});

const withText = (p: StoredPolicy): TimeOffPolicy => ({ ...p, text: accrualRateText(toAccrual(p)) });

/** Each kind's policy: the practice's own where saved, else Rounds' starting one. */
export async function policiesByKind(db: TenantDb): Promise<Record<TimeOffKind, StoredPolicy>> {
  const stored = await timeOffRepo.policies(db);
  const byKind = { ...DEFAULT_POLICIES };
  for (const p of stored) byKind[p.kind] = p;
  return byKind;
}

/** Both policies, each in one sentence. */
export async function listPolicies(db: TenantDb): Promise<{ items: TimeOffPolicy[] }> {
  const byKind = await policiesByKind(db);
  return { items: TIME_OFF_KINDS.map((k) => withText(byKind[k])) };
}

/** Saves a policy at the version read (0: replacing Rounds' starting policy). */
export async function savePolicy(db: TenantDb, input: TimeOffPolicyInput): Promise<TimeOffPolicy> {
  const { version, kind, ...fields } = input;
  const current = (await policiesByKind(db))[kind];
  if (current.version !== version) throw staleVersion();
  const byMethod =
    fields.method === 'per_hour_worked'
      ? { ...fields, hoursPerPeriod: undefined, payPeriod: undefined, payPeriodAnchor: undefined }
      : { ...fields, hoursWorkedPerHour: undefined };
  const policy: StoredPolicy = { kind, ...byMethod, version };
  const clean = Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined)) as StoredPolicy;
  await db.write([timeOffRepo.policyOp(db, clean, version)], {
    action: 'hr.time_off_policy_saved',
    entityType: 'time_off_policy',
    entityId: kind,
    entityName: TIME_OFF_KIND_LABELS[kind],
    summary: `${TIME_OFF_KIND_LABELS[kind]} policy: ${accrualRateText(toAccrual(clean))}`,
  });
  return withText({ ...clean, version: version + 1 });
}
