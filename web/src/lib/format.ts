import { ROLE_LABELS, type Role } from '../../../shared/roles.ts';

/**
 * An Intl formatter made on first use: each costs milliseconds to build (tens on a phone), and the
 * shell imports this module for `initials` long before any date is shown.
 */
function formatter(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => {
    made ??= new Intl.DateTimeFormat(locale, options);
    return made;
  };
}

// Practices are in the US (every region is a US census region): dates and times read the US way.
const PRACTICE_LOCALE = 'en-US';

const dateTime = formatter(PRACTICE_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = formatter(PRACTICE_LOCALE, { dateStyle: 'medium' });

/** "Nov 22, 2026, 3:04 PM" in the viewer's local time; a dash for missing values. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateTime().format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateOnly().format(d);
}

export function roleLabel(role: string): string {
  if (role === 'system') return 'System';
  return ROLE_LABELS[role as Role] ?? role;
}

export function labelOf(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return '—';
  return map[key] ?? key;
}

export function initials(name: string): string {
  const parts = name
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || 'R';
}

export function firstName(name: string): string {
  const cleaned = name.replace(/^(dr\.?|mr\.?|mrs\.?|ms\.?)\s+/i, '');
  return cleaned.split(/\s+/)[0] ?? name;
}

/** Title-cases an enum-like value: "used_up" → "Used up". */
export function humanize(value: string): string {
  const s = value.replace(/[_.]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "YYYY-MM-DD" of a Date in local time. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const dayLabel = formatter(PRACTICE_LOCALE, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const clockTime = formatter(PRACTICE_LOCALE, {
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** A location's calendar date ("2027-02-10") as "Wed, Feb 10" (the date itself, no time zone shift). */
export function formatLocalDay(date: string): string {
  return dayLabel().format(new Date(`${date}T00:00:00Z`));
}

/**
 * A wall-clock time ("14:30") the US way, spelled out by hand: "2:30 PM" or, without its minutes,
 * "2 PM". The day view prints dozens of times in its first render, and the first Intl formatter a
 * page builds loads the locale data (a sixth of a second and more at 4x CPU slowdown), in the middle of
 * that render. Output is exactly Intl's for en-US; anything but "HH:MM" is left to Intl.
 */
function usClock(time: string, minutes: boolean): string | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) return undefined;
  const h = Number(m[1]);
  return `${h % 12 || 12}${minutes ? `:${m[2]}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}

/** A location's wall-clock time ("14:30") as "2:30 PM". */
export function formatLocalTime(time: string): string {
  return usClock(time, true) ?? clockTime().format(new Date(`1970-01-01T${time}:00Z`));
}

/** A location's date and time ("2031-03-06", "10:00") as "Thu, Mar 6 at 10:00 AM": toasts, confirmations. */
export function formatLocalDayTime(date: string, time: string): string {
  return `${formatLocalDay(date)} at ${formatLocalTime(time)}`;
}

/** Wall-clock times from and until ("08:00", "11:00") as "8:00 AM–11:00 AM". */
export function formatLocalTimes(from: string, until: string): string {
  return `${formatLocalTime(from)}–${formatLocalTime(until)}`;
}

const hourOnly = formatter(PRACTICE_LOCALE, { hour: 'numeric', timeZone: 'UTC' });

/** An hour mark on a time grid ("08:00" as "8 AM"): narrow enough for the grid's gutter. */
export function formatHourMark(time: string): string {
  return usClock(time, false) ?? hourOnly().format(new Date(`1970-01-01T${time}:00Z`));
}

const calendarDate = formatter(PRACTICE_LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date without a weekday ("2019-04-02" as "Apr 2, 2019"): birth dates, verification dates. */
export function formatCalendarDate(date: string): string {
  return calendarDate().format(new Date(`${date}T00:00:00Z`));
}
