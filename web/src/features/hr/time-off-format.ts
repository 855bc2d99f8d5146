import type { TimeOffStatus } from '../../../../shared/schemas/hr-time-off.ts';
import { addDays } from '../../../../shared/time.ts';
import type { Tone } from '../../components/ui/Badge.tsx';

/** Each status's badge color: waiting stands out, the closed ones recede. */
export const TIME_OFF_STATUS_TONES: Record<TimeOffStatus, Tone> = {
  pending: 'warning',
  approved: 'success',
  declined: 'danger',
  cancelled: 'neutral',
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string is a whole YYYY-MM-DD date (a date input mid-edit is empty). */
export const isDate = (v: string) => DATE_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** Monday to Friday from `from` to `to`, both included (0 when the range is backwards). */
export function weekdaysBetween(from: string, to: string): number {
  if (!isDate(from) || !isDate(to) || to < from) return 0;
  let n = 0;
  // Ranges are days to a few weeks: walking them is simpler than arithmetic and exact.
  for (let d = from; d <= to && n < 400; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const parts = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m: MONTHS[m - 1], day };
};

/**
 * A range of days as people write it: "Mar 1", "Mar 1–2", "Mar 30–Apr 2", with the year only when it
 * is not `thisYear` or the range crosses one ("Dec 30, 2026–Jan 2, 2027").
 */
export function formatDayRange(from: string, to: string, thisYear = new Date().getFullYear()): string {
  const a = parts(from);
  const b = parts(to);
  if (a.y !== b.y) return `${a.m} ${a.day}, ${a.y}–${b.m} ${b.day}, ${b.y}`;
  const year = a.y === thisYear ? '' : `, ${a.y}`;
  if (from === to) return `${a.m} ${a.day}${year}`;
  if (a.m === b.m) return `${a.m} ${a.day}–${b.day}${year}`;
  return `${a.m} ${a.day}–${b.m} ${b.day}${year}`;
}

/** Hours with at most two decimals and the unit: "8 hours", "1 hour", "-3.5 hours". */
export function formatHours(h: number): string {
  const n = Math.round(h * 100) / 100;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${Math.abs(n) === 1 ? 'hour' : 'hours'}`;
}

/** The Monday on or before a date. */
export function weekStart(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((wd + 6) % 7));
}
