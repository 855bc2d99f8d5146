import type {
  CaqhProfile,
  CredentialingRecord,
  ProviderLogin,
} from '../../shared/schemas/billing-credentialing.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, conflict } from '../platform/errors.ts';
import { toLogin } from './provider-login.repo.ts';

/**
 * Credentialing's storage: every provider × payer record and every CAQH profile of a practice sit
 * in one partition (tenantKeys.credentialingPartition), so the grid and the claims' flags are one
 * Query each; the login ↔ NPI links sit there too (provider-login.repo.ts), so the grid shows them
 * at no extra read. Writes are conditional: a new item must not exist, a change must be at the
 * version read.
 */

/** A CAQH profile as stored: the profile and whose it is. */
export type StoredCaqh = CaqhProfile & { npi: string };

const RECORD_PREFIX = 'C#';
const CAQH_PREFIX = 'CAQH#';
/** A practice has tens of providers and payers; this bounds a pathological partition. */
const MAX_ITEMS = 5000;
const OPTIONAL_RECORD_FIELDS = [
  'submittedDate',
  'effectiveDate',
  'recredentialDate',
  'terminatedDate',
  'note',
] as const;

export const staleCredentialing = () =>
  new AppError('stale_version', 'Someone changed this meanwhile; reload and try again');

/** Every item of the partition whose sort key starts with `prefix` ('' for all), page after page. */
async function readPartition(db: TenantDb, prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.credentialingPartition(db),
      ...(prefix ? { skPrefix: prefix } : {}),
      limit: 1000,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_ITEMS);
  return items;
}

/** A stored record or profile is written whole: create at version 1, or replace at the version read. */
function versionedWrite(
  key: { PK: string; SK: string },
  fields: Record<string, unknown>,
  version: number,
  cleared: string[],
): WriteOp {
  if (version === 0) {
    return { kind: 'create', item: { ...key, ...fields, version: 1 }, onFail: staleCredentialing };
  }
  return {
    kind: 'update',
    key,
    set: fields,
    remove: cleared,
    expectedVersion: version,
    onFail: staleCredentialing,
  };
}

export const credentialingRepo = {
  /** The whole partition: every record, every CAQH profile and each NPI's login link. */
  async all(
    db: TenantDb,
  ): Promise<{ records: CredentialingRecord[]; caqh: StoredCaqh[]; logins: ProviderLogin[] }> {
    const items = await readPartition(db, '');
    const records: CredentialingRecord[] = [];
    const caqh: StoredCaqh[] = [];
    const logins: ProviderLogin[] = [];
    for (const item of items) {
      const sk = String(item.SK);
      if (sk.startsWith(RECORD_PREFIX)) records.push(strip<CredentialingRecord>(item));
      else if (sk.startsWith(CAQH_PREFIX)) caqh.push(strip<StoredCaqh>(item));
      else if (sk.startsWith(tenantKeys.providerLoginByNpiPrefix)) logins.push(toLogin(item));
    }
    return { records, caqh, logins };
  },

  /** Every provider × payer record (no profiles). */
  async records(db: TenantDb): Promise<CredentialingRecord[]> {
    return (await readPartition(db, RECORD_PREFIX)).map((i) => strip<CredentialingRecord>(i));
  },

  async get(db: TenantDb, npi: string, payerId: string): Promise<CredentialingRecord | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.credentialing(db, npi, payerId));
    return item ? strip<CredentialingRecord>(item) : undefined;
  },

  async getCaqh(db: TenantDb, npi: string): Promise<StoredCaqh | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.caqhProfile(db, npi));
    return item ? strip<StoredCaqh>(item) : undefined;
  },

  /** The billing directory's names for a provider and (optionally) a payer: one BatchGet. */
  async directoryNames(
    db: TenantDb,
    npi: string,
    payerId?: string,
  ): Promise<{ providerName?: string; payerName?: string }> {
    const keys = [
      tenantKeys.billingProvider(db, npi),
      ...(payerId ? [tenantKeys.billingPayer(db, payerId)] : []),
    ];
    const items = await db.batchGet<{ SK: string; name: string }>(keys);
    const provider = items.find((i) => i.SK === keys[0]!.SK);
    const payer = payerId ? items.find((i) => i.SK === keys[1]!.SK) : undefined;
    return {
      ...(provider ? { providerName: provider.name } : {}),
      ...(payer ? { payerName: payer.name } : {}),
    };
  },

  /** Saves the record when it is still at `readVersion` (0: it must not exist yet). */
  writeOp(db: TenantDb, record: Omit<CredentialingRecord, 'version'>, readVersion: number): WriteOp {
    const cleared = OPTIONAL_RECORD_FIELDS.filter((f) => record[f] === undefined);
    const fields = { type: 'credentialing', ...record };
    return versionedWrite(
      tenantKeys.credentialing(db, record.npi, record.payerId),
      fields,
      readVersion,
      cleared,
    );
  },

  /** Saves the CAQH profile when it is still at `readVersion` (0: it must not exist yet). */
  caqhWriteOp(db: TenantDb, profile: Omit<StoredCaqh, 'version'>, readVersion: number): WriteOp {
    const cleared = profile.caqhId === undefined ? ['caqhId'] : [];
    const fields = { type: 'caqh_profile', ...profile };
    return versionedWrite(tenantKeys.caqhProfile(db, profile.npi), fields, readVersion, cleared);
  },

  /** Lists a provider in the billing directory beside those seen on remittances; once per NPI. */
  addProviderOp(db: TenantDb, provider: { npi: string; name: string }): WriteOp {
    return {
      kind: 'create',
      item: { ...tenantKeys.billingProvider(db, provider.npi), npi: provider.npi, name: provider.name },
      onFail: () => conflict('A provider with this NPI is already listed'),
    };
  },
};
