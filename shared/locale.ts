/**
 * The locale a tenant reads and writes dates in, reading a date as people type it, and writing
 * a visit's date and time out for patients (`patientDateTime`).
 *
 * Tenant profiles have no locale of their own: every region a tenant can choose is a US census
 * division, so every tenant is in the US and its locale is en-US (month/day/year). A tenant
 * outside the US would add a locale to its profile and `tenantLocale` would return it.
 */
import type { Region } from './schemas/tenants.ts';
import { zonedInstant } from './time.ts';

export const DATE_ORDERS = ['month/day/year', 'day/month/year'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
/** How one date was written: year first with dashes (ISO), or the locale's numeric order with slashes. */
export const DATE_FORMATS = ['year-month-day', ...DATE_ORDERS] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The tenant's locale: en-US for every tenant today, since every region is a US one. */
export function tenantLocale(_tenant: { region: Region }): string {
  return 'en-US';
}

/** The order a locale writes numeric dates in, from the platform's Intl data (en-US: month/day/year). */
export function dateOrderOf(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(0)
    .map((p) => p.type)
    .filter((t) => t === 'day' || t === 'month');
  return parts[0] === 'day' ? 'day/month/year' : 'month/day/year';
}

/** March 14, 1985 as the order writes it: "03/14/1985" or "14/03/1985". */
export const exampleDate = (order: DateOrder) => (order === 'month/day/year' ? '03/14/1985' : '14/03/1985');

export type DateReading =
  | { ok: true; date: string; format: DateFormat }
  | { ok: false; message: string; format?: DateFormat };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const SHORT_YEAR = /^\d{1,2}\/\d{1,2}\/\d{2}$/;
const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

/**
 * Reads a typed or spreadsheet date as YYYY-MM-DD. The ambiguity rule is fixed, never guessed
 * per row or per file:
 * - four digits, dash, month, dash, day ("1985-03-14") is always year-month-day;
 * - two numbers and a four-digit year with slashes ("03/14/1985", "3/4/1985") are read in the
 *   tenant's order, so in a US practice 03/04/1985 is March 4, never April 3, and "14/03/1985"
 *   is not a date (there is no month 14) rather than quietly read the other way round;
 * - a two-digit year ("03/14/85") is refused: its century is a guess.
 */
export function readDate(text: string, order: DateOrder): DateReading {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'Required' };
  const iso = ISO.exec(value);
  const slashed = SLASHED.exec(value);
  let parts: { y: number; m: number; d: number };
  let format: DateFormat;
  if (iso) {
    format = 'year-month-day';
    parts = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  } else if (slashed) {
    format = order;
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    parts =
      order === 'month/day/year'
        ? { y: Number(slashed[3]), m: a, d: b }
        : { y: Number(slashed[3]), m: b, d: a };
  } else if (SHORT_YEAR.test(value)) {
    return { ok: false, message: `Write the year with four digits, like ${exampleDate(order)}` };
  } else {
    return { ok: false, message: `Use a date like ${exampleDate(order)} or 1985-03-14` };
  }
  const { y, m, d } = parts;
  const problem =
    m < 1 || m > 12
      ? `there is no month ${m}`
      : d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()
        ? `${monthName.format(new Date(Date.UTC(2000, m - 1, 1)))} ${y} has no day ${d}`
        : undefined;
  if (problem)
    return { ok: false, format, message: `“${value}” is not a date (read as ${format}: ${problem})` };
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { ok: true, date, format };
}

// --- Dates and times written for patients (reminder mail and texts, the reminder link page) ---

/**
 * A visit's wall-clock date and time at a location, written out for a patient in the practice's
 * locale: "Wednesday, February 3, 2027 at 9:00 AM (Eastern Time)". `date` is YYYY-MM-DD and
 * `time` HH:MM, both local to `timeZone` (the location's zone); the zone's generic name says which
 * clock is meant to a patient reading it elsewhere. The API's mail and the web page both call this,
 * so a patient reads the same words in the text message and on the page it links to. Spaces are
 * plain ones (ICU writes a narrow no-break space before "AM"), which keeps texts in the GSM alphabet.
 */
export function patientDateTime(date: string, time: string, timeZone: string, locale: string): string {
  const at = zonedInstant(date, time, timeZone);
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' });
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const text = when.format(at);
  return plainSpaces(zone ? `${text} (${zone})` : text);
}

const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

// --- Dates and times in messages the API writes for staff (errors, Today titles, digests, audit) ---

const STAFF_LOCALE = 'en-US';
const staffDay = new Intl.DateTimeFormat(STAFF_LOCALE, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const staffTime = new Intl.DateTimeFormat(STAFF_LOCALE, {
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** A wall-clock date ("2027-02-03") as staff read it: "Wed, Feb 3, 2027". */
export function staffDate(date: string): string {
  return plainSpaces(staffDay.format(new Date(`${date}T00:00:00Z`)));
}

/** A wall-clock time ("16:15") as staff read it: "4:15 PM". */
export function staffTimeOfDay(time: string): string {
  return plainSpaces(staffTime.format(new Date(`1970-01-01T${time}:00Z`)));
}

/** "Wed, Feb 3, 2027 at 4:15 PM": a visit's place in time in an error, a Today title or an audit line. */
export function staffDateTime(date: string, time: string): string {
  return `${staffDate(date)} at ${staffTimeOfDay(time)}`;
}
