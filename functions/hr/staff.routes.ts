import { pageOf } from '../../shared/schemas/common.ts';
import {
  StaffCreateSchema,
  StaffEndSchema,
  StaffIdParamsSchema,
  StaffListQuerySchema,
  StaffSchema,
  StaffUpdateSchema,
} from '../../shared/schemas/hr.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { createStaff, endStaff, getStaff, listStaff, updateStaff } from './staff.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * The staff directory. Everyone in the practice reads it (who works here, their role, how to reach
 * them); owners and managers keep it, and they alone are sent pay and emergency contacts.
 */
export function staffRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/staff',
      summary:
        'The staff directory (current staff by default), filtered by location, role or text and sorted; pay and emergency contacts only to owners and managers',
      roles: 'practice',
      query: StaffListQuerySchema,
      response: pageOf(StaffSchema),
    },
    (r) => listStaff(r.db, r.auth, r.query, pageArgs(r.query, 50).limit),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/staff/:id',
      summary: 'One person; pay and emergency contact only to owners and managers',
      roles: 'practice',
      params: StaffIdParamsSchema,
      response: StaffSchema,
    },
    (r) => getStaff(r.db, r.auth, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/staff',
      summary:
        'Add a person to the directory; a license with an expiry date alerts managers 90, 60 and 30 days ahead',
      roles: 'practiceAdmins',
      body: StaffCreateSchema,
      response: StaffSchema,
      status: 201,
    },
    (r) => createStaff(r.db, r.auth, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/staff/:id',
      summary: 'Replace a person’s record at the version read',
      roles: 'practiceAdmins',
      params: StaffIdParamsSchema,
      body: StaffUpdateSchema,
      response: StaffSchema,
    },
    (r) => updateStaff(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/staff/:id/end',
      summary: 'Record a person’s last day: they leave the current directory and their license alerts stop',
      roles: 'practiceAdmins',
      params: StaffIdParamsSchema,
      body: StaffEndSchema,
      response: StaffSchema,
    },
    (r) => endStaff(r.db, r.auth, r.params.id, r.body),
  );
}
