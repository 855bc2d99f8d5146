import {
  PRACTICE_SIZES,
  type PracticeSize,
  REGIONS,
  type Region,
  SPECIALTIES,
  type Specialty,
} from '../schemas/tenants.ts';

/**
 * Cohorts of member practices: any combination of specialty, region and size, each either fixed or
 * "any". The all-members cohort fixes none. Cohorts nest: fixing one more dimension gives a subset.
 */
export interface Cohort {
  specialty?: Specialty;
  region?: Region;
  size?: PracticeSize;
}

export interface PracticeProfileForCohorts {
  specialty: Specialty;
  region: Region;
  size: PracticeSize;
}

const DIMENSIONS = ['specialty', 'region', 'size'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const ANY = 'any';

/** Privacy thresholds, enforced by the rollup (never by a page). */
export const MIN_PRACTICES = 5;
export const MAX_SHARE = 0.25;

export const BENCHMARK_WINDOWS = {
  month: 'Month',
  t3: 'Trailing 3 months',
  t12: 'Trailing 12 months',
} as const;
export type BenchmarkWindow = keyof typeof BENCHMARK_WINDOWS;
export const WINDOW_MONTHS: Record<BenchmarkWindow, number> = { month: 1, t3: 3, t12: 12 };

export const SUPPRESSION_REASONS = {
  too_few: `Fewer than ${MIN_PRACTICES} practices reported this measure`,
  dominance: `One practice makes up more than ${MAX_SHARE * 100}% of the cohort's total`,
  complement: `Hidden because a larger cohort holds fewer than ${MIN_PRACTICES} other practices: publishing both would reveal them`,
} as const;
export type SuppressionReason = keyof typeof SUPPRESSION_REASONS;

/** A stable key: `family_medicine.south_atlantic.any`. */
export function cohortKey(c: Cohort): string {
  return `${c.specialty ?? ANY}.${c.region ?? ANY}.${c.size ?? ANY}`;
}

/** The cohort a key names, or undefined for a malformed key. */
export function parseCohortKey(key: string): Cohort | undefined {
  const parts = key.split('.');
  if (parts.length !== 3) return undefined;
  const [specialty, region, size] = parts as [string, string, string];
  const ok = (v: string, list: Record<string, string>) => v === ANY || v in list;
  if (!ok(specialty, SPECIALTIES) || !ok(region, REGIONS) || !ok(size, PRACTICE_SIZES)) return undefined;
  return {
    ...(specialty !== ANY ? { specialty: specialty as Specialty } : {}),
    ...(region !== ANY ? { region: region as Region } : {}),
    ...(size !== ANY ? { size: size as PracticeSize } : {}),
  };
}

/** The eight cohorts a practice belongs to (every subset of its three dimensions). */
export function cohortsOf(p: PracticeProfileForCohorts): Cohort[] {
  const out: Cohort[] = [];
  for (let mask = 0; mask < 8; mask++) {
    const c: Cohort = {};
    DIMENSIONS.forEach((d, i) => {
      if (mask & (1 << i)) (c as Record<Dimension, string>)[d] = p[d];
    });
    out.push(c);
  }
  return out;
}

/** The strictly larger cohorts that contain `c` (release one or more of its fixed dimensions). */
export function ancestorsOf(c: Cohort): Cohort[] {
  const fixed = DIMENSIONS.filter((d) => c[d] !== undefined);
  const out: Cohort[] = [];
  for (let mask = 0; mask < 1 << fixed.length; mask++) {
    if (mask === (1 << fixed.length) - 1) continue; // c itself
    const a: Cohort = {};
    fixed.forEach((d, i) => {
      if (mask & (1 << i)) (a as Record<Dimension, string>)[d] = c[d] as string;
    });
    out.push(a);
  }
  return out;
}

/** "Family medicine · South Atlantic", or "All members". */
export function cohortLabel(c: Cohort): string {
  const parts = [
    c.specialty ? SPECIALTIES[c.specialty] : undefined,
    c.region ? REGIONS[c.region] : undefined,
    c.size ? PRACTICE_SIZES[c.size] : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'All members';
}

/** The rules as the dashboard states them beside every figure. */
export const PRIVACY_RULES = [
  `A cohort is shown only when at least ${MIN_PRACTICES} practices reported the measure.`,
  `For totals (visits, dollars), no single practice may make up more than ${MAX_SHARE * 100}% of the cohort's sum.`,
  `A cohort is hidden when a larger cohort containing it has 1 to ${MIN_PRACTICES - 1} other practices, so comparing the two cannot reveal them.`,
  'Figures are at least one full month old, and a month once published never changes: a practice that leaves stops counting from the next month.',
  'Only these aggregates leave a practice; no figure, row or export line is ever about one practice.',
] as const;
