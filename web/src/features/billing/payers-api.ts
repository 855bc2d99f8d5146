import { query } from '@solidjs/router';
import type * as z from 'zod/mini';
import type { FeeSchema, Payer, PayerUpdate } from '../../../../shared/schemas/billing-payers.ts';
import type { Page } from '../../../../shared/schemas/common.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

export type Fee = z.infer<typeof FeeSchema>;

/** Every payer on the practice's claims: filing windows, contract and a 12-month scorecard. */
export const getPayers = query(() => api<{ items: Payer[] }>('/billing/payers'), 'billingPayers');

/** One page of a payer's fee schedule, by code. */
export const listFees = query(
  (payerId: string, cursor: string | undefined, limit: number) =>
    api<Page<Fee>>(`/billing/payers/${encodeURIComponent(payerId)}/fees`, { query: { cursor, limit } }),
  'billingPayerFees',
);

/** A payer's windows and contract move the scorecard and the notice-deadline item on Today. */
const KEYS = [getPayers.key, getToday.key, getTodayCounts.key];

/**
 * Saves a payer's filing windows and contract. The API stores the contract as sent: leaving it
 * out removes it as `null` does, so the whole contract is always sent.
 */
export const updatePayer = (payerId: string, body: PayerUpdate) =>
  mutate(api<Payer>(`/billing/payers/${encodeURIComponent(payerId)}`, { method: 'PUT', body }), KEYS);

/** Everything a fee schedule import moves: which payers have one, and their fee lists. */
export const FEE_KEYS = [getPayers.key, listFees.key];

/** The platform import route for fee schedules (kind `billing.fee_schedule`). */
export const FEE_IMPORT_ENDPOINT = '/billing/fee-schedules/import';
export const FEE_IMPORT_KIND = 'billing.fee_schedule';

export { FEE_SCHEDULE_COLUMNS as FEE_COLUMNS } from '../../../../shared/billing/csv-columns.ts';
export { DEFAULT_NOTICE_DAYS } from '../../../../shared/schemas/billing-payers.ts';
