import { type DateOrder, exampleDate } from '../../locale.ts';
import type { ImportColumn } from '../imports.ts';
import { IMPORT_COLUMNS } from './import.ts';
import { CONTACT_PREFERENCES } from './patients.ts';

/**
 * What each scheduling import column holds and whether the header row must name it: the API's
 * import kinds declare these columns and the web's template and column help show them, one text.
 */
export type SchedulingImportKind = keyof typeof IMPORT_COLUMNS;

/** How a date column may be written in a practice that writes dates in `order`. */
export const dateHint = (order: DateOrder) => `As ${exampleDate(order)} (${order}) or 1985-03-14.`;

const PATIENT_IDENTITY = {
  first_name: 'The patient’s first name.',
  last_name: 'The patient’s last name.',
  date_of_birth: (order: DateOrder) => `The birth date. ${dateHint(order)}`,
};

/** A description, or one that depends on how the practice writes dates. */
type Description = string | ((order: DateOrder) => string);

export const IMPORT_COLUMN_DOCS: Record<
  SchedulingImportKind,
  Record<string, { required: boolean; description: Description }>
> = {
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
export function importColumnDocs(kind: SchedulingImportKind, order: DateOrder): ImportColumn[] {
  return IMPORT_COLUMNS[kind].map((name) => {
    const doc = IMPORT_COLUMN_DOCS[kind][name]!;
    const description = typeof doc.description === 'string' ? doc.description : doc.description(order);
    return { name, required: doc.required, description };
  });
}
