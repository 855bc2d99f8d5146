import type { Key, TenantScope } from './keys.ts';

/**
 * HR's key builders, spread into `tenantKeys` (keys.ts). The directory is one partition per practice
 * (3 to 150 people: the list, its sorts and filters are one Query); time off has its own partition,
 * requests sorted by first day so a calendar month or a person's year is one ranged Query.
 */
export const hrKeys = {
  staffPartition: (s: TenantScope) => `T#${s.tenantId}#HR#STAFF`,
  staff: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#STAFF`, SK: `STAFF#${id}` }),
  staffPrefix: 'STAFF#',
  /** The token hash of a person's shift feed, kept apart from their record (never sent). */
  staffFeedOf: (s: TenantScope, staffId: string): Key => ({
    PK: `T#${s.tenantId}#HR#STAFF`,
    SK: `FEED#${staffId}`,
  }),
  /** A login's staff record: what "my time off" starts from, one GetItem. */
  staffByUser: (s: TenantScope, userId: string): Key => ({
    PK: `T#${s.tenantId}#HR#STAFF`,
    SK: `LOGIN#${userId}`,
  }),
  timeOffPartition: (s: TenantScope) => `T#${s.tenantId}#HR#TIMEOFF`,
  timeOffPolicy: (s: TenantScope, kind: string): Key => ({
    PK: `T#${s.tenantId}#HR#TIMEOFF`,
    SK: `POLICY#${kind}`,
  }),
  timeOffPolicyPrefix: 'POLICY#',
  /**
   * A request, by id; GSI1 orders the practice's requests by first day (the calendar, the pending
   * list), GSI2 one person's (their balance counts their approved days).
   */
  timeOffRequest: (s: TenantScope, id: string): Key => ({
    PK: `T#${s.tenantId}#HR#TIMEOFF`,
    SK: `REQ#${id}`,
  }),
  timeOffRequestIndexes: (s: TenantScope, staffId: string, startDate: string, id: string) => ({
    GSI1PK: `T#${s.tenantId}#HR#TIMEOFF#DAYS`,
    GSI1SK: `${startDate}#${id}`,
    GSI2PK: `T#${s.tenantId}#HR#TIMEOFF#STAFF#${staffId}`,
    GSI2SK: `${startDate}#${id}`,
  }),
  timeOffByDay: (s: TenantScope) => `T#${s.tenantId}#HR#TIMEOFF#DAYS`,
  timeOffByStaff: (s: TenantScope, staffId: string) => `T#${s.tenantId}#HR#TIMEOFF#STAFF#${staffId}`,
  /** The GSI sort-key range of requests starting from `from` to `to`, both days included. */
  timeOffRange: (from = '0000-01-01', to = '9999-12-31'): [string, string] => [`${from}#`, `${to}$`],
  /** One person's balances' starting points (opening balance per kind). */
  timeOffOpening: (s: TenantScope, staffId: string): Key => ({
    PK: `T#${s.tenantId}#HR#TIMEOFF`,
    SK: `OPEN#${staffId}`,
  }),
  /**
   * A shift, by id; GSI1 orders a location's shifts by day and start (a week is one ranged Query),
   * GSI2 one person's (their own shifts, and the check that two of theirs do not overlap).
   */
  shift: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#SHIFT`, SK: `SHIFT#${id}` }),
  shiftIndexes: (
    s: TenantScope,
    locationId: string,
    staffId: string,
    date: string,
    start: string,
    id: string,
  ) => ({
    GSI1PK: `T#${s.tenantId}#HR#SHIFTS#LOC#${locationId}`,
    GSI1SK: `${date}#${start}#${id}`,
    GSI2PK: `T#${s.tenantId}#HR#SHIFTS#STAFF#${staffId}`,
    GSI2SK: `${date}#${start}#${id}`,
  }),
  shiftsOfLocation: (s: TenantScope, locationId: string) => `T#${s.tenantId}#HR#SHIFTS#LOC#${locationId}`,
  shiftsOfStaff: (s: TenantScope, staffId: string) => `T#${s.tenantId}#HR#SHIFTS#STAFF#${staffId}`,
  /** The GSI sort-key range of shifts on days from `from` to `to`, both included. */
  shiftRange: (from: string, to: string): [string, string] => [`${from}#`, `${to}$`],
  /** Whether a location's week is published to staff. */
  shiftWeek: (s: TenantScope, locationId: string, weekStart: string): Key => ({
    PK: `T#${s.tenantId}#HR#SHIFT`,
    SK: `WEEK#${locationId}#${weekStart}`,
  }),
  staffingRules: (s: TenantScope, locationId: string): Key => ({
    PK: `T#${s.tenantId}#HR#SHIFT`,
    SK: `RULES#${locationId}`,
  }),
};
