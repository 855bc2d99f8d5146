import { query } from '@solidjs/router';
import type {
  CaqhAttest,
  CaqhProfile,
  CredentialingGrid,
  CredentialingRecord,
  CredentialingUpsert,
  ProviderAdd,
  ProviderLogin,
  ProviderLoginSet,
} from '../../../../shared/schemas/billing-credentialing.ts';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { User } from '../../../../shared/schemas/team.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';
import { getDirectory, listClaims } from './api.ts';

/** Providers × payers with every credentialing record and each provider's CAQH attestation. */
export const getCredentialing = query(
  () => api<CredentialingGrid>('/billing/credentialing'),
  'billingCredentialing',
);

/**
 * What a credentialing change can move: the grid, the claims' out-of-network flags, the directory
 * (a new provider) and Today (re-credentialing and CAQH alerts close or move).
 */
const KEYS = [getCredentialing.key, listClaims.key, getDirectory.key, getToday.key, getTodayCounts.key];

const path = (npi: string, tail: string) => `/billing/credentialing/${encodeURIComponent(npi)}/${tail}`;

/** Saves a provider's credentialing with a payer (version 0 for a pair with no record yet). */
export const saveCredentialing = (npi: string, payerId: string, body: CredentialingUpsert) =>
  mutate(api<CredentialingRecord>(path(npi, encodeURIComponent(payerId)), { method: 'PUT', body }), KEYS);

/** Records a provider's CAQH re-attestation (the next is due 120 days later). */
export const attestCaqh = (npi: string, body: CaqhAttest) =>
  mutate(api<CaqhProfile>(path(npi, 'caqh'), { method: 'PUT', body }), KEYS);

/** Lists a provider by NPI before any remittance has named them. */
export const addCredentialingProvider = (body: ProviderAdd) =>
  mutate(
    api<{ npi: string; name: string }>('/billing/credentialing/providers', { method: 'POST', body }),
    KEYS,
  );

/** The team's active providers: the logins an owner or manager may link to an NPI. */
export const listProviderLogins = query(
  async () =>
    (await api<Page<User>>('/team', { query: { status: 'active', limit: 100 } })).items.filter(
      (u) => u.role === 'provider',
    ),
  'billingProviderLogins',
);

/** Links a provider's login to the NPI (userId null unlinks), at the link's version as read. */
export const setProviderLogin = (npi: string, body: ProviderLoginSet) =>
  mutate(
    api<ProviderLogin>(`/billing/credentialing/providers/${encodeURIComponent(npi)}/login`, {
      method: 'PUT',
      body,
    }),
    [getCredentialing.key],
  );
