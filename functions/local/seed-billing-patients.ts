import { addDays } from '../../shared/time.ts';
import type { Remittance835 } from '../../shared/x12/x12-types.ts';
import { paymentsCsvImport } from '../billing/csv-payments.service.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { importChunk } from '../platform/imports/import.service.ts';

/**
 * The demo's patients pay their share: most pay it two to seven weeks after the payer's remittance
 * told them what they owe; about one in seven has not paid yet. Without this every copay and
 * coinsurance of the year would still be owed, and days in A/R would climb month after month as no
 * practice's do. Posted through the payments CSV import, as a practice without an 835 for patient
 * money would post them, dated the day each was paid.
 */

const ROWS_PER_CHUNK = 100;

/** month/day/year, the order a US practice's CSV files use. */
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

export async function seedPatientPayments(
  db: TenantDb,
  remittances: readonly Remittance835[],
  today: string,
): Promise<void> {
  // By claim: a reversed and re-paid claim is owed (and paid) once, after its latest payment.
  const rowsByClaim = new Map<string, string>();
  for (const r of remittances) {
    for (const c of r.claims) {
      if (c.statusCode !== '1' || c.patientResponsibilityCents <= 0) continue;
      const n = Number(c.claimId.replace(/\D/g, ''));
      if (n % 7 === 0) continue;
      const paidOn = addDays(r.paymentDate, 14 + (n % 36));
      if (paidOn > today) continue;
      rowsByClaim.set(
        c.claimId,
        `${c.claimId},${usDate(paidOn)},patient,${(c.patientResponsibilityCents / 100).toFixed(2)}`,
      );
    }
  }
  const rows = [...rowsByClaim.values()];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    const csv = ['claim_id,posted_date,payer,amount_paid', ...rows.slice(i, i + ROWS_PER_CHUNK)].join('\n');
    await importChunk(db, paymentsCsvImport, { csv, dryRun: false, firstRow: i + 1 });
  }
}
