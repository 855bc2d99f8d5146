/**
 * Calendar days (YYYY-MM-DD) and months (YYYY-MM) for chart axes and headings, and day arithmetic.
 * They carry no zone: read and printed as UTC, so no offset shifts a day. The long form of a day
 * ("Nov 16, 2026") is `formatCalendarDate` in format.ts.
 */

type Options = Intl.DateTimeFormatOptions;
const made = new Map<Options, Intl.DateTimeFormat>();
/** Built on first use, then kept: this module loads with the app shell, long before a chart is drawn. */
const format = (options: Options, at: Date) => {
  let f = made.get(options);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    made.set(options, f);
  }
  return f.format(at);
};

const MONTH_DAY: Options = { month: 'short', day: 'numeric' };
const MONTH_SHORT: Options = { month: 'short' };
const MONTH_YEAR: Options = { month: 'long', year: 'numeric' };

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** A day without its year, short enough for an axis ("2026-11-16" as "Nov 16"). */
export const formatMonthDay = (date: string) => format(MONTH_DAY, utc(date));
/** A month's short name for an axis ("2026-10" as "Oct"). */
export const formatMonthShort = (month: string) => format(MONTH_SHORT, utc(`${month}-01`));
/** A month with its year ("2026-10" as "October 2026"). */
export const formatMonthYear = (month: string) => format(MONTH_YEAR, utc(`${month}-01`));

/** Whole days from `from` to `to`, both included (1 for the same day). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000) + 1;
}
