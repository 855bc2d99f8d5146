import {
  ancestorsOf,
  type Cohort,
  cohortKey,
  cohortsOf,
  MAX_SHARE,
  MIN_PRACTICES,
  type PracticeProfileForCohorts,
  parseCohortKey,
  type SuppressionReason,
} from '../../../shared/benchmarks/cohorts.ts';
import {
  type Distribution,
  distributionOfSorted,
  percentileRankInSorted,
} from '../../../shared/benchmarks/stats.ts';

/** One practice's value of one metric in one window, with the profile that places it in cohorts. */
export interface Contribution {
  practiceId: string;
  profile: PracticeProfileForCohorts;
  value: number;
}

/** A cohort's published figures, or why it is not published (never with any figure). */
export type Cell = { cohort: string } & ({ published: Distribution } | { suppressed: SuppressionReason });

export interface MetricRollup {
  cells: Map<string, Cell>;
  /** Each practice's percentile rank in each published cohort it belongs to. */
  ranks: Map<string, Record<string, number>>;
}

/**
 * The privacy rules, applied where the figures are made (issue 14): a cohort is published only
 * with at least MIN_PRACTICES contributors; for a total that adds up across practices, no practice
 * may hold more than MAX_SHARE of the cohort's sum; and a cohort is hidden when any larger cohort
 * containing it holds 1 to MIN_PRACTICES − 1 practices more, since the two published side by side
 * would describe that small remainder. The complement test reads counts only, so it needs no
 * second pass: what it hides never changes what another cohort's test sees.
 */
export function rollupMetric(contributions: readonly Contribution[], additive: boolean): MetricRollup {
  const groups = new Map<string, Contribution[]>();
  for (const c of contributions) {
    for (const key of cohortKeysOf(c.profile)) {
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
  }
  const count = (key: string) => groups.get(key)?.length ?? 0;
  const cells = new Map<string, Cell>();
  const ranks = new Map<string, Record<string, number>>();
  for (const [key, members] of groups) {
    const reason = suppression(key, members, additive, count);
    if (reason) {
      cells.set(key, { cohort: key, suppressed: reason });
      continue;
    }
    const sorted = members.map((m) => m.value).sort((a, b) => a - b);
    cells.set(key, { cohort: key, published: distributionOfSorted(sorted) });
    for (const m of members) {
      const own = ranks.get(m.practiceId) ?? {};
      ranks.set(m.practiceId, own);
      own[key] = Math.round(percentileRankInSorted(sorted, m.value) * 10) / 10;
    }
  }
  return { cells, ranks };
}

// A rollup asks for the same few hundred cohorts' keys and ancestors millions of times: kept once.
const keysByProfile = new Map<string, string[]>();
const ancestorsByKey = new Map<string, string[]>();

function cohortKeysOf(p: PracticeProfileForCohorts): string[] {
  const id = `${p.specialty}|${p.region}|${p.size}`;
  const known = keysByProfile.get(id);
  if (known) return known;
  const keys = cohortsOf(p).map(cohortKey);
  keysByProfile.set(id, keys);
  return keys;
}

function ancestorKeysOf(key: string): string[] {
  const known = ancestorsByKey.get(key);
  if (known) return known;
  const keys = ancestorsOf(parseCohortKey(key)!).map(cohortKey);
  ancestorsByKey.set(key, keys);
  return keys;
}

function suppression(
  key: string,
  members: readonly Contribution[],
  additive: boolean,
  count: (key: string) => number,
): SuppressionReason | undefined {
  if (members.length < MIN_PRACTICES) return 'too_few';
  if (additive && dominated(members.map((m) => m.value))) return 'dominance';
  for (const ancestor of ancestorKeysOf(key)) {
    const rest = count(ancestor) - members.length;
    if (rest > 0 && rest < MIN_PRACTICES) return 'complement';
  }
  return undefined;
}

/** One practice above MAX_SHARE of a total; totals of zero or with negatives are judged on magnitudes. */
function dominated(values: readonly number[]): boolean {
  const sum = values.reduce((a, v) => a + Math.abs(v), 0);
  if (sum === 0) return false;
  return values.some((v) => Math.abs(v) / sum > MAX_SHARE);
}
