import { pageOf } from '../../shared/schemas/common.ts';
import { ShiftIdParamsSchema } from '../../shared/schemas/hr-shifts.ts';
import {
  SwapAnswerSchema,
  SwapAskSchema,
  SwapCancelSchema,
  SwapDecisionSchema,
  SwapIdParamsSchema,
  SwapListQuerySchema,
  SwapRequestSchema,
  SwapSettingsInputSchema,
  SwapSettingsSchema,
} from '../../shared/schemas/hr-swaps.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  answerSwap,
  askSwap,
  cancelSwap,
  decideSwap,
  getSwapSettings,
  listSwaps,
  saveSwapSettings,
} from './swaps.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Shift swap requests: anyone asks about their own shift; the colleague accepts first when the
 * practice's setting says so; owners and managers decide.
 */
export function swapRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/swap-settings',
      summary:
        'The practice’s swap settings: whether the colleague accepts before a manager decides (off, version 0, until saved)',
      roles: 'practice',
      response: SwapSettingsSchema,
    },
    (r) => getSwapSettings(r.db),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/swap-settings',
      summary: 'Save the swap settings at the version read (0 the first time)',
      roles: 'practiceAdmins',
      body: SwapSettingsInputSchema,
      response: SwapSettingsSchema,
    },
    (r) => saveSwapSettings(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts/:id/swap',
      summary: 'Ask to hand one’s own upcoming shift to a colleague at the same location (a manager decides)',
      roles: 'practice',
      params: ShiftIdParamsSchema,
      body: SwapAskSchema,
      response: SwapRequestSchema,
      status: 201,
    },
    (r) => askSwap(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/swap-requests',
      summary: 'Swap requests newest first (pending by default): managers see all, anyone else their own',
      roles: 'practice',
      query: SwapListQuerySchema,
      response: pageOf(SwapRequestSchema),
    },
    (r) => listSwaps(r.db, r.auth, r.query, pageArgs(r.query, 25).limit),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/swap-requests/:id/decision',
      summary: 'Approve (the shift becomes the colleague’s) or decline a pending request',
      roles: 'practiceAdmins',
      params: SwapIdParamsSchema,
      body: SwapDecisionSchema,
      response: SwapRequestSchema,
    },
    (r) => decideSwap(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/swap-requests/:id/answer',
      summary:
        'The colleague asked accepts (the request goes to the managers) or declines (it ends, with a note for the person)',
      roles: 'practice',
      params: SwapIdParamsSchema,
      body: SwapAnswerSchema,
      response: SwapRequestSchema,
    },
    (r) => answerSwap(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/swap-requests/:id/cancel',
      summary: 'The person who asked withdraws their pending request',
      roles: 'practice',
      params: SwapIdParamsSchema,
      body: SwapCancelSchema,
      response: SwapRequestSchema,
    },
    (r) => cancelSwap(r.db, r.auth, r.params.id, r.body),
  );
}
