import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  SwapAnswer,
  SwapAsk,
  SwapCancel,
  SwapDecision,
  SwapListQuery,
  SwapRequest,
  SwapSettings,
  SwapSettingsInput,
} from '../../../../shared/schemas/hr-swaps.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';
import { getMyShifts, getShiftWeek } from './shifts-api.ts';

/** Which requests the list shows: the ones still waiting (for the colleague or a manager), or every one. */
export type SwapShow = NonNullable<SwapListQuery['status']>;

/** One page of swap requests, newest first: everyone's for owners and managers, one's own otherwise. */
export const listSwapRequests = query(
  (status: SwapShow, cursor: string | undefined, limit: number) =>
    api<Page<SwapRequest>>('/hr/swap-requests', { query: { status, cursor, limit } }),
  'hrSwapRequests',
);

/**
 * An approved swap moves the shift (the week and both people's own lists), and a request raises or
 * closes a Today item for managers: every change re-reads all of them.
 */
const KEYS = [listSwapRequests.key, getShiftWeek.key, getMyShifts.key, getToday.key, getTodayCounts.key];

const post = (path: string, body: unknown) => mutate(api<SwapRequest>(path, { method: 'POST', body }), KEYS);

/** The shift's own person asks to hand it to a colleague (201; 409 when one is already waiting). */
export const askSwap = (shiftId: string, body: SwapAsk) =>
  post(`/hr/shifts/${encodeURIComponent(shiftId)}/swap`, body);

/** Owners and managers approve (the shift is reassigned) or decline, at the version read. */
export const decideSwap = (id: string, body: SwapDecision) =>
  post(`/hr/swap-requests/${encodeURIComponent(id)}/decision`, body);

/** The person who asked withdraws a waiting request. */
export const cancelSwap = (id: string, body: SwapCancel) =>
  post(`/hr/swap-requests/${encodeURIComponent(id)}/cancel`, body);

/** The colleague asked accepts (a manager decides next) or declines, at the version read. */
export const answerSwap = (id: string, body: SwapAnswer) =>
  post(`/hr/swap-requests/${encodeURIComponent(id)}/answer`, body);

/** Whether the colleague accepts a swap before a manager decides (off until saved). */
export const getSwapSettings = query(() => api<SwapSettings>('/hr/swap-settings'), 'hrSwapSettings');

export const saveSwapSettings = (body: SwapSettingsInput) =>
  mutate(api<SwapSettings>('/hr/swap-settings', { method: 'PUT', body }), [getSwapSettings.key]);
