/**
 * The metric registry: each metric is declared once, here, so the job that stores monthly
 * snapshots, the pages that show them and the benchmarks that roll them up all read the same
 * definition. A definition changes meaning only with a new `version`: benchmarks must not average
 * values measured two different ways.
 */

export type MetricUnit = 'percent' | 'count' | 'minutes' | 'days';

export interface MetricDefinition {
  /** Stable, `<module>.<name>`: stored in every snapshot key. */
  id: string;
  label: string;
  /** `percent` values are stored as a fraction from 0 to 1 and shown as a percentage. */
  unit: MetricUnit;
  /** What is counted and over what, in plain words a practice manager can check. */
  definition: string;
  /** Whose definition it is: an industry body (MGMA, HFMA) or "Rounds" when it is our own. */
  source: string;
  version: number;
  /** The module that computes it. */
  module: string;
  better: 'higher' | 'lower';
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
  },
] as const satisfies readonly MetricDefinition[];

export type SchedulingMetricId = (typeof SCHEDULING_METRICS)[number]['id'];

/** Every declared metric; a new module appends its list here. */
export const METRICS: readonly MetricDefinition[] = [...SCHEDULING_METRICS];

export function metricById(id: string): MetricDefinition | undefined {
  return METRICS.find((m) => m.id === id);
}
