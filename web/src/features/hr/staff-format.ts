import {
  EMPLOYMENT_TYPE_LABELS,
  type Pay,
  type Staff,
  type StaffCredential,
} from '../../../../shared/schemas/hr.ts';
import { isoDay } from '../../lib/format.ts';
import { formatCents } from '../../lib/number-format.ts';

/** A license shows as expiring this many days ahead: the first of the API's alerts (90, 60, 30). */
export const EXPIRES_SOON_DAYS = 90;

/** Today in the viewer's calendar, "YYYY-MM-DD". */
export const today = () => isoDay(new Date());

/** Whole days from today to a calendar date (negative once it has passed). */
export const daysUntil = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);

export type LicenseState = 'expired' | 'soon' | 'ok' | 'none';

/** Where a license stands against today: expired, expiring within 90 days, fine, or without a date. */
export function licenseState(c: StaffCredential): LicenseState {
  if (!c.expiresOn) return 'none';
  const days = daysUntil(c.expiresOn);
  if (days < 0) return 'expired';
  return days <= EXPIRES_SOON_DAYS ? 'soon' : 'ok';
}

/** The person's most urgent license (expired before expiring soon, then the soonest), if any needs attention. */
export function licenseWarning(
  s: Staff,
): { credential: StaffCredential; state: 'expired' | 'soon' } | undefined {
  const urgent = s.credentials
    .map((credential) => ({ credential, state: licenseState(credential) }))
    .filter(
      (x): x is { credential: StaffCredential; state: 'expired' | 'soon' } =>
        x.state === 'expired' || x.state === 'soon',
    )
    .sort((a, b) => (a.credential.expiresOn ?? '').localeCompare(b.credential.expiresOn ?? ''));
  return urgent[0];
}

/** "$32.50 an hour" or "$84,000.00 a year". */
export function payText(pay: Pay): string {
  return `${formatCents(pay.rateCents)} ${pay.type === 'hourly' ? 'an hour' : 'a year'}`;
}

/** "Full time · 1 FTE", "Part time · 0.6 FTE". */
export function employmentText(s: Pick<Staff, 'employmentType' | 'fte'>): string {
  return `${EMPLOYMENT_TYPE_LABELS[s.employmentType]} · ${s.fte.toLocaleString('en-US', { maximumFractionDigits: 2 })} FTE`;
}

/** Location names in the directory's order of the person's ids; an id no longer listed says so. */
export function locationNames(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  if (ids.length === 0) return '';
  return ids.map((id) => names.get(id) ?? 'A removed location').join(', ');
}
