import type { Key, TenantScope } from './keys.ts';

/**
 * HR leave cases' key builders, spread into `tenantKeys` (keys.ts). The cases live in one partition
 * per practice (the list reads it whole: a practice has a handful open at a time); GSI1 holds one
 * person's cases by first day, for the FMLA counter across their cases. The owner's confidential
 * notes sit in a partition per case, apart from the case and the personnel record.
 */
export const hrLeaveKeys = {
  leavePartition: (s: TenantScope) => `T#${s.tenantId}#HR#LEAVE`,
  leaveCase: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#LEAVE`, SK: `CASE#${id}` }),
  leaveCasePrefix: 'CASE#',
  leaveCaseIndexes: (s: TenantScope, staffId: string, startDate: string, id: string) => ({
    GSI1PK: `T#${s.tenantId}#HR#LEAVE#STAFF#${staffId}`,
    GSI1SK: `${startDate}#${id}`,
  }),
  leaveCasesOfStaff: (s: TenantScope, staffId: string) => `T#${s.tenantId}#HR#LEAVE#STAFF#${staffId}`,
  leaveNotePartition: (s: TenantScope, caseId: string) => `T#${s.tenantId}#HR#LEAVENOTE#${caseId}`,
  leaveNote: (s: TenantScope, caseId: string, at: string, id: string): Key => ({
    PK: `T#${s.tenantId}#HR#LEAVENOTE#${caseId}`,
    SK: `NOTE#${at}#${id}`,
  }),
};
