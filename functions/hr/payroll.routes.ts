import { PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  AdjustmentRemoveSchema,
  ExportQuerySchema,
  OpenPeriodSchema,
  PayPeriodDetailSchema,
  PayPeriodSummarySchema,
  PayrollAdjustmentInputSchema,
  PayrollExportSchema,
  PayScheduleInputSchema,
  PayScheduleSchema,
  PeriodParamsSchema,
  PeriodVersionSchema,
} from '../../shared/schemas/hr-payroll.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { attendanceRoutes } from './attendance.routes.ts';
import {
  addAdjustment,
  getSchedule,
  listPeriods,
  lockPeriod,
  openPeriod,
  periodDetail,
  removeAdjustment,
  saveSchedule,
} from './payroll.service.ts';
import { exportPeriod } from './payroll-export.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Payroll prep (owners and managers only: pay data never reaches other roles) and attendance per
 * shift (attendance.routes.ts), which feeds it.
 */
export function payrollRoutes(route: Route) {
  attendanceRoutes(route);
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/payroll/schedule',
      summary:
        'The practice’s payroll settings: the pay schedule (Rounds’ default, version 0, until one is saved) and its ADP account (company code and hours codes), if any',
      roles: 'practiceAdmins',
      response: PayScheduleSchema,
    },
    (r) => getSchedule(r.db),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/payroll/schedule',
      summary:
        'Save the payroll settings at the version read (0 the first time): the pay schedule (weekly or every two weeks from an anchor date, or twice a month: 1st–15th and 16th–end) and, for the ADP export, the ADP company code (3 letters or digits) and the hours codes for PTO and sick time (V and S when left out); `adp` left out removes it',
      roles: 'practiceAdmins',
      body: PayScheduleInputSchema,
      response: PayScheduleSchema,
    },
    (r) => saveSchedule(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/payroll/periods',
      summary: 'Pay periods opened for review, newest first, each open or locked',
      roles: 'practiceAdmins',
      query: PageQuerySchema,
      response: pageOf(PayPeriodSummarySchema),
    },
    (r) => listPeriods(r.db, pageArgs(r.query, 12)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/payroll/periods',
      summary:
        'Open the schedule’s pay period starting `start` for review (once it has begun; the schedule’s latest periods are listed with it)',
      roles: 'practiceAdmins',
      body: OpenPeriodSchema,
      response: PayPeriodDetailSchema,
      status: 201,
    },
    (r) => openPeriod(r.db, r.body.start),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/payroll/periods/:id',
      summary:
        'A pay period (id: its first day): per person regular and overtime hours (over 40 in a Monday–Sunday workweek), PTO and sick hours, salary per period; totals; adjustments; and, while open, its shifts with attendance',
      roles: 'practiceAdmins',
      params: PeriodParamsSchema,
      response: PayPeriodDetailSchema,
    },
    (r) => periodDetail(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/payroll/periods/:id/adjustments',
      summary:
        'Add an adjustment line for a person (hours, negative to take off, and a reason) at the period’s version (0 when new); refused once locked',
      roles: 'practiceAdmins',
      params: PeriodParamsSchema,
      body: PayrollAdjustmentInputSchema,
      response: PayPeriodDetailSchema,
    },
    (r) => addAdjustment(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/payroll/periods/:id/adjustments/remove',
      summary: 'Remove an adjustment line at the period’s version; refused once locked',
      roles: 'practiceAdmins',
      params: PeriodParamsSchema,
      body: AdjustmentRemoveSchema,
      response: PayPeriodDetailSchema,
    },
    (r) => removeAdjustment(r.db, r.params.id, r.body.adjustmentId, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/payroll/periods/:id/lock',
      summary:
        'Lock an ended pay period at the version read: its lines are frozen as they are now and nothing in it can change afterwards (cannot be undone)',
      roles: 'practiceAdmins',
      params: PeriodParamsSchema,
      body: PeriodVersionSchema,
      response: PayPeriodDetailSchema,
    },
    (r) => lockPeriod(r.db, r.params.id, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/payroll/periods/:id/export',
      summary:
        'The period as CSV text: `generic` (the default) (employee id, name, period, regular, overtime, PTO and sick hours, pay type, rate), `gusto` (Gusto’s hours upload columns) or `adp_wfn` (ADP Workforce Now paydata: Co Code, Batch ID (the period’s last day, YYMMDD), File #, Reg Hours, O/T Hours, Hours 3 Code/Amount for PTO and sick time). `adp_wfn` answers 400 naming everything missing when the ADP company code is not set or someone in the file has no payroll file number (or shares one)',
      roles: 'practiceAdmins',
      params: PeriodParamsSchema,
      query: ExportQuerySchema,
      response: PayrollExportSchema,
    },
    (r) => exportPeriod(r.db, r.params.id, r.query.layout),
  );
}
