import {
  BillingProviderSchema,
  CaqhAttestSchema,
  CaqhParamsSchema,
  CaqhProfileSchema,
  CredentialingGridSchema,
  CredentialingParamsSchema,
  CredentialingRecordSchema,
  CredentialingUpsertSchema,
  ProviderAddSchema,
  ProviderLoginParamsSchema,
  ProviderLoginSchema,
  ProviderLoginSetSchema,
} from '../../shared/schemas/billing-credentialing.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  addBillingProvider,
  attestCaqh,
  credentialingGrid,
  saveCredentialing,
} from './credentialing.service.ts';
import { setProviderLogin } from './provider-login.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Credentialing: which provider is in network with which payer, and since when. The people who see
 * billing (owners, managers, billing staff) keep it; nobody else sees it. Which login reads an NPI's
 * production is set by owners and managers alone: it decides what a provider is shown.
 */
export function credentialingRoutes(route: Route) {
  const tag = 'billing';
  route(
    {
      tag,
      method: 'get',
      path: '/billing/credentialing',
      summary:
        'Providers × payers: each credentialing status and its dates, and each provider’s CAQH attestation',
      roles: 'revenue',
      response: CredentialingGridSchema,
    },
    (r) => credentialingGrid(r.db),
  );
  // Before /:npi/:payerId, which would otherwise take "caqh" for a payer id.
  route(
    {
      tag,
      method: 'put',
      path: '/billing/credentialing/:npi/caqh',
      summary:
        'Record a CAQH re-attestation; the next is due 120 days later, with alerts 30 and 14 days ahead',
      roles: 'revenue',
      params: CaqhParamsSchema,
      body: CaqhAttestSchema,
      response: CaqhProfileSchema,
    },
    (r) => attestCaqh(r.db, r.params.npi, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/billing/credentialing/:npi/:payerId',
      summary:
        'Save a provider’s credentialing with a payer (version 0 for a new one); a re-credentialing date alerts 90, 60 and 30 days ahead',
      roles: 'revenue',
      params: CredentialingParamsSchema,
      body: CredentialingUpsertSchema,
      response: CredentialingRecordSchema,
    },
    (r) => saveCredentialing(r.db, r.params.npi, r.params.payerId, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/billing/credentialing/providers',
      summary: 'List a provider by NPI for credentialing before any remittance has named them',
      roles: 'revenue',
      body: ProviderAddSchema,
      response: BillingProviderSchema,
      status: 201,
    },
    (r) => addBillingProvider(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/billing/credentialing/providers/:npi/login',
      summary:
        'Link a provider-role login to this NPI (userId null unlinks) so they see its production; one NPI per login and one login per NPI (409 otherwise)',
      roles: 'practiceAdmins',
      params: ProviderLoginParamsSchema,
      body: ProviderLoginSetSchema,
      response: ProviderLoginSchema,
    },
    (r) => setProviderLogin(r.db, r.params.npi, r.body),
  );
}
