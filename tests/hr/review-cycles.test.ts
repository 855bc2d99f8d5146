import { describe, expect, it } from 'vitest';
import { anniversary, nextDueReview, reviewDueDate } from '../../shared/hr/review-cycles.ts';

/** Review cycles by hand: 90 days after hire, then each anniversary; leap-day hires; supersession. */
describe('review due dates', () => {
  it('puts the first review 90 days after the hire date', () => {
    // Jan 15 + 16 days = Jan 31, + 28 (Feb 2026) = 44, + 31 (Mar) = 75, + 15 = Apr 15: 90 days.
    expect(reviewDueDate('2026-01-15', 0)).toBe('2026-04-15');
    // Leap year: Feb 29 2024 + 31 (Mar) = 31, + 30 (Apr) = 61, + 29 = May 29: 90 days.
    expect(reviewDueDate('2024-02-29', 0)).toBe('2024-05-29');
  });

  it('puts annual reviews on the hire anniversary', () => {
    expect(reviewDueDate('2026-01-15', 1)).toBe('2027-01-15');
    expect(reviewDueDate('2026-01-15', 3)).toBe('2029-01-15');
  });

  it('moves a Feb 29 anniversary to Feb 28 in common years only', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 3)).toBe('2027-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    // 2100 is not a leap year (divisible by 100, not by 400); 2400 is.
    expect(anniversary('2096-02-29', 4)).toBe('2100-02-28');
    expect(anniversary('2396-02-29', 4)).toBe('2400-02-29');
    expect(anniversary('2023-03-01', 1)).toBe('2024-03-01');
  });
});

describe('the next due review', () => {
  it('is the 90-day review for a new hire', () => {
    expect(nextDueReview('2026-01-15', [], '2026-02-01')).toEqual({
      cycle: 0,
      kind: 'ninety_day',
      dueDate: '2026-04-15',
      overdue: false,
    });
  });

  it('is overdue the day after its due date, not on it', () => {
    expect(nextDueReview('2026-01-15', [], '2026-04-15').overdue).toBe(false);
    expect(nextDueReview('2026-01-15', [], '2026-04-16').overdue).toBe(true);
  });

  it('is the first anniversary once the 90-day review is done', () => {
    expect(nextDueReview('2026-01-15', [0], '2026-04-20')).toEqual({
      cycle: 1,
      kind: 'annual',
      dueDate: '2027-01-15',
      overdue: false,
    });
  });

  it('follows the last cycle reviewed, even with one skipped', () => {
    expect(nextDueReview('2020-06-01', [0, 1, 3], '2023-07-01').dueDate).toBe('2024-06-01');
  });

  it('supersedes a missed review once the next one is due: one overdue at most', () => {
    // Hired 2020-06-01, never reviewed; on 2026-12-01 the 6th anniversary (2026-06-01) is the one
    // overdue, the earlier ones are superseded.
    expect(nextDueReview('2020-06-01', [], '2026-12-01')).toEqual({
      cycle: 6,
      kind: 'annual',
      dueDate: '2026-06-01',
      overdue: true,
    });
    // The 90-day review, missed, is superseded on the first anniversary itself.
    expect(nextDueReview('2026-01-15', [], '2027-01-15')).toMatchObject({ cycle: 1, overdue: false });
    expect(nextDueReview('2026-01-15', [], '2027-01-14')).toMatchObject({ cycle: 0, overdue: true });
  });

  it('takes a leap-day hire to Feb 28 in a common year', () => {
    expect(nextDueReview('2024-02-29', [0, 1], '2025-03-01')).toMatchObject({
      cycle: 2,
      dueDate: '2026-02-28',
    });
    expect(nextDueReview('2024-02-29', [0, 1, 2, 3], '2027-03-01').dueDate).toBe('2028-02-29');
  });
});
