import type { Key, TenantScope } from './keys.ts';

/**
 * HR reviews' and checklists' key builders, spread into `tenantKeys` (keys.ts). Reviews live in one
 * partition per practice: each review by id (GSI1 orders one person's by due date: their history),
 * and one small item per person saying which cycles were reviewed and which review is open (the due
 * list is the directory plus these, two Queries). Checklists: the templates, each person's
 * checklist by id, and a marker per person and kind while one is open (one at a time).
 */
export const hrReviewsKeys = {
  reviewPartition: (s: TenantScope) => `T#${s.tenantId}#HR#REVIEW`,
  review: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#REVIEW`, SK: `REV#${id}` }),
  reviewIndexes: (s: TenantScope, staffId: string, dueDate: string, id: string) => ({
    GSI1PK: `T#${s.tenantId}#HR#REVIEWS#STAFF#${staffId}`,
    GSI1SK: `${dueDate}#${id}`,
  }),
  reviewsOfStaff: (s: TenantScope, staffId: string) => `T#${s.tenantId}#HR#REVIEWS#STAFF#${staffId}`,
  /** A person's review summary: cycles reviewed, the open review. */
  reviewPerson: (s: TenantScope, staffId: string): Key => ({
    PK: `T#${s.tenantId}#HR#REVIEW`,
    SK: `PERSON#${staffId}`,
  }),
  reviewPersonPrefix: 'PERSON#',
  checklistPartition: (s: TenantScope) => `T#${s.tenantId}#HR#CHECKLIST`,
  checklistTemplate: (s: TenantScope, kind: string, staffRole: string): Key => ({
    PK: `T#${s.tenantId}#HR#CHECKLIST`,
    SK: `TPL#${kind}#${staffRole}`,
  }),
  checklistTemplatePrefix: 'TPL#',
  checklist: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#CHECKLIST`, SK: `CL#${id}` }),
  checklistPrefix: 'CL#',
  /** Present while a person's checklist of a kind is open: a second one is refused. */
  checklistOpen: (s: TenantScope, kind: string, staffId: string): Key => ({
    PK: `T#${s.tenantId}#HR#CHECKLIST`,
    SK: `OPEN#${kind}#${staffId}`,
  }),
};
