/** Formatting and arithmetic shared by the measures page and its charts. */

const shortDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

// Dates are calendar days (YYYY-MM-DD) with no zone: read and print them as UTC so no offset shifts a day.
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Nov 16" for an axis. */
export const dayShort = (date: string) => shortDay.format(utc(date));
/** "Nov 16, 2026". */
export const dayLong = (date: string) => longDay.format(utc(date));
/** "Oct" for an axis (YYYY-MM). */
export const monthShort = (month: string) => shortMonth.format(utc(`${month}-01`));
/** "October 2026" (YYYY-MM). */
export const monthLong = (month: string) => longMonth.format(utc(`${month}-01`));

/** Fewer visits than this behind a rate are too few to read as a trend: marked, no arrow. */
export const FEW_VISITS = 20;

/** A 0..1 rate as a whole percentage ("12%"). */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Whole days from `from` to `to`, both included (1 for the same day). */
export function daysIncluded(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000) + 1;
}

/** "Today", "1 day", "9 days", or the 60-day horizon when nothing is free. */
export function waitLabel(days: number | null): string {
  if (days === null) return 'None in 60 days';
  if (days === 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** "1 resource", "1,204 resources". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Minutes as hours to one decimal ("12.5 h"). */
export const hours = (minutes: number) =>
  `${(Math.round((minutes / 60) * 10) / 10).toLocaleString('en-US')} h`;
