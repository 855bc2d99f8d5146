import { addDays, localParts } from '../../shared/time.ts';
import type { Claim837, Remittance835 } from '../../shared/x12/x12-types.ts';
import { write835, write837P } from '../../shared/x12/x12-writer.ts';
import { importClaimBatch } from '../billing/claim-import.service.ts';
import { assignClaim, listClaims } from '../billing/claims.service.ts';
import { saveCredentialing } from '../billing/credentialing.service.ts';
import { feeScheduleImport } from '../billing/fee-schedule-import.ts';
import { updatePayer } from '../billing/payers.service.ts';
import { setProviderLogin } from '../billing/provider-login.service.ts';
import { importRemittances } from '../billing/remittances.service.ts';
import { checkTimelyFiling } from '../billing/timely-filing.service.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { importChunk } from '../platform/imports/import.service.ts';
import { demoBilling } from './billing-demo.ts';
import type { SeedX12File } from './seed-billing-files.ts';
import { seedPatientPayments } from './seed-billing-patients.ts';

/**
 * The demo practice's billing year: its claims go in as monthly 837P batches and the payers'
 * weekly 835s after them, through the same imports a practice uses, so every total on the billing
 * pages comes from the ledger exactly as it would in use. Aetna has not credentialed Dr. Alvarez
 * yet (her Aetna claims are denied), and two denials are already assigned to the billing staff.
 * Aetna's contract says 70% of charges but Aetna allows about 61%: its fee schedule, imported before
 * the remittances, flags the shortfall on every line it prices. Dr. Raman's login is linked to her
 * NPI, so signing in as her shows My production. The latest month's 837P and 835 come back to the
 * caller, which keeps them in Documents to import again.
 */

const PROVIDERS = [
  { npi: '1336421879', name: 'Priya Raman', facilities: ['Main Street Clinic'] },
  { npi: '1588765433', name: 'Marcus Chen', facilities: ['Main Street Clinic'] },
  { npi: '1215038962', name: 'Elena Alvarez', facilities: ['Main Street Clinic', 'Westside Clinic'] },
  { npi: '1902873345', name: 'Jordan Ellis', facilities: ['Westside Clinic'] },
];
/** Demo logins linked to their billing NPI (the provider sees that NPI's production). */
const LINKED_LOGINS = [{ npi: '1336421879', email: 'praman@maplestreet.example' }];
const ENVELOPE = { senderId: 'MAPLESTREET', receiverId: 'CLEARINGHOUSE' };

/** Claims grouped by the month they were submitted: one 837P file each, as a billing system sends. */
function byMonth<T>(items: T[], date: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items)
    groups.set(date(item).slice(0, 7), [...(groups.get(date(item).slice(0, 7)) ?? []), item]);
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
}

export async function seedBilling(
  db: TenantDb,
  timeZone: string,
  billers: { userId: string; name: string }[],
  /** The demo team's user ids by email. */
  userIds: ReadonlyMap<string, string>,
): Promise<{ claims: SeedX12File; remittances: SeedX12File }> {
  const today = localParts(db.now().getTime(), timeZone).date;
  const demo = demoBilling({
    seed: 20261201,
    from: addDays(today, -365),
    days: 365,
    claimsPerDay: 6,
    today,
    providers: PROVIDERS,
    uncredentialed: { payerId: '60054', npi: '1215038962' },
  });
  let control = 1000;
  let lastClaims: SeedX12File | undefined;
  let lastRemittances: SeedX12File | undefined;
  for (const claims of byMonth<Claim837>(demo.claims, (c) => c.submittedDate)) {
    const text = write837P(claims, {
      ...ENVELOPE,
      interchangeControl: String(++control),
      date: claims[claims.length - 1]!.submittedDate,
    });
    lastClaims = { fileName: `claims-${claims[0]!.submittedDate.slice(0, 7)}.837`, text };
    await importClaimBatch(db, lastClaims);
  }
  await seedContracts(db, today);
  for (const remits of byMonth<Remittance835>(demo.remittances, (r) => r.paymentDate)) {
    const text = write835(remits, {
      senderId: 'PAYERS',
      receiverId: 'MAPLESTREET',
      interchangeControl: String(++control),
      date: remits[remits.length - 1]!.paymentDate,
    });
    lastRemittances = { fileName: `remittances-${remits[0]!.paymentDate.slice(0, 7)}.835`, text };
    await importRemittances(db, lastRemittances);
  }
  for (const link of LINKED_LOGINS) {
    const userId = userIds.get(link.email);
    if (userId) await setProviderLogin(db, link.npi, { userId, version: 0 });
  }
  await seedPatientPayments(db, demo.remittances, today);
  const denied = await listClaims(db, { state: 'denied', sort: 'newest' }, 4);
  for (const [i, claim] of denied.items.slice(0, 2).entries()) {
    const biller = billers[i % billers.length]!;
    await assignClaim(db, claim.id, {
      assigneeId: biller.userId,
      followUpDate: addDays(today, i + 1),
      note: 'Check the denial reason and appeal if it was our error',
      version: claim.version,
    });
  }
  // The morning's timely-filing check, as the hourly job raises it from 08:00.
  await checkTimelyFiling(db, today);
  if (!lastClaims || !lastRemittances) throw new Error('The demo billing year has no claims or remittances');
  return { claims: lastClaims, remittances: lastRemittances };
}

/** Aetna's contracted fees: 70% of the practice's charges (Aetna allows about 61%). */
const AETNA_FEES = [
  ['99212', 6650],
  ['99213', 10150],
  ['99214', 14700],
  ['99203', 12950],
  ['99204', 18550],
  ['99395', 16800],
  ['99396', 17850],
  ['36415', 1260],
  ['87880', 2940],
  ['93000', 4550],
  ['81002', 1050],
] as const;

/** The payers' windows, Aetna's contract and fee schedule, and Dr. Alvarez's Aetna application. */
async function seedContracts(db: TenantDb, today: string): Promise<void> {
  const csv = [
    'payer_id,code,allowed',
    ...AETNA_FEES.map(([code, cents]) => `60054,${code},${(cents / 100).toFixed(2)}`),
  ].join('\n');
  await importChunk(db, feeScheduleImport, { csv, dryRun: false });
  await updatePayer(db, '60054', {
    appealDays: 180,
    timelyFilingDays: 90,
    contract: {
      effectiveFrom: addDays(today, -700),
      renewalDate: addDays(today, 110),
      noticeDays: 90,
      note: 'Rates: 70% of billed charges',
    },
    version: 0,
  });
  await updatePayer(db, '15202', { appealDays: 120, timelyFilingDays: 365, version: 0 });
  await saveCredentialing(db, '1215038962', '60054', {
    status: 'in_process',
    submittedDate: addDays(today, -75),
    note: 'Application sent; Aetna asked for the malpractice certificate again',
    version: 0,
  });
}
