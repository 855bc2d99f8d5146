/**
 * Performance review cycles, pure date math. Every person has a review 90 days after the hire date
 * (cycle 0), then one on each hire anniversary (cycle n is the n-th anniversary). A Feb 29 hire's
 * anniversary falls on Feb 28 in common years. A cycle left undone is superseded once the next
 * cycle's due date arrives: a practice is never asked to catch up on three missed years at once.
 */

export type ReviewKind = 'ninety_day' | 'annual';

export interface DueReview {
  cycle: number;
  kind: ReviewKind;
  dueDate: string;
  /** Due before `today`. */
  overdue: boolean;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The `years`-th anniversary of `date` (Feb 29 → Feb 28 in a common year). */
export function anniversary(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const reviewKindOf = (cycle: number): ReviewKind => (cycle === 0 ? 'ninety_day' : 'annual');

/** When a cycle's review is due: 90 days after hire for cycle 0, else the cycle-th anniversary. */
export function reviewDueDate(hireDate: string, cycle: number): string {
  return cycle === 0 ? plusDays(hireDate, 90) : anniversary(hireDate, cycle);
}

/**
 * The next review a person needs on `today`, given the cycles already reviewed (done or under
 * way): the first cycle after the last one reviewed, moved on past every cycle whose successor is
 * already due (so at most one review is ever overdue).
 */
export function nextDueReview(hireDate: string, reviewedCycles: readonly number[], today: string): DueReview {
  let cycle = reviewedCycles.length ? Math.max(...reviewedCycles) + 1 : 0;
  while (reviewDueDate(hireDate, cycle + 1) <= today) cycle++;
  const dueDate = reviewDueDate(hireDate, cycle);
  return { cycle, kind: reviewKindOf(cycle), dueDate, overdue: dueDate < today };
}
