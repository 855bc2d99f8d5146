import { pageOf } from '../../shared/schemas/common.ts';
import {
  TimeOffBalanceQuerySchema,
  TimeOffBalancesSchema,
  TimeOffCancelSchema,
  TimeOffDecisionSchema,
  TimeOffIdParamsSchema,
  TimeOffListQuerySchema,
  TimeOffOpeningInputSchema,
  TimeOffPoliciesSchema,
  TimeOffPolicyInputSchema,
  TimeOffPolicySchema,
  TimeOffRequestDetailSchema,
  TimeOffRequestInputSchema,
  TimeOffRequestSchema,
  TimeOffStaffParamsSchema,
} from '../../shared/schemas/hr-time-off.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  balances,
  cancelRequest,
  decideRequest,
  getRequest,
  listRequests,
  requestTimeOff,
  setOpenings,
} from './time-off.service.ts';
import { listPolicies, savePolicy } from './time-off-policies.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Time off. Anyone in the practice asks for their own and sees their own balances and requests;
 * owners and managers see everyone's, decide, and set the policies.
 */
export function timeOffRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/time-off/policies',
      summary: 'How paid time off and sick leave are earned, capped and carried over',
      roles: 'practice',
      response: TimeOffPoliciesSchema,
    },
    (r) => listPolicies(r.db),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/time-off/policies',
      summary:
        'Save the PTO or sick-leave policy (`kind`) at the version read (0 replaces Rounds’ starting policy)',
      roles: 'practiceAdmins',
      body: TimeOffPolicyInputSchema,
      response: TimeOffPolicySchema,
    },
    (r) => savePolicy(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/time-off/requests',
      summary:
        'Time-off requests by first day (from `from` to `to`), optionally in one status; staff see only their own',
      roles: 'practice',
      query: TimeOffListQuerySchema,
      response: pageOf(TimeOffRequestSchema),
    },
    (r) => listRequests(r.db, r.auth, r.query, pageArgs(r.query).limit),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/time-off/requests',
      summary:
        'Ask for time off (for oneself; a manager may name anyone): the managers get a Today item; the answer has the balance before and after and who else in the same role is off',
      roles: 'practice',
      body: TimeOffRequestInputSchema,
      response: TimeOffRequestDetailSchema,
      status: 201,
    },
    (r) => requestTimeOff(r.db, r.auth, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/time-off/requests/:id',
      summary: 'One request with the balance before and after it and who else in the same role is off',
      roles: 'practice',
      params: TimeOffIdParamsSchema,
      response: TimeOffRequestDetailSchema,
    },
    (r) => getRequest(r.db, r.auth, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/time-off/requests/:id/decision',
      summary: 'Approve or decline a waiting request; the person hears of it in Today',
      roles: 'practiceAdmins',
      params: TimeOffIdParamsSchema,
      body: TimeOffDecisionSchema,
      response: TimeOffRequestDetailSchema,
    },
    (r) => decideRequest(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/time-off/requests/:id/cancel',
      summary: 'Withdraw a request (one’s own before it starts; a manager any time)',
      roles: 'practice',
      params: TimeOffIdParamsSchema,
      body: TimeOffCancelSchema,
      response: TimeOffRequestDetailSchema,
    },
    (r) => cancelRequest(r.db, r.auth, r.params.id, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/time-off/balances/:staffId',
      summary:
        'A person’s PTO and sick-leave balances today and projected to `on` (one’s own; a manager anyone’s)',
      roles: 'practice',
      params: TimeOffStaffParamsSchema,
      query: TimeOffBalanceQuerySchema,
      response: TimeOffBalancesSchema,
    },
    (r) => balances(r.db, r.auth, r.params.staffId, r.query.on),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/time-off/balances/:staffId/opening',
      summary:
        'Carry in a person’s balances from before Rounds (hours on a date per kind); accrual runs on from there',
      roles: 'practiceAdmins',
      params: TimeOffStaffParamsSchema,
      body: TimeOffOpeningInputSchema,
      response: TimeOffBalancesSchema,
    },
    (r) => setOpenings(r.db, r.auth, r.params.staffId, r.body),
  );
}
