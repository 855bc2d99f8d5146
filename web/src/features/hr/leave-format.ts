import {
  type KeyDateKind,
  LEAVE_KIND_LABELS,
  type LeaveCase,
  type LeaveKeyDate,
} from '../../../../shared/schemas/hr-leave.ts';
import { formatCalendarDate } from '../../lib/format.ts';

/** The key dates in a few words, for the list's narrow column (KEY_DATE_LABELS are sentences). */
export const KEY_DATE_SHORT: Record<KeyDateKind, string> = {
  designation_notice: 'Notice to the person',
  certification: 'Medical certification',
  expected_return: 'Expected return',
};

/** "Luis Ortega's FMLA leave": the case dialog's name, the toast and the list's button all say it. */
export const caseTitle = (c: Pick<LeaveCase, 'staffName' | 'kind'>) =>
  `${c.staffName}'s ${LEAVE_KIND_LABELS[c.kind]}`;

/** A key date still to do is late: the API decides (it knows the practice's today). */
export const isLate = (k: LeaveKeyDate) => k.overdue && !k.doneOn;

/** The earliest key date not done yet, if any. */
export function nextKeyDate(c: LeaveCase): LeaveKeyDate | undefined {
  return c.keyDates.filter((k) => !k.doneOn).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
}

/** Weeks to one decimal, no trailing zero: "3.2", "12", "0". */
export const formatWeeks = (n: number) =>
  (Math.round(n * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });

/** "Mar 3, 2026", or "Mar 3, 2026 to Mar 6, 2026" for more than a day. */
export const range = (start: string, end: string) =>
  start === end ? formatCalendarDate(start) : `${formatCalendarDate(start)} to ${formatCalendarDate(end)}`;

/** A stretch of leave in words: "on Mar 3, 2026" or "from Mar 3, 2026 to Mar 6, 2026". */
export const leaveSpan = (start: string, end: string) =>
  start === end ? `on ${formatCalendarDate(start)}` : `from ${range(start, end)}`;
