/**
 * The dashboard's figures as a CSV file a spreadsheet opens as-is (the shared csvText): exactly the
 * cohort, window and month on screen, one row per metric. A suppressed or unreported row carries its
 * reason and no number, so the export can never publish what the page withholds. Pure.
 */
import { BENCHMARK_WINDOWS } from '../../../../shared/benchmarks/cohorts.ts';
import { csvText } from '../../../../shared/csv.ts';
import type { Dashboard } from '../../../../shared/schemas/benchmarks.ts';
import { groupByModule, isPublished, isSuppressed, UNIT_NAMES } from './metric-format.ts';

export const BENCHMARK_CSV_HEADER = [
  'Cohort',
  'Window',
  'Month',
  'Module',
  'Metric',
  'Unit',
  'Practices (n)',
  'P10',
  'P25',
  'Median (P50)',
  'P75',
  'P90',
  'Note',
] as const;

/** Exported numbers as the API gave them (already rounded), without locale separators. */
const num = (v: number) => String(v);

/** The dashboard's rows, in the order the page shows them (module groups, registry order). */
export function benchmarksCsv(d: Dashboard): string {
  const month = d.month ?? '';
  const window = BENCHMARK_WINDOWS[d.window];
  const rows = groupByModule(d.metrics).flatMap((g) =>
    g.metrics.map((m) => {
      const head = [d.cohort.label, window, month, g.label, m.label, UNIT_NAMES[m.unit]];
      const f = m.figures;
      if (isPublished(f)) {
        return [...head, num(f.n), num(f.p10), num(f.p25), num(f.p50), num(f.p75), num(f.p90), ''];
      }
      const note = isSuppressed(f) ? f.message : 'Not reported by any practice in this cohort';
      return [...head, '', '', '', '', '', '', note];
    }),
  );
  return csvText([[...BENCHMARK_CSV_HEADER], ...rows]);
}

/** "benchmarks-family_medicine.south_atlantic.any-month-2026-10.csv". */
export const benchmarksFileName = (d: Dashboard) =>
  `benchmarks-${d.cohort.key}-${d.window}-${d.month ?? 'none'}.csv`;
