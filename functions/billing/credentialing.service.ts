/**
 * Credentialing: each provider's standing with each payer, the re-credentialing date and the CAQH
 * re-attestation (each a due date with alerts), and the flag a claim gets when its provider was not
 * in network with its payer on the date of service.
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's time zone sets the
 * alerts' local hour).
 */
import {
  CAQH_ATTESTATION_DAYS,
  type CaqhAttest,
  type CaqhProfile,
  CREDENTIALING_STATUS_LABELS,
  type CredentialingGrid,
  type CredentialingProvider,
  type CredentialingRecord,
  type CredentialingStatus,
  type CredentialingUpsert,
  type ProviderAdd,
} from '../../shared/schemas/billing-credentialing.ts';
import { addDays } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import {
  cancelDueDateOps,
  type DueThingInput,
  loadDueThing,
  planDueDateOps,
} from '../platform/due/due-dates.ts';
import { notFound } from '../platform/errors.ts';
import { pairRef } from '../platform/today/today-items.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { credentialingRepo as repo, type StoredCaqh, staleCredentialing } from './credentialing.repo.ts';
import { billingDirectory } from './remittance.repo.ts';

/** Managers hear of a re-credentialing date this many days ahead, and on the day. */
export const RECREDENTIAL_ALERT_DAYS = [90, 60, 30, 0] as const;
/** And of a CAQH re-attestation this many days ahead, and on the day. */
export const CAQH_ALERT_DAYS = [30, 14, 0] as const;
const LINK = '/app/billing/credentialing';
/** A denied or terminated provider is not re-credentialed: their date stops alerting. */
const ENDED: readonly CredentialingStatus[] = ['denied', 'terminated'];

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const profileOf = ({ npi: _npi, ...profile }: StoredCaqh): CaqhProfile => profile;

/** The grid: providers (directory ∪ those with records) × the directory's payers, and the records. */
export async function credentialingGrid(db: TenantDb): Promise<CredentialingGrid> {
  const [directory, stored] = await Promise.all([billingDirectory(db), repo.all(db)]);
  const providers = new Map(directory.providers.map((p) => [p.npi, p.name]));
  const payers = new Map(directory.payers.map((p) => [p.id, p.name]));
  for (const r of stored.records) {
    if (!providers.has(r.npi)) providers.set(r.npi, r.providerName);
    if (!payers.has(r.payerId)) payers.set(r.payerId, r.payerName);
  }
  const caqh = new Map(stored.caqh.map((c) => [c.npi, profileOf(c)]));
  const logins = new Map(stored.logins.map((l) => [l.npi, l]));
  return {
    providers: [...providers]
      .map(([npi, name]): CredentialingProvider => {
        const profile = caqh.get(npi);
        const login = logins.get(npi);
        return { npi, name, ...(profile ? { caqh: profile } : {}), ...(login ? { login } : {}) };
      })
      .sort(byName),
    payers: [...payers].map(([id, name]) => ({ id, name })).sort(byName),
    records: stored.records.sort((a, b) => (a.npi + a.payerId).localeCompare(b.npi + b.payerId)),
  };
}

/** The provider's name: from the directory, else from any credentialing record of theirs; 404 when neither knows the NPI. */
export async function providerName(db: TenantDb, npi: string, fromDirectory?: string, fromRecord?: string) {
  const name =
    fromDirectory ?? fromRecord ?? (await repo.records(db)).find((r) => r.npi === npi)?.providerName;
  if (!name) throw notFound('Provider');
  return name;
}

/** Saves a provider's standing with a payer; the re-credentialing alerts follow its date and status. */
export async function saveCredentialing(
  db: TenantDb,
  npi: string,
  payerId: string,
  input: CredentialingUpsert,
): Promise<CredentialingRecord> {
  const [existing, names] = await Promise.all([
    repo.get(db, npi, payerId),
    repo.directoryNames(db, npi, payerId),
  ]);
  const name = await providerName(db, npi, names.providerName, existing?.providerName);
  const payerName = names.payerName ?? existing?.payerName;
  if (!payerName) throw notFound('Payer');
  if ((existing?.version ?? 0) !== input.version) throw staleCredentialing();
  const { version, note, ...fields } = input;
  const record: Omit<CredentialingRecord, 'version'> = {
    npi,
    providerName: name,
    payerId,
    payerName,
    ...fields,
    ...(note ? { note } : {}),
    updatedAt: db.now().toISOString(),
  };
  const alerts = await recredentialAlertOps(db, record);
  await db.writeWithPlatformItems([repo.writeOp(db, record, version), ...alerts.ops], alerts.platformOps, {
    action: 'billing.credentialing_saved',
    entityType: 'provider',
    entityId: npi,
    entityName: name,
    detail: `${payerName}: ${CREDENTIALING_STATUS_LABELS[record.status]}`,
    summary: `Credentialing of ${name} with ${payerName}: ${CREDENTIALING_STATUS_LABELS[record.status]}`,
  });
  return { ...record, version: version + 1 };
}

/** Records a CAQH re-attestation: the next one is due 120 days later, with alerts ahead of it. */
export async function attestCaqh(db: TenantDb, npi: string, input: CaqhAttest): Promise<CaqhProfile> {
  const [existing, names] = await Promise.all([repo.getCaqh(db, npi), repo.directoryNames(db, npi)]);
  const name = await providerName(db, npi, names.providerName);
  if ((existing?.version ?? 0) !== input.version) throw staleCredentialing();
  const profile: Omit<StoredCaqh, 'version'> = {
    npi,
    ...(input.caqhId ? { caqhId: input.caqhId } : {}),
    lastAttestedDate: input.lastAttestedDate,
    nextDueDate: addDays(input.lastAttestedDate, CAQH_ATTESTATION_DAYS),
  };
  const alerts = await alertOps(db, {
    kind: 'caqh',
    ref: npi,
    title: `CAQH re-attestation for ${name}`,
    verb: 'is due',
    dueDate: profile.nextDueDate,
    offsets: CAQH_ALERT_DAYS,
  });
  await db.writeWithPlatformItems(
    [repo.caqhWriteOp(db, profile, input.version), ...alerts.ops],
    alerts.platformOps,
    {
      action: 'billing.caqh_attested',
      entityType: 'provider',
      entityId: npi,
      entityName: name,
      detail: `next due ${profile.nextDueDate}`,
      summary: `CAQH re-attestation of ${name} on ${input.lastAttestedDate}, next due ${profile.nextDueDate}`,
    },
  );
  return profileOf({ ...profile, version: input.version + 1 });
}

/** Lists a provider (by NPI) for credentialing before any remittance has named them. */
export async function addBillingProvider(
  db: TenantDb,
  input: ProviderAdd,
): Promise<{ npi: string; name: string }> {
  await db.write([repo.addProviderOp(db, input)], {
    action: 'billing.provider_added',
    entityType: 'provider',
    entityId: input.npi,
    entityName: input.name,
    summary: `Listed ${input.name} (NPI ${input.npi}) for billing`,
  });
  return { npi: input.npi, name: input.name };
}

type Alert = Pick<DueThingInput, 'kind' | 'ref' | 'title' | 'verb' | 'dueDate'> & {
  offsets: readonly number[];
};

/** Plans (or re-plans) one of credentialing's due dates for the managers, in the practice's zone. */
async function alertOps(db: TenantDb, alert: Alert): Promise<{ ops: WriteOp[]; platformOps: WriteOp[] }> {
  const [existing, tenant] = await Promise.all([
    loadDueThing(db, 'billing', alert.kind, alert.ref),
    getTenant(db),
  ]);
  const input = { ...alert, source: 'billing' as const, link: LINK, owner: { role: 'manager' as const } };
  const { ops, platformOps } = planDueDateOps(
    db,
    existing,
    { ...input, timeZone: tenant.timeZone },
    db.now(),
  );
  return { ops, platformOps };
}

/** The re-credentialing alerts: planned while there is a date and the provider is not dropped. */
async function recredentialAlertOps(db: TenantDb, r: Omit<CredentialingRecord, 'version'>) {
  const ref = pairRef(r.npi, r.payerId);
  if (r.recredentialDate && !ENDED.includes(r.status)) {
    return alertOps(db, {
      kind: 'recredential',
      ref,
      title: `${r.providerName}'s credentialing with ${r.payerName}`,
      verb: 'is due for re-credentialing',
      dueDate: r.recredentialDate,
      offsets: RECREDENTIAL_ALERT_DAYS,
    });
  }
  const existing = await loadDueThing(db, 'billing', 'recredential', ref);
  return existing
    ? cancelDueDateOps(db, existing, { name: db.actor.name }, db.now())
    : { ops: [], platformOps: [] };
}

/**
 * A provider × payer pair that can make a claim out of network: `text` says why. A claim is covered
 * only when its service date falls in [from, until); a pair with neither bound covers no claim.
 */
export interface PairIssue {
  text: string;
  from?: string;
  until?: string;
}

/** The pair's issue for claims, if its status can leave a claim uncovered. */
function pairIssue(r: CredentialingRecord): PairIssue {
  const label = CREDENTIALING_STATUS_LABELS[r.status];
  if (r.status === 'effective') {
    return {
      text: `Not yet effective with ${r.payerName} on the date of service (effective ${r.effectiveDate ?? 'date unknown'})`,
      ...(r.effectiveDate ? { from: r.effectiveDate } : {}),
    };
  }
  if (r.status === 'terminated') {
    const bounds = {
      ...(r.effectiveDate ? { from: r.effectiveDate } : {}),
      ...(r.terminatedDate ? { until: r.terminatedDate } : {}),
    };
    const when = r.terminatedDate ? ` ${r.terminatedDate}` : '';
    return { text: `Not credentialed with ${r.payerName} (status: ${label}${when})`, ...bounds };
  }
  return { text: `Not credentialed with ${r.payerName} (status: ${label})` };
}

/**
 * Every credentialing record as a possible claim issue, keyed `${npi}|${payerId}`: one Query, so a
 * claims page flags all its claims with one read. Pairs with no record are not flagged (a practice
 * that does not track credentialing sees no flags).
 */
export async function credentialingIssues(db: TenantDb): Promise<Map<string, PairIssue>> {
  const records = await repo.records(db);
  return new Map(records.map((r) => [`${r.npi}|${r.payerId}`, pairIssue(r)]));
}

/** What is wrong with this claim's provider and payer on its date of service, if anything. */
export function claimCredentialingIssue(
  issues: Map<string, PairIssue>,
  claim: { providerNpi?: string; payerId: string; serviceDate: string },
): string | undefined {
  const issue = claim.providerNpi ? issues.get(`${claim.providerNpi}|${claim.payerId}`) : undefined;
  if (!issue) return undefined;
  const covered =
    (issue.from || issue.until) &&
    (!issue.from || claim.serviceDate >= issue.from) &&
    (!issue.until || claim.serviceDate < issue.until);
  return covered ? undefined : issue.text;
}
