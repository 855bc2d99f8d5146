import { pageOf } from '../../shared/schemas/common.ts';
import {
  ActionDoneSchema,
  ActionItemInputSchema,
  ActionItemSchema,
  AgendaTopicInputSchema,
  MeetingDetailSchema,
  MeetingIdParamsSchema,
  MeetingInputSchema,
  MeetingListQuerySchema,
  MeetingSchema,
  MeetingUpdateSchema,
} from '../../shared/schemas/hr-meetings.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  addAction,
  addTopic,
  completeAction,
  createMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from './meetings.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Staff meetings. Everyone in the practice reads them and adds agenda topics; owners and managers
 * schedule them, take attendance, write the minutes and assign action items.
 */
export function meetingRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/meetings',
      summary: 'Upcoming staff meetings soonest first, or past ones (`when=past`) latest first',
      roles: 'practice',
      query: MeetingListQuerySchema,
      response: pageOf(MeetingSchema),
    },
    (r) => listMeetings(r.db, r.query, pageArgs(r.query, 20).limit),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/meetings/:id',
      summary: 'A meeting: agenda (with action items carried over), attendance, minutes, action items',
      roles: 'practice',
      params: MeetingIdParamsSchema,
      response: MeetingDetailSchema,
    },
    (r) => getMeeting(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/meetings',
      summary: 'Schedule a staff meeting',
      roles: 'practiceAdmins',
      body: MeetingInputSchema,
      response: MeetingDetailSchema,
      status: 201,
    },
    (r) => createMeeting(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/meetings/:id',
      summary: 'Change a meeting’s details, attendance and minutes at the version read',
      roles: 'practiceAdmins',
      params: MeetingIdParamsSchema,
      body: MeetingUpdateSchema,
      response: MeetingDetailSchema,
    },
    (r) => updateMeeting(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/meetings/:id/topics',
      summary: 'Add a topic to a meeting’s agenda (anyone in the practice)',
      roles: 'practice',
      params: MeetingIdParamsSchema,
      body: AgendaTopicInputSchema,
      response: MeetingDetailSchema,
      status: 201,
    },
    (r) => addTopic(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/meetings/:id/actions',
      summary: 'Assign an action item to a person with a login or a role; it becomes their Today item',
      roles: 'practiceAdmins',
      params: MeetingIdParamsSchema,
      body: ActionItemInputSchema,
      response: MeetingDetailSchema,
      status: 201,
    },
    (r) => addAction(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/meetings/actions/:id/done',
      summary: 'Mark an action item done (its owner, or an owner or manager); closes its Today item',
      roles: 'practice',
      params: MeetingIdParamsSchema,
      body: ActionDoneSchema,
      response: ActionItemSchema,
    },
    (r) => completeAction(r.db, r.auth, r.body.meetingId, r.params.id, r.body.version),
  );
}
