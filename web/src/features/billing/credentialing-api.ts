import { query } from '@solidjs/router';
import type {
  CaqhAttest,
  CaqhProfile,
  CredentialingGrid,
  CredentialingRecord,
  CredentialingUpsert,
  ProviderAdd,
} from '../../../../shared/schemas/billing-credentialing.ts';
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
