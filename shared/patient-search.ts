/**
 * What the front desk typed into a patient search, read as a phone number, a birth date or a
 * name. Pure, so the API (which picks the lookup) and the web app (which says what it looked
 * for) read the same text the same way.
 */
import { readDate } from './locale.ts';

/** One name lookup; a query may need several, whose results are merged. All parts are lowercase. */
export type NameLookup =
  /** Last name starts with `last` (the name index). */
  | { by: 'last'; last: string }
  /** First name starts with `first` and, when given, last name starts with `last`. */
  | { by: 'first'; first: string; last?: string };

export type PatientQuery =
  | { kind: 'all' }
  | { kind: 'phone'; digits: string }
  | { kind: 'birthDate'; date: string }
  /** Date-shaped but no such day ("02/30/1990"): the message says why, nothing is searched. */
  | { kind: 'badDate'; message: string }
  | { kind: 'name'; lookups: NameLookup[] };

/** Digits a phone is matched on: the last ten (a US number without its country code). */
const PHONE_DIGITS = 10;
/** Fewer digits than a local number are still being typed, or are not a phone at all. */
const MIN_PHONE_DIGITS = 7;

/**
 * A phone number as it is stored in the search rows and matched: its digits, at most the last
 * ten, so "+1 (614) 555-1000", "614.555.1000" and "16145551000" are one number.
 */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-PHONE_DIGITS);
}

/** Typed phone punctuation the desk may use; anything else (a letter, a slash) makes it not a phone. */
const PHONE_PUNCTUATION = /[\s().-]/g;
// Whole dates only: "03/14/198" is still being typed and must not be refused as a bad date.
const DATE_SHAPED = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})$/;

/**
 * Reads a search. Order matters: "1985-03-14" is a date before its digits could be a phone.
 * - MM/DD/YYYY, M/D/YYYY or YYYY-MM-DD → that birth date (US order: every tenant is in the US,
 *   see shared/locale.ts);
 * - 7+ digits once spaces, dashes, parentheses, dots and a leading + are ignored → phone prefix
 *   (without a leading +1 or 1; more than ten digits: the last ten);
 * - "last, first" → both prefixes; "first last" → both prefixes, or the whole text as the start
 *   of a last name with spaces ("van dyke"); one word → last name or first name starts with it.
 */
export function readPatientQuery(text: string | undefined): PatientQuery {
  const q = (text ?? '').trim().replace(/\s+/g, ' ');
  if (q === '') return { kind: 'all' };
  if (DATE_SHAPED.test(q)) {
    const read = readDate(q, 'month/day/year');
    return read.ok ? { kind: 'birthDate', date: read.date } : { kind: 'badDate', message: read.message };
  }
  const bare = q.replace(PHONE_PUNCTUATION, '').replace(/^\+/, '');
  if (/^\d+$/.test(bare) && bare.length >= MIN_PHONE_DIGITS) {
    // No US area code or exchange starts with 1: a leading 1 is the country code, even mid-typing.
    return { kind: 'phone', digits: phoneDigits(bare.replace(/^1/, '')) };
  }
  return { kind: 'name', lookups: nameLookups(q.toLowerCase()) };
}

function nameLookups(q: string): NameLookup[] {
  const comma = q.indexOf(',');
  if (comma >= 0) {
    const last = q.slice(0, comma).trim();
    const first = q.slice(comma + 1).trim();
    if (!first) return [{ by: 'last', last }];
    return [last ? { by: 'first', first, last } : { by: 'first', first }];
  }
  const space = q.indexOf(' ');
  if (space < 0)
    return [
      { by: 'last', last: q },
      { by: 'first', first: q },
    ];
  return [
    { by: 'first', first: q.slice(0, space), last: q.slice(space + 1) },
    { by: 'last', last: q },
  ];
}

/** What a search looked for, in words for an empty result: "No patient born 03/14/1985." */
export function describePatientQuery(query: PatientQuery): string {
  switch (query.kind) {
    case 'phone':
      return 'with a phone number starting with these digits';
    case 'birthDate': {
      const [y, m, d] = query.date.split('-');
      return `born ${m}/${d}/${y}`;
    }
    case 'badDate':
      return 'for that date';
    default:
      return 'by that name';
  }
}
