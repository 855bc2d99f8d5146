import { billingMetrics } from '../billing/billing-metrics.ts';
import { raiseTimelyFilingChecks } from '../billing/timely-filing.service.ts';
import { hrMetrics } from '../hr/hr-metrics.ts';
import { rollupAllAssociations } from '../platform/benchmarks/rollup.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import { runDueAlerts } from '../platform/due/due-runner.ts';
import { type DeliveryResult, deliverOutboxMessage, retryQueuedMail } from '../platform/mail/delivery.ts';
import { snapshotCompletedMonths } from '../platform/metric-snapshots/metric-snapshots.ts';
import type { Platform } from '../platform/platform.ts';
import { raiseEligibilityChecks } from '../scheduling/eligibility-check.service.ts';
import { schedulingMetrics } from '../scheduling/measures.service.ts';
import { sendDueReminders } from '../scheduling/reminders.service.ts';
import { sendMorningDigests } from '../today/digest.service.ts';
import { closeLeaversLogins } from './offboarding-logins.ts';
import type { ScheduledJobName } from './schedules.ts';

/** The modules that declare metrics: the monthly snapshot job computes each one's months. */
export const METRIC_MODULES = [schedulingMetrics, billingMetrics, hrMetrics];

type JobDeps = Pick<Platform, 'store' | 'mail' | 'clock' | 'logger'>;

/** The body of each scheduled job: the local timers and the EventBridge-triggered Lambda both call these. */
export const SCHEDULED_JOB_BODIES: Record<
  ScheduledJobName,
  (p: Platform) => Promise<Record<string, number>>
> = {
  'mail-retry': (p) => retryQueuedMail(p),
  'appointment-reminders': (p) => sendDueReminders(p),
  'due-alerts': async (p) => ({ ...(await runDueAlerts(p)) }),
  'today-digest': async (p) => ({ ...(await sendMorningDigests(p)) }),
  'eligibility-check': (p) => raiseEligibilityChecks(p),
  'timely-filing-check': (p) => raiseTimelyFilingChecks(p),
  'metric-snapshots': (p) => snapshotCompletedMonths(p, METRIC_MODULES),
  'offboarding-logins': (p) => closeLeaversLogins(p),
  'benchmark-rollup': (p) => rollupAllAssociations(p),
};

/** A row change the Streams consumer reacts to: keys plus the new image's type. */
export interface ChangedItem {
  PK: string;
  SK: string;
  type?: string;
}

/** Runs the follow-up job for one committed change; unknown item types are ignored. */
export async function onItemInserted(p: JobDeps, item: ChangedItem): Promise<DeliveryResult | 'ignored'> {
  if (item.type !== 'outbox') return 'ignored';
  const ref = tenantKeys.parseOutbox(item);
  return ref ? deliverOutboxMessage(p, ref) : 'ignored';
}
