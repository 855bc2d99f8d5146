/**
 * The metric registry: each metric is declared once, here, so the job that stores monthly
 * snapshots, the pages that show them and the benchmarks that roll them up all read the same
 * definition. A definition changes meaning only with a new `version`: benchmarks must not average
 * values measured two different ways.
 */

export type MetricUnit = 'percent' | 'count' | 'minutes' | 'days' | 'dollars';

export interface MetricDefinition {
  /** Stable, `<module>.<name>`: stored in every snapshot key. */
  id: string;
  label: string;
  /**
   * `percent` values are stored as a fraction from 0 to 1 and shown as a percentage; `dollars` values
   * are stored in dollars with 2 decimals (the ledger's cents ÷ 100).
   */
  unit: MetricUnit;
  /** What is counted and over what, in plain words a practice manager can check. */
  definition: string;
  /** Whose definition it is: an industry body (MGMA, HFMA) or "Rounds" when it is our own. */
  source: string;
  version: number;
  /** The module that computes it. */
  module: string;
  better: 'higher' | 'lower';
  /**
   * A total that adds up across practices (visits, dollars) rather than a rate: association
   * benchmarks then also apply the dominance rule (no practice above 25% of the cohort's sum).
   */
  additive?: boolean;
}

export const SCHEDULING_METRICS = [
  {
    id: 'scheduling.visits',
    label: 'Visits',
    unit: 'count',
    definition:
      'Appointments booked for dates in the month, including those later cancelled or missed. A rescheduled appointment counts once, on its new date.',
    source: 'Rounds',
    version: 1,
    module: 'scheduling',
    better: 'higher',
    additive: true,
  },
  {
    id: 'scheduling.no_show_rate',
    label: 'No-show rate',
    unit: 'percent',
    definition:
      'Appointments marked no-show divided by appointments that were still booked when their time came (cancelled ones excluded). Follows the MGMA no-show measure: missed visits out of scheduled visits.',
    source: 'MGMA',
    version: 1,
    module: 'scheduling',
    better: 'lower',
  },
  {
    id: 'scheduling.late_cancel_rate',
    label: 'Late-cancel rate',
    unit: 'percent',
    definition:
      "Appointments cancelled inside the practice's late-cancel window divided by all appointments booked for the month.",
    source: 'Rounds',
    version: 1,
    module: 'scheduling',
    better: 'lower',
  },
  {
    id: 'scheduling.utilization',
    label: 'Provider-time utilization',
    unit: 'percent',
    definition:
      "Minutes of booked, not cancelled visits divided by the providers' open template hours (minus exceptions) in the month. Empty before the location opened.",
    source: 'Rounds',
    version: 1,
    module: 'scheduling',
    better: 'higher',
  },
  {
    id: 'scheduling.new_patients',
    label: 'New patients',
    unit: 'count',
    definition:
      'Patient records created in the month, by hand or by import, across all locations of the practice.',
    source: 'Rounds',
    version: 1,
    module: 'scheduling',
    better: 'higher',
    additive: true,
  },
] as const satisfies readonly MetricDefinition[];

export type SchedulingMetricId = (typeof SCHEDULING_METRICS)[number]['id'];

export const BILLING_METRICS = [
  {
    id: 'billing.days_in_ar',
    label: 'Days in A/R',
    unit: 'days',
    definition:
      'What was still owed at the end of the month (charges not yet paid, adjusted or written off) divided by the average charges per day over the last three months (their charges divided by their calendar days; for the month in progress, its days so far). Follows the MGMA and HFMA days-in-A/R measure. Empty when those three months had no charges.',
    source: 'MGMA',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.ar_over_90',
    label: 'A/R over 90 days',
    unit: 'percent',
    definition:
      'Of what was owed at the end of the month, the share for services dated at least three calendar months before (at the end of June: March and earlier). Follows the HFMA aged A/R measure, aged by month of service, across the whole practice.',
    source: 'HFMA',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.ar_over_120',
    label: 'A/R over 120 days',
    unit: 'percent',
    definition:
      'Of what was owed at the end of the month, the share for services dated at least four calendar months before (at the end of June: February and earlier). Follows the MGMA A/R over 120 days measure, aged by month of service, across the whole practice.',
    source: 'MGMA',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.net_collection_rate',
    label: 'Net collection rate',
    unit: 'percent',
    definition:
      'Payer and patient payments posted in the month divided by charges for services in the month minus contractual adjustments posted in the month: what was collected out of what the practice could collect (the MGMA adjusted collection rate). Can pass 100% in a month when older claims are paid.',
    source: 'MGMA',
    version: 1,
    module: 'billing',
    better: 'higher',
  },
  {
    id: 'billing.gross_collection_rate',
    label: 'Gross collection rate',
    unit: 'percent',
    definition:
      'Payer and patient payments posted in the month divided by the full charges for services in the month, before any adjustment (the MGMA gross collection rate).',
    source: 'MGMA',
    version: 1,
    module: 'billing',
    better: 'higher',
  },
  {
    id: 'billing.denial_rate',
    label: 'Initial denial rate',
    unit: 'percent',
    definition:
      'Claims denied the first time a payer decided on them, divided by all claims a payer decided on for the first time in the month. Follows the HFMA initial denial rate.',
    source: 'HFMA',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.denial_rate_dollars',
    label: 'Initial denial rate (dollars)',
    unit: 'percent',
    definition:
      'Billed charges of claims denied the first time a payer decided on them, divided by billed charges of all claims a payer decided on for the first time in the month. Follows the HFMA initial denial rate, in dollars.',
    source: 'HFMA',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.first_pass_rate',
    label: 'First-pass resolution rate',
    unit: 'percent',
    definition:
      'Claims paid the first time a payer decided on them, with no denial to rework, divided by all claims a payer decided on for the first time in the month.',
    source: 'Rounds',
    version: 1,
    module: 'billing',
    better: 'higher',
  },
  {
    id: 'billing.billing_lag',
    label: 'Billing lag',
    unit: 'days',
    definition:
      'Average number of days from the date of service to the date the claim was sent, over claims sent in the month.',
    source: 'Rounds',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.payment_lag',
    label: 'Payment lag',
    unit: 'days',
    definition:
      "Average number of days from sending a claim to the payer's first payment on it, over claims first paid in the month.",
    source: 'Rounds',
    version: 1,
    module: 'billing',
    better: 'lower',
  },
  {
    id: 'billing.charges',
    label: 'Charges',
    unit: 'dollars',
    definition:
      "Full billed charges, at the practice's own prices, of claims for services dated in the month, before any payment or adjustment.",
    source: 'Rounds',
    version: 1,
    module: 'billing',
    better: 'higher',
    additive: true,
  },
  {
    id: 'billing.payments',
    label: 'Payments',
    unit: 'dollars',
    definition:
      'Money received in the month from payers (net of payments they took back) and from patients, whatever the date of service.',
    source: 'Rounds',
    version: 1,
    module: 'billing',
    better: 'higher',
    additive: true,
  },
] as const satisfies readonly MetricDefinition[];

export type BillingMetricId = (typeof BILLING_METRICS)[number]['id'];

export const HR_METRICS = [
  {
    id: 'hr.staff_per_physician',
    label: 'Support staff per FTE provider',
    unit: 'count',
    definition:
      "Support staff FTE (everyone in the staff directory who is not a provider) divided by provider FTE, both counted on the month's last day. Follows MGMA's support staff per FTE physician, with nurse practitioners and physician assistants counted as providers.",
    source: 'MGMA',
    version: 1,
    module: 'hr',
    better: 'lower',
  },
  {
    id: 'hr.turnover',
    label: 'Staff turnover',
    unit: 'percent',
    definition:
      "People whose last day fell in the month divided by the average headcount (people employed on the month's first and last days, halved). Monthly; twelve months add up to the yearly rate SHRM publishes.",
    source: 'SHRM',
    version: 1,
    module: 'hr',
    better: 'lower',
  },
  {
    id: 'hr.time_off_liability',
    label: 'Time-off liability',
    unit: 'dollars',
    definition:
      "Paid time off earned and not yet taken on the month's last day, for everyone employed then, valued at each person's pay: the hourly rate, or the salary divided by 2,080 hours. What the practice would owe if everyone left that day.",
    source: 'Rounds',
    version: 1,
    module: 'hr',
    better: 'lower',
    additive: true,
  },
  {
    id: 'hr.overtime_share',
    label: 'Overtime share',
    unit: 'percent',
    definition:
      "Overtime hours divided by all hours worked in the month by hourly staff, from their shifts less the minutes late and left early (no-shows count nothing). Overtime is the hours past 40 in each Monday–Sunday workweek, counted on the day they fall, so a week that spans two months splits at the month's end. Empty when no hourly shift was worked.",
    source: 'Rounds',
    version: 1,
    module: 'hr',
    better: 'lower',
  },
] as const satisfies readonly MetricDefinition[];

export type HrMetricId = (typeof HR_METRICS)[number]['id'];

/** Every declared metric; a new module appends its list here. */
export const METRICS: readonly MetricDefinition[] = [
  ...SCHEDULING_METRICS,
  ...BILLING_METRICS,
  ...HR_METRICS,
];

export function metricById(id: string): MetricDefinition | undefined {
  return METRICS.find((m) => m.id === id);
}
