/**
 * Patient balances handed to a collections agency, as a CSV file a spreadsheet opens as-is (the
 * shared csvText: UTF-8 with a byte-order mark, CRLF rows, RFC 4180 quoting, no cell a
 * spreadsheet would run as a formula). Pure: the page reads the claims and saves the file.
 */
import { csvText } from '../../../../shared/csv.ts';
import type { ClaimDto } from '../../../../shared/schemas/billing.ts';

/** The minimum ages (days since the date of service) a collections export can start at. */
export const COLLECTION_MIN_AGES = [60, 90, 120] as const;
export type CollectionMinAge = (typeof COLLECTION_MIN_AGES)[number];
export const DEFAULT_COLLECTION_MIN_AGE: CollectionMinAge = 90;

export const isCollectionMinAge = (n: number): n is CollectionMinAge =>
  (COLLECTION_MIN_AGES as readonly number[]).includes(n);

/** What a row needs from a claim. */
export type CollectionClaim = Pick<
  ClaimDto,
  'id' | 'patientName' | 'serviceDate' | 'payerName' | 'patientBalanceCents'
>;

export interface CollectionRow {
  claimId: string;
  patientName: string;
  serviceDate: string;
  ageDays: number;
  payerName: string;
  balanceCents: number;
}

/** Whole calendar days from the date of service to `today` (both YYYY-MM-DD); never below 0. */
export function ageInDays(serviceDate: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${serviceDate}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 86_400_000)) : 0;
}

/** Integer cents as dollars with 2 decimals and no symbol or separators ("1234.50", "-12.05"). */
export function dollars(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  const sign = cents < 0 && abs > 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The claims a patient owes on that are at least `minAgeDays` old on `today`, oldest visit first
 * (then by claim id). Claims with nothing owed, or a credit, are left out.
 */
export function collectionRows(
  claims: readonly CollectionClaim[],
  today: string,
  minAgeDays: number,
): CollectionRow[] {
  return claims
    .map((c) => ({
      claimId: c.id,
      patientName: c.patientName,
      serviceDate: c.serviceDate,
      ageDays: ageInDays(c.serviceDate, today),
      payerName: c.payerName,
      balanceCents: c.patientBalanceCents,
    }))
    .filter((r) => r.balanceCents > 0 && r.ageDays >= minAgeDays)
    .sort((a, b) => b.ageDays - a.ageDays || a.claimId.localeCompare(b.claimId));
}

export const COLLECTION_HEADER = [
  'Claim id',
  'Patient name',
  'Service date',
  'Age (days)',
  'Payer',
  'Balance (USD)',
] as const;

/** The rows as CSV text with a header row. */
export function collectionsCsv(rows: readonly CollectionRow[]): string {
  return csvText([
    [...COLLECTION_HEADER],
    ...rows.map((r) => [
      r.claimId,
      r.patientName,
      r.serviceDate,
      String(r.ageDays),
      r.payerName,
      dollars(r.balanceCents),
    ]),
  ]);
}

/** "rounds-collections-90-days-2026-12-01.csv". */
export const collectionsFileName = (today: string, minAgeDays: number) =>
  `rounds-collections-${minAgeDays}-days-${today}.csv`;

/** Σ of the rows' balances, in cents. */
export const totalCents = (rows: readonly CollectionRow[]) => rows.reduce((s, r) => s + r.balanceCents, 0);
