import * as z from 'zod/mini';
import {
  AttendanceInputSchema,
  AttendanceQuerySchema,
  AttendanceRemoveSchema,
  AttendanceSchema,
} from '../../shared/schemas/hr-attendance.ts';
import { ShiftIdParamsSchema } from '../../shared/schemas/hr-shifts.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { getAttendance, listAttendance, recordAttendance, removeAttendance } from './attendance.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Attendance per shift: owners and managers log and correct it; a person reads their own (anyone
 * else's is a 404). Attendance is sensitive HR data: it never reaches other roles.
 */
export function attendanceRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts/:id/attendance',
      summary:
        'Log what happened on a shift (minutes late, minutes left early, or a no-show, with a note): version 0 for a new entry, the entry’s version to correct it. The third late arrival within 30 days raises a Today item for the managers',
      roles: 'practiceAdmins',
      params: ShiftIdParamsSchema,
      body: AttendanceInputSchema,
      response: AttendanceSchema,
    },
    (r) => recordAttendance(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/shifts/:id/attendance',
      summary: 'A shift’s attendance entry (owners and managers, or the person whose shift it is)',
      roles: 'practice',
      params: ShiftIdParamsSchema,
      response: AttendanceSchema,
    },
    (r) => getAttendance(r.db, r.auth, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/shifts/:id/attendance/remove',
      summary: 'Remove a shift’s attendance entry read at `version`',
      roles: 'practiceAdmins',
      params: ShiftIdParamsSchema,
      body: AttendanceRemoveSchema,
      status: 204,
    },
    async (r) => {
      await removeAttendance(r.db, r.params.id, r.body.version);
    },
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/attendance',
      summary:
        'Attendance entries on days from `from` to `to` (at most 92 days), by day: owners and managers for anyone or everyone, anyone else their own',
      roles: 'practice',
      query: AttendanceQuerySchema,
      response: z.object({ items: z.array(AttendanceSchema) }),
    },
    (r) => listAttendance(r.db, r.auth, r.query),
  );
}
