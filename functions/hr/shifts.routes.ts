import * as z from 'zod/mini';
import { DateSchema } from '../../shared/schemas/common.ts';
import {
  CopyWeekResultSchema,
  LocationParamsSchema,
  ShiftIdParamsSchema,
  ShiftInputSchema,
  ShiftRemoveSchema,
  ShiftSchema,
  ShiftUpdateSchema,
  ShiftWeekQuerySchema,
  ShiftWeekSchema,
  ShiftWeekViewSchema,
  StaffingRulesInputSchema,
  StaffingRulesSchema,
} from '../../shared/schemas/hr-shifts.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  addShift,
  copyLastWeek,
  myShifts,
  publishWeek,
  removeShift,
  updateShift,
  weekView,
} from './shifts.service.ts';
import { getRules, saveRules } from './staffing-rules.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * The shift schedule. Owners and managers plan a location's week, copy last week's, publish it and
 * see coverage against the patients booked; everyone else sees a published week and their own shifts.
 */
export function shiftRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/shifts',
      summary:
        'A location’s week (Monday start): shifts, approved time off and, for owners and managers, coverage hour by hour against visits booked and providers in session; staff see a published week only',
      roles: 'practice',
      query: ShiftWeekQuerySchema,
      response: ShiftWeekViewSchema,
    },
    (r) => weekView(r.db, r.auth, r.query.locationId, r.query.weekOf),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/my-shifts',
      summary: 'The caller’s own shifts in published weeks, four weeks from `from` (today by default)',
      roles: 'practice',
      query: z.strictObject({ from: z.optional(DateSchema) }),
      response: z.object({ items: z.array(ShiftSchema) }),
    },
    (r) => myShifts(r.db, r.auth.userId, r.query.from),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts',
      summary:
        'Add a shift for a current member of staff at one of their locations (no overlap with their others)',
      roles: 'practiceAdmins',
      body: ShiftInputSchema,
      response: ShiftSchema,
      status: 201,
    },
    (r) => addShift(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts/copy-week',
      summary:
        'Copy last week’s shifts of the location into this week; people who left, are off or already work then are skipped and named',
      roles: 'practiceAdmins',
      body: ShiftWeekSchema,
      response: CopyWeekResultSchema,
    },
    (r) => copyLastWeek(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts/publish',
      summary: 'Publish a location’s week to staff',
      roles: 'practiceAdmins',
      body: ShiftWeekSchema,
      response: ShiftWeekViewSchema,
    },
    (r) => publishWeek(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/shifts/:id',
      summary: 'Move, retime or reassign a shift at the version read',
      roles: 'practiceAdmins',
      params: ShiftIdParamsSchema,
      body: ShiftUpdateSchema,
      response: ShiftSchema,
    },
    (r) => updateShift(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts/:id/remove',
      summary: 'Remove a shift read at `version`',
      roles: 'practiceAdmins',
      params: ShiftIdParamsSchema,
      body: ShiftRemoveSchema,
      status: 204,
    },
    async (r) => {
      await removeShift(r.db, r.params.id, r.body.version);
    },
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/staffing-rules/:locationId',
      summary: 'A location’s staffing rules, each in words',
      roles: 'practiceAdmins',
      params: LocationParamsSchema,
      response: StaffingRulesSchema,
    },
    (r) => getRules(r.db, r.params.locationId),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/staffing-rules/:locationId',
      summary:
        'Save a location’s staffing rules at the version read (0 the first time): people of a role per provider in session, or a minimum while more than N visits are booked',
      roles: 'practiceAdmins',
      params: LocationParamsSchema,
      body: StaffingRulesInputSchema,
      response: StaffingRulesSchema,
    },
    (r) => saveRules(r.db, r.params.locationId, r.body),
  );
}
