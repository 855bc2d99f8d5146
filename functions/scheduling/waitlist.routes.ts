import * as z from 'zod/mini';
import { IdSchema, PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  RecallInputSchema,
  RecallOutreachSchema,
  RecallQuerySchema,
  RecallSchema,
  WaitlistEntrySchema,
  WaitlistInputSchema,
} from '../../shared/schemas/scheduling.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import * as waitlist from './waitlist.service.ts';

const IdParams = z.object({ id: IdSchema });
const CloseWaitlistSchema = z.strictObject({
  status: z.enum(['booked', 'removed']),
  version: z.int().check(z.minimum(1)),
});

type Route = ReturnType<typeof defineDomain>['route'];

/** Waitlist and recalls. */
export function waitlistRoutes(route: Route, tag: string) {
  // --- waitlist and recalls ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/waitlist',
      summary: 'Patients waiting for an earlier visit, oldest first',
      roles: 'practice',
      query: PageQuerySchema,
      response: pageOf(WaitlistEntrySchema),
    },
    (r) => waitlist.listWaitlist(r.db, pageArgs(r.query)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/waitlist',
      summary: 'Put a patient on the waitlist',
      roles: 'frontDesk',
      body: WaitlistInputSchema,
      response: WaitlistEntrySchema,
      status: 201,
    },
    (r) => waitlist.addToWaitlist(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/waitlist/:id/close',
      summary: 'Mark a waitlist entry booked or removed',
      roles: 'frontDesk',
      params: IdParams,
      body: CloseWaitlistSchema,
      response: WaitlistEntrySchema,
    },
    (r) => waitlist.closeWaitlistEntry(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/recalls',
      summary: 'Open recalls, soonest due first',
      roles: 'practice',
      query: RecallQuerySchema,
      response: pageOf(RecallSchema),
    },
    (r) => waitlist.listRecalls(r.db, r.query.dueBy, pageArgs(r.query)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/recalls',
      summary: 'Add a recall (annual physical, follow-up)',
      roles: 'frontDesk',
      body: RecallInputSchema,
      response: RecallSchema,
      status: 201,
    },
    (r) => waitlist.createRecall(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/recalls/:id/outreach',
      summary: 'Record a recall call, text, mail or letter',
      roles: 'frontDesk',
      params: IdParams,
      body: RecallOutreachSchema,
      response: RecallSchema,
    },
    (r) => waitlist.recordOutreach(r.db, r.params.id, r.body),
  );
}
