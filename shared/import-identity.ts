/**
 * What makes two CSV import rows the same row: the API skips a row it imported before by this
 * identity, and the web app uses it to spot a file's repeated rows across request chunks.
 */
export type ImportRow = Record<string, string | undefined>;

/** Same name and birth date is the same patient. */
export const patientIdentity = (r: ImportRow) =>
  `${r.last_name?.toLowerCase()}#${r.first_name?.toLowerCase()}#${r.date_of_birth}`;

/** The same patient with the same provider at the same date and time is the same visit. */
export const appointmentIdentity = (r: ImportRow) =>
  `${patientIdentity(r)}#${r.provider?.toLowerCase()}#${r.date}#${r.time}`;

/** The identity of a row of either import kind. */
export const importIdentity = (kind: 'patients' | 'appointments', r: ImportRow) =>
  kind === 'patients' ? patientIdentity(r) : appointmentIdentity(r);
