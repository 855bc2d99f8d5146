import { query } from '@solidjs/router';
import type * as z from 'zod/mini';
import type {
  Aging,
  ClaimAssign,
  ClaimBatchPreview,
  ClaimBatchResult,
  ClaimDetail,
  ClaimDto,
  ClaimFollowUp,
  ClaimState,
  Dashboard,
  RemittanceImportResult,
  RemittancePreview,
  RemittanceSchema,
  X12Upload,
} from '../../../../shared/schemas/billing.ts';
import type { Page } from '../../../../shared/schemas/common.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

export type RemittanceDto = z.infer<typeof RemittanceSchema>;
export type AgingBy = Aging['by'];
export type ClaimListState = ClaimState | 'open';

/** The dashboard's filters, as the URL and the API name them (payer id, provider NPI, location id). */
export interface DashboardFilters {
  months: number;
  payer?: string;
  provider?: string;
  location?: string;
}

/** The claims list's filters, as the URL and the API name them. */
export interface ClaimFilters {
  state: ClaimListState;
  payer?: string;
  provider?: string;
  /** A location id, or `-` for claims whose location is not known. */
  location?: string;
  q?: string;
  /** Dates of service, YYYY-MM-DD, both days included. */
  serviceFrom?: string;
  serviceTo?: string;
  sort: 'oldest' | 'newest';
}

/** Months of KPIs (oldest first) ending with the current month, with breakdowns and the filter lists. */
export const getDashboard = query(
  (f: DashboardFilters) =>
    api<Dashboard>('/billing/dashboard', {
      query: { months: f.months, payer: f.payer, provider: f.provider, location: f.location },
    }),
  'billingDashboard',
);

/**
 * The payers and providers Rounds has seen on remittances, for the claims list's filters. The API
 * has no list of its own for them: the one-month dashboard carries both and is the cheapest read.
 */
/** The payers and providers seen on claims, for the filters. */
export const getDirectory = query(
  () =>
    api<{ payers: { id: string; name: string }[]; providers: { npi: string; name: string }[] }>(
      '/billing/directory',
    ),
  'billingDirectory',
);

/** Today's A/R in five age buckets, by payer, provider or location. */
export const getAging = query(
  (by: AgingBy) => api<Aging>('/billing/aging', { query: { by } }),
  'billingAging',
);

export const listClaims = query(
  (f: ClaimFilters, cursor: string | undefined, limit: number) =>
    api<Page<ClaimDto>>('/billing/claims', {
      query: {
        state: f.state,
        payer: f.payer,
        provider: f.provider,
        location: f.location,
        q: f.q,
        serviceFrom: f.serviceFrom,
        serviceTo: f.serviceTo,
        sort: f.sort,
        cursor,
        limit,
      },
    }),
  'billingClaims',
);

export const getClaim = query(
  (id: string) => api<ClaimDetail>(`/billing/claims/${encodeURIComponent(id)}`),
  'billingClaim',
);

/** Imported remittances, newest payment first. */
export const listRemittances = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<RemittanceDto>>('/billing/remittances', { query: { cursor, limit } }),
  'billingRemittances',
);

/** Every billing read a remittance or a claim change can move. */
const BILLING_KEYS = [
  getDashboard.key,
  getDirectory.key,
  getAging.key,
  listClaims.key,
  getClaim.key,
  listRemittances.key,
];

/** What importing an 835 would do; writes nothing, so nothing is re-read. */
export const previewRemittances = (body: X12Upload) =>
  api<RemittancePreview>('/billing/remittances/preview', { method: 'POST', body });

export const importRemittances = (body: X12Upload) =>
  mutate(api<RemittanceImportResult>('/billing/remittances', { method: 'POST', body }), BILLING_KEYS);

/** What importing an 837P would do; writes nothing. */
export const previewClaimBatch = (body: X12Upload) =>
  api<ClaimBatchPreview>('/billing/claim-batches/preview', { method: 'POST', body });

export const importClaimBatch = (body: X12Upload) =>
  mutate(api<ClaimBatchResult>('/billing/claim-batches', { method: 'POST', body }), BILLING_KEYS);

/** A claim's follow-up is a Today item: assigning or working it also moves Today's list and count. */
const CLAIM_KEYS = [...BILLING_KEYS, getToday.key, getTodayCounts.key];

/** Gives the claim to a person with a follow-up date (a Today item for them). */
export const assignClaim = (id: string, body: ClaimAssign) =>
  mutate(
    api<ClaimDto>(`/billing/claims/${encodeURIComponent(id)}/assign`, { method: 'POST', body }),
    CLAIM_KEYS,
  );

/** Records work on the claim: a note, an appeal or its outcome, or a write-off. */
export const recordFollowUp = (id: string, body: ClaimFollowUp) =>
  mutate(
    api<ClaimDto>(`/billing/claims/${encodeURIComponent(id)}/follow-ups`, { method: 'POST', body }),
    CLAIM_KEYS,
  );
