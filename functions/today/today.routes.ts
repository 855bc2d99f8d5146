import * as z from 'zod/mini';
import { IdSchema, pageOf } from '../../shared/schemas/common.ts';
import {
  TodayActionSchema,
  TodayAssigneesSchema,
  TodayCountsSchema,
  TodayDoneQuerySchema,
  TodayItemSchema,
  TodayPreferencesSchema,
  TodayRequestInputSchema,
  TodayViewQuerySchema,
  TodayViewSchema,
} from '../../shared/schemas/today.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as today from './today.service.ts';

const IdParams = z.object({ id: IdSchema });

/** Today: every practice user's inbox of what needs them, across modules. */
export function createTodayApp(p: Platform) {
  const { route, domain } = defineDomain('today', p);
  const tag = 'today';
  const viewer = (r: { auth: { userId: string; role: string } }) => ({
    userId: r.auth.userId,
    role: r.auth.role,
  });

  route(
    {
      tag,
      method: 'get',
      path: '/today',
      summary: 'What needs me now: overdue, due today, upcoming and waiting on others',
      roles: 'practice',
      query: TodayViewQuerySchema,
      response: TodayViewSchema,
    },
    (r) => today.todayView(r.db, viewer(r), r.query.scope ?? 'mine'),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/today/counts',
      summary: 'Counts for the navigation badge',
      roles: 'practice',
      response: TodayCountsSchema,
    },
    (r) => today.todayCounts(r.db, viewer(r)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/today/items',
      summary: 'Jot down a request (who asked, what, by when, for whom)',
      roles: 'practice',
      body: TodayRequestInputSchema,
      response: TodayItemSchema,
      status: 201,
    },
    (r) => today.addRequest(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/today/assignees',
      summary: 'People and roles an item can be assigned to',
      roles: 'practice',
      response: TodayAssigneesSchema,
    },
    (r) => today.assignees(r.db),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/today/done',
      summary: 'Done items, newest first; q searches their words',
      roles: 'practice',
      query: TodayDoneQuerySchema,
      response: pageOf(TodayItemSchema),
    },
    (r) => today.listDone(r.db, pageArgs(r.query), r.query.q),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/today/items/:id',
      summary: 'One item with its comments',
      roles: 'practice',
      params: IdParams,
      response: TodayItemSchema,
    },
    (r) => today.getItem(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/today/items/:id/actions',
      summary: 'Mark done, reopen, snooze, reassign or comment',
      roles: 'practice',
      params: IdParams,
      body: TodayActionSchema,
      response: TodayItemSchema,
    },
    (r) => today.actOnItem(r.db, viewer(r), r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/today/preferences',
      summary: 'My Today preferences (the morning email)',
      roles: 'practice',
      response: TodayPreferencesSchema,
    },
    (r) => today.getPreferences(r.db),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/today/preferences',
      summary: 'Turn my morning email on or off',
      roles: 'practice',
      body: TodayPreferencesSchema,
      response: TodayPreferencesSchema,
    },
    (r) => today.setPreferences(r.db, r.body),
  );
  return domain;
}
