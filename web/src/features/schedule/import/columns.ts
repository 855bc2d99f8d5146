/** What each import kind's columns hold, and the check of a file's header row against them. */
import { type DateOrder, exampleDate } from '../../../../../shared/locale.ts';
import { CONTACT_PREFERENCES, IMPORT_COLUMNS } from '../../../../../shared/schemas/scheduling.ts';

export type ImportKind = keyof typeof IMPORT_COLUMNS;

export const KIND_NOUNS: Record<ImportKind, { one: string; many: string }> = {
  patients: { one: 'patient', many: 'patients' },
  appointments: { one: 'appointment', many: 'appointments' },
};

export interface ColumnDoc {
  name: string;
  required: boolean;
  description: string;
}

/** How a date column may be written in a practice that writes dates in `order`. */
export const dateHint = (order: DateOrder) => `As ${exampleDate(order)} (${order}) or 1985-03-14.`;

const PATIENT_IDENTITY = {
  first_name: 'The patient’s first name.',
  last_name: 'The patient’s last name.',
  date_of_birth: (order: DateOrder) => `The birth date. ${dateHint(order)}`,
};

/** A description, or one that depends on how the practice writes dates. */
type Description = string | ((order: DateOrder) => string);

const DOCS: Record<ImportKind, Record<string, { required: boolean; description: Description }>> = {
  patients: {
    first_name: { required: true, description: PATIENT_IDENTITY.first_name },
    last_name: { required: true, description: PATIENT_IDENTITY.last_name },
    date_of_birth: { required: true, description: PATIENT_IDENTITY.date_of_birth },
    phone: { required: false, description: 'e.g. (614) 555-0142.' },
    email: { required: false, description: 'Where reminders go when email is preferred.' },
    preferred_contact: {
      required: false,
      description: `One of ${CONTACT_PREFERENCES.join(', ')}. Empty: email if given, else phone.`,
    },
    insurance_payer: { required: false, description: 'e.g. Medicare, Aetna.' },
    member_id: { required: false, description: 'Letters, digits and - only.' },
  },
  appointments: {
    first_name: { required: true, description: 'Matched to a patient already in Rounds.' },
    last_name: { required: true, description: 'Matched to a patient already in Rounds.' },
    date_of_birth: {
      required: true,
      description: (order) => `Matched to a patient. ${dateHint(order)}`,
    },
    provider: { required: true, description: 'The provider’s name as on the Setup page.' },
    location: { required: true, description: 'The location’s name as in Settings.' },
    type: { required: true, description: 'The visit type’s name as on the Setup page.' },
    date: {
      required: true,
      description: (order) => `The visit’s day at its location. ${dateHint(order)}`,
    },
    time: { required: true, description: '24-hour HH:MM on a 5-minute mark, e.g. 09:30.' },
    note: { required: false, description: 'Shown on the visit.' },
  },
};

/** The columns of an import kind, in template order, with what goes in each (dates in `order`). */
export function columnsOf(kind: ImportKind, order: DateOrder): ColumnDoc[] {
  return IMPORT_COLUMNS[kind].map((name) => {
    const doc = DOCS[kind][name]!;
    const description = typeof doc.description === 'string' ? doc.description : doc.description(order);
    return { name, required: doc.required, description };
  });
}

/** Why a header row cannot be imported as this kind (undefined when it can), and columns that are ignored. */
export function checkColumns(
  kind: ImportKind,
  columns: string[],
): { problem: string | undefined; ignored: string[]; otherKind: ImportKind | undefined } {
  const known = new Set<string>(IMPORT_COLUMNS[kind]);
  const ignored = columns.filter((c) => c !== '' && !known.has(c));
  const missingFor = (k: ImportKind) =>
    IMPORT_COLUMNS[k].filter((name) => DOCS[k][name]!.required && !columns.includes(name));
  const missing = missingFor(kind);
  const other: ImportKind = kind === 'patients' ? 'appointments' : 'patients';
  // An appointments file has every patient column too: say so rather than create patients from it.
  const looksLikeOther =
    other === 'appointments'
      ? ['provider', 'date', 'time'].every((c) => columns.includes(c))
      : missingFor(other).length === 0;
  if (!missing.length) return { problem: undefined, ignored, otherKind: looksLikeOther ? other : undefined };
  const list = missing.join(', ');
  const problem = `The header row is missing ${missing.length === 1 ? 'the required column' : 'the required columns'} ${list}.${
    looksLikeOther ? ` This looks like a file of ${other}: choose “${capitalised(other)}” above.` : ''
  } The first row must name the columns, as in the template.`;
  return { problem, ignored, otherKind: looksLikeOther ? other : undefined };
}

export function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
