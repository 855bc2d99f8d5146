import { query } from '@solidjs/router';
import type { MyProduction } from '../../../../shared/schemas/billing-production.ts';
import { api } from '../../lib/api.ts';

/** The signed-in provider's own production over the last 3, 6 or 12 months (the current one last). */
export const getMyProduction = query(
  (months: number) => api<MyProduction>('/billing/my-production', { query: { months } }),
  'billingMyProduction',
);
