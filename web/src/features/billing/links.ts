import type { ClaimListState } from './api.ts';

/** Query strings without the empty parts, so a link names only the filters it sets. */
function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** What the claims work list can be narrowed to; the dates of service are YYYY-MM-DD, both included. */
export interface ClaimsLinkFilters {
  state?: ClaimListState;
  payer?: string;
  provider?: string;
  /** A location id, or `-` for claims whose location is not known. */
  location?: string;
  q?: string;
  serviceFrom?: string;
  serviceTo?: string;
}

/** The claims work list, filtered: what every drill-down links to. */
export const claimsHref = (f: ClaimsLinkFilters = {}) =>
  withQuery('/app/billing/claims', {
    // Open is the list's default: it is left out of the link.
    state: f.state === 'open' ? undefined : f.state,
    payer: f.payer,
    provider: f.provider,
    location: f.location,
    q: f.q,
    serviceFrom: f.serviceFrom,
    serviceTo: f.serviceTo,
  });

export const claimHref = (id: string) => `/app/billing/claims/${encodeURIComponent(id)}`;

/** The overview, filtered. */
export const overviewHref = (f: { payer?: string; provider?: string; location?: string; months?: number }) =>
  withQuery('/app/billing', f);

export const IMPORT_HREF = '/app/billing/import';

/** Keys the API uses for "not known" (a claim without a provider or a location): nothing to filter by. */
export const isUnknownKey = (key: string) => key === '-' || key === '';
