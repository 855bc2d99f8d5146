import { pageOf } from '../../shared/schemas/common.ts';
import {
  LeaveCaseCloseSchema,
  LeaveCaseIdParamsSchema,
  LeaveCaseListQuerySchema,
  LeaveCaseOpenSchema,
  LeaveCaseSchema,
  LeaveEntryAddSchema,
  LeaveEntryRemoveSchema,
  LeaveKeyDateDoneSchema,
  LeaveNoteAddSchema,
  LeaveNoteSchema,
  LeaveNotesQuerySchema,
} from '../../shared/schemas/hr-leave.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  addLeaveEntry,
  closeLeaveCase,
  getLeaveCase,
  listLeaveCases,
  markKeyDateDone,
  openLeaveCase,
  removeLeaveEntry,
} from './leave.service.ts';
import { addLeaveNote, listLeaveNotes } from './leave-notes.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Leave and accommodation cases: owners and managers keep them; the confidential notes are the
 * owner's alone. No other role reaches a case (not even their own: the person hears from a manager).
 */
export function leaveRoutes(route: Route) {
  const tag = 'hr';
  const base = '/hr/leave-cases';
  route(
    {
      tag,
      method: 'get',
      path: base,
      summary: 'Leave cases (open by default), sorted and paged, each with the person’s FMLA 12-week counter',
      roles: 'practiceAdmins',
      query: LeaveCaseListQuerySchema,
      response: pageOf(LeaveCaseSchema),
    },
    (r) => listLeaveCases(r.db, r.query, pageArgs(r.query, 25).limit),
  );
  route(
    {
      tag,
      method: 'post',
      path: base,
      summary:
        'Open a case: FMLA and ADA eligibility worked out for the first day; the notice, certification and return dates alert managers',
      roles: 'practiceAdmins',
      body: LeaveCaseOpenSchema,
      response: LeaveCaseSchema,
      status: 201,
    },
    (r) => openLeaveCase(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: `${base}/:id`,
      summary: 'One case with its leave, key dates and the FMLA counter',
      roles: 'practiceAdmins',
      params: LeaveCaseIdParamsSchema,
      response: LeaveCaseSchema,
    },
    (r) => getLeaveCase(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: `${base}/:id/leave`,
      summary: 'Log leave taken or scheduled: one day at its hours, or the weekdays from start to end',
      roles: 'practiceAdmins',
      params: LeaveCaseIdParamsSchema,
      body: LeaveEntryAddSchema,
      response: LeaveCaseSchema,
    },
    (r) => addLeaveEntry(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: `${base}/:id/leave/remove`,
      summary: 'Remove a logged entry logged by mistake',
      roles: 'practiceAdmins',
      params: LeaveCaseIdParamsSchema,
      body: LeaveEntryRemoveSchema,
      response: LeaveCaseSchema,
    },
    (r) => removeLeaveEntry(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: `${base}/:id/key-dates`,
      summary: 'Mark the notice sent or the certification received; its alert stops',
      roles: 'practiceAdmins',
      params: LeaveCaseIdParamsSchema,
      body: LeaveKeyDateDoneSchema,
      response: LeaveCaseSchema,
    },
    (r) => markKeyDateDone(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: `${base}/:id/close`,
      summary: 'Close the case on the person’s return; alerts still planned stop',
      roles: 'practiceAdmins',
      params: LeaveCaseIdParamsSchema,
      body: LeaveCaseCloseSchema,
      response: LeaveCaseSchema,
    },
    (r) => closeLeaveCase(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: `${base}/:id/notes`,
      summary: 'The owner’s confidential notes on the case, newest first',
      roles: 'practiceOwner',
      params: LeaveCaseIdParamsSchema,
      query: LeaveNotesQuerySchema,
      response: pageOf(LeaveNoteSchema),
    },
    (r) => {
      const { limit, cursor } = pageArgs(r.query, 50);
      return listLeaveNotes(r.db, r.params.id, limit, cursor);
    },
  );
  route(
    {
      tag,
      method: 'post',
      path: `${base}/:id/notes`,
      summary: 'Add a confidential note (the owner only; kept apart from the personnel record)',
      roles: 'practiceOwner',
      params: LeaveCaseIdParamsSchema,
      body: LeaveNoteAddSchema,
      response: LeaveNoteSchema,
      status: 201,
    },
    (r) => addLeaveNote(r.db, r.params.id, r.body),
  );
}
