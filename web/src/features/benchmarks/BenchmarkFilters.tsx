import { BENCHMARK_WINDOWS } from '../../../../shared/benchmarks/cohorts.ts';
import { PRACTICE_SIZES, REGIONS, SPECIALTIES } from '../../../../shared/schemas/tenants.ts';
import { type Option, SelectField } from '../../components/ui/Field.tsx';
import type { DashboardView } from './api.ts';
import { monthName } from './metric-format.ts';

const options = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const SPECIALTY_OPTIONS = options(SPECIALTIES);
const REGION_OPTIONS = options(REGIONS);
const SIZE_OPTIONS = options(PRACTICE_SIZES);
const WINDOW_OPTIONS = options(BENCHMARK_WINDOWS);

export type ViewPatch = Partial<
  Record<'window' | 'month' | 'specialty' | 'region' | 'size', string | undefined>
>;

/** The cohort (specialty, region, size: each "Any" or one value), the window and the month. */
export function BenchmarkFilters(props: {
  view: DashboardView;
  /** Every month rolled up, newest first. */
  months: string[];
  /** The month shown (the newest when the address names none). */
  month: string | null;
  onChange: (patch: ViewPatch) => void;
}) {
  return (
    <form
      class="bench-toolbar"
      aria-label="Choose the cohort and period"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label="Specialty"
        name="specialty"
        value={props.view.specialty ?? ''}
        onChange={(v) => props.onChange({ specialty: v || undefined })}
        placeholder="Any specialty"
        options={SPECIALTY_OPTIONS}
      />
      <SelectField
        label="Region"
        name="region"
        value={props.view.region ?? ''}
        onChange={(v) => props.onChange({ region: v || undefined })}
        placeholder="Any region"
        options={REGION_OPTIONS}
      />
      <SelectField
        label="Size"
        name="size"
        value={props.view.size ?? ''}
        onChange={(v) => props.onChange({ size: v || undefined })}
        placeholder="Any size"
        options={SIZE_OPTIONS}
      />
      <SelectField
        label="Window"
        name="window"
        value={props.view.window}
        // The month window is the default: the address stays short for the common view.
        onChange={(v) => props.onChange({ window: v === 'month' ? undefined : v })}
        options={WINDOW_OPTIONS}
      />
      <SelectField
        label="Month"
        name="month"
        value={props.month ?? ''}
        // The newest month is the default, so a saved address keeps showing the latest figures.
        onChange={(v) => props.onChange({ month: v === props.months[0] ? undefined : v })}
        disabled={props.months.length === 0}
        options={props.months.map((m) => ({ value: m, label: monthName(m) }))}
      />
    </form>
  );
}
