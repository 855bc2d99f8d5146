/**
 * A/R aging by day of service, from the ledger's A/R items (one Query however many claims).
 * Cross-domain reads: `getTenant` (the practice's time zone: how old is a balance today) and
 * `listLocations` (location names), both from tenants/settings.service.ts.
 */
import { AGING_BUCKETS, type Aging } from '../../shared/schemas/billing.ts';
import { daysBetween, localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getTenant, listLocations } from '../tenants/settings.service.ts';
import { type ArBalance, readArBalances } from './ledger.repo.ts';
import { billingDirectory } from './remittance.repo.ts';

/** Bucket floors in days; a balance `age` days old goes in the last bucket whose floor it reaches. */
const FLOORS = [0, 31, 61, 91, 121] as const;

/** Which aging bucket a balance of this age (days since service) falls in. */
export function agingBucket(ageDays: number): number {
  let i = 0;
  while (i + 1 < FLOORS.length && ageDays >= FLOORS[i + 1]!) i++;
  return i;
}

type Row = Aging['rows'][number];
const emptyRow = (key: string, label: string): Row => ({
  key,
  label,
  buckets: AGING_BUCKETS.map(() => 0),
  totalCents: 0,
});

function add(row: Row, bucket: number, cents: number): void {
  row.buckets[bucket] = (row.buckets[bucket] ?? 0) + cents;
  row.totalCents += cents;
}

/** Balances grouped by payer, provider or location into the five buckets, with insurance, patient and grand totals. */
export function ageBalances(
  balances: readonly ArBalance[],
  asOf: string,
  by: Aging['by'],
  labels: Map<string, string>,
): Omit<Aging, 'asOf' | 'by'> {
  const rows = new Map<string, Row>();
  const insurance = emptyRow('insurance', 'Insurance');
  const patient = emptyRow('patient', 'Patients');
  const total = emptyRow('total', 'Total');
  for (const b of balances) {
    const bucket = agingBucket(Math.max(0, daysBetween(b.serviceDate, asOf)));
    add(total, bucket, b.cents);
    add(b.owner === 'insurance' ? insurance : patient, bucket, b.cents);
    const key = by === 'payer' ? (b.owner === 'patient' ? 'PATIENT' : b.payer) : b[by];
    const label =
      key === 'PATIENT' ? 'Patients (after insurance)' : key === '-' ? 'Not known' : (labels.get(key) ?? key);
    const row = rows.get(key) ?? emptyRow(key, label);
    add(row, bucket, b.cents);
    rows.set(key, row);
  }
  return {
    buckets: [...AGING_BUCKETS],
    rows: [...rows.values()].filter((r) => r.totalCents !== 0).sort((a, b) => b.totalCents - a.totalCents),
    insurance,
    patient,
    total,
  };
}

/** Today's aging for the practice. */
export async function aging(db: TenantDb, by: Aging['by']): Promise<Aging> {
  const [tenant, balances, directory] = await Promise.all([
    getTenant(db),
    readArBalances(db),
    billingDirectory(db),
  ]);
  const asOf = localParts(db.now().getTime(), tenant.timeZone).date;
  const labels = new Map<string, string>([
    ...directory.payers.map((p): [string, string] => [p.id, p.name]),
    ...directory.providers.map((p): [string, string] => [p.npi, p.name]),
  ]);
  if (by === 'location') for (const l of await locationNames(db)) labels.set(l.id, l.name);
  return { asOf, by, ...ageBalances(balances, asOf, by, labels) };
}

/** Location names, archived ones too (old claims may name them). */
export async function locationNames(db: TenantDb): Promise<{ id: string; name: string }[]> {
  const page = await listLocations(db, { limit: 100, includeArchived: true });
  return page.items.map((l) => ({ id: l.id, name: l.name }));
}
