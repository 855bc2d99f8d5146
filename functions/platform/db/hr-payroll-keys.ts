import type { Key, TenantScope } from './keys.ts';

/**
 * Attendance and payroll prep's key builders, spread into `tenantKeys` (keys.ts). Attendance is one
 * item per shift (keyed by the shift's id) with two index copies: the practice's days (a pay period
 * is one ranged Query) and one person's days (three late arrivals within 30 days). Payroll holds
 * the pay schedule and each pay period stored once it has an adjustment or is locked, keyed by its
 * first day so the newest come first in one Query.
 */
export const hrPayrollKeys = {
  attendance: (s: TenantScope, shiftId: string): Key => ({
    PK: `T#${s.tenantId}#HR#ATTEND`,
    SK: `SHIFT#${shiftId}`,
  }),
  attendanceIndexes: (s: TenantScope, staffId: string, date: string, shiftId: string) => ({
    GSI1PK: `T#${s.tenantId}#HR#ATTEND#DAYS`,
    GSI1SK: `${date}#${shiftId}`,
    GSI2PK: `T#${s.tenantId}#HR#ATTEND#STAFF#${staffId}`,
    GSI2SK: `${date}#${shiftId}`,
  }),
  attendanceByDay: (s: TenantScope) => `T#${s.tenantId}#HR#ATTEND#DAYS`,
  attendanceOfStaff: (s: TenantScope, staffId: string) => `T#${s.tenantId}#HR#ATTEND#STAFF#${staffId}`,
  /** The GSI sort-key range of attendance on days from `from` to `to`, both included. */
  attendanceRange: (from: string, to: string): [string, string] => [`${from}#`, `${to}$`],
  payrollPartition: (s: TenantScope) => `T#${s.tenantId}#HR#PAYROLL`,
  paySchedule: (s: TenantScope): Key => ({ PK: `T#${s.tenantId}#HR#PAYROLL`, SK: 'SCHEDULE' }),
  payPeriod: (s: TenantScope, start: string): Key => ({
    PK: `T#${s.tenantId}#HR#PAYROLL`,
    SK: `PERIOD#${start}`,
  }),
  payPeriodPrefix: 'PERIOD#',
  /** The sort-key range of stored periods starting from `from` to `to`. */
  payPeriodRange: (from: string, to: string): [string, string] => [`PERIOD#${from}`, `PERIOD#${to}`],
};
