/**
 * The one key module: every PK/SK/GSI key string in Rounds is built here (billing's builders
 * in billing-keys.ts and HR's in hr-keys.ts, spread into `tenantKeys`).
 * Tenant items start with `T#<tenantId>#` (PK and every GSI PK) so the IAM wall
 * (dynamodb:LeadingKeys) can confine a tenant's credentials to its own partitions.
 * Platform-wide items start with `SYS#` and are only touched by platform code.
 */
import { billingKeys } from './billing-keys.ts';
import { hrKeys } from './hr-keys.ts';
import { hrLeaveKeys } from './hr-leave-keys.ts';
import { hrMeetingsKeys } from './hr-meetings-keys.ts';
import { hrPayrollKeys } from './hr-payroll-keys.ts';
import { hrReviewsKeys } from './hr-reviews-keys.ts';
import { hrSwapKeys } from './hr-swap-keys.ts';
import { importKeys } from './import-keys.ts';
import { signOffKeys } from './sign-off-keys.ts';

export interface TenantScope {
  readonly tenantId: string;
}

export interface Key {
  PK: string;
  SK: string;
}

const org = (s: TenantScope) => `T#${s.tenantId}#ORG`;

export const tenantKeys = {
  /** Partition prefix a tenant's credentials are confined to. */
  leadingKey: (s: TenantScope) => `T#${s.tenantId}#`,
  tenant: (s: TenantScope): Key => ({ PK: org(s), SK: 'TENANT' }),
  orgPartition: org,
  user: (s: TenantScope, userId: string): Key => ({ PK: org(s), SK: `USER#${userId}` }),
  userPrefix: 'USER#',
  location: (s: TenantScope, id: string): Key => ({ PK: org(s), SK: `LOC#${id}` }),
  locationPrefix: 'LOC#',
  invite: (s: TenantScope, id: string): Key => ({ PK: org(s), SK: `INVITE#${id}` }),
  invitePrefix: 'INVITE#',
  membership: (s: TenantScope, associationId: string): Key => ({
    PK: org(s),
    SK: `MEMBERSHIP#${associationId}`,
  }),
  membershipPrefix: 'MEMBERSHIP#',
  inviteCode: (s: TenantScope, code: string): Key => ({ PK: org(s), SK: `CODE#${code}` }),
  inviteCodePrefix: 'CODE#',
  auditPartition: (s: TenantScope) => `T#${s.tenantId}#AUDIT`,
  audit: (s: TenantScope, id: string, actorId: string, entityType: string) => ({
    PK: `T#${s.tenantId}#AUDIT`,
    SK: `AUDIT#${id}`,
    GSI1PK: `T#${s.tenantId}#AUDIT#ACTOR#${actorId}`,
    GSI1SK: `AUDIT#${id}`,
    GSI2PK: `T#${s.tenantId}#AUDIT#ENTITY#${entityType}`,
    GSI2SK: `AUDIT#${id}`,
  }),
  auditByActor: (s: TenantScope, actorId: string) => `T#${s.tenantId}#AUDIT#ACTOR#${actorId}`,
  auditByEntity: (s: TenantScope, entityType: string) => `T#${s.tenantId}#AUDIT#ENTITY#${entityType}`,
  /**
   * Every audit record has one index copy, written in the same transaction: its table key groups
   * the record by action family ("team"), GSI1 by exact action ("team.role_changed") and, when it is
   * about one patient, GSI2 by that patient. Each filter of the log is then one keyed Query.
   */
  auditIndex: (s: TenantScope, id: string, action: string, patientId?: string) => ({
    PK: `T#${s.tenantId}#AUDIT#KIND#${action.split('.')[0]}`,
    SK: `AUDIT#${id}`,
    GSI1PK: `T#${s.tenantId}#AUDIT#ACTION#${action}`,
    GSI1SK: `AUDIT#${id}`,
    ...(patientId ? { GSI2PK: `T#${s.tenantId}#AUDIT#PATIENT#${patientId}`, GSI2SK: `AUDIT#${id}` } : {}),
  }),
  /** A list or export that showed several patients: one copy per patient, in that patient's GSI2 partition. */
  auditShown: (s: TenantScope, id: string, patientId: string) => ({
    PK: `T#${s.tenantId}#AUDIT#SHOWN#${id}`,
    SK: `PAT#${patientId}`,
    GSI2PK: `T#${s.tenantId}#AUDIT#PATIENT#${patientId}`,
    GSI2SK: `AUDIT#${id}`,
  }),
  /** Records of one action family ("team" for team.*): table partition of the index copies. */
  auditByKind: (s: TenantScope, family: string) => `T#${s.tenantId}#AUDIT#KIND#${family}`,
  /** Records of one exact action: GSI1 partition of the index copies. */
  auditByAction: (s: TenantScope, action: string) => `T#${s.tenantId}#AUDIT#ACTION#${action}`,
  /** Every read or change of one patient's data: GSI2 partition (the patient's access report). */
  auditByPatient: (s: TenantScope, patientId: string) => `T#${s.tenantId}#AUDIT#PATIENT#${patientId}`,
  auditPrefix: 'AUDIT#',
  outboxPartition: (s: TenantScope) => `T#${s.tenantId}#OUTBOX`,
  outbox: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#OUTBOX`, SK: `MSG#${id}` }),
  outboxPrefix: 'MSG#',
  /** The tenant and message an outbox item's key names (stream records carry only keys and images). */
  parseOutbox: (key: Key): { tenantId: string; messageId: string } | undefined => {
    const pk = /^T#([^#]+)#OUTBOX$/.exec(key.PK);
    const sk = /^MSG#(.+)$/.exec(key.SK);
    return pk && sk ? { tenantId: pk[1]!, messageId: sk[1]! } : undefined;
  },
  // --- Today ---
  /** Every Today item of a tenant, by id. Open ones are also in GSI1, done ones in GSI2. */
  todayItem: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#TODAY`, SK: `ITEM#${id}` }),
  /**
   * GSI1 (sparse, only while open): the tenant's open items by due date. Closing an item removes
   * these keys, so Today is one Query however many items were ever done.
   */
  todayOpenPartition: (s: TenantScope) => `T#${s.tenantId}#TODAY#OPEN`,
  todayOpenSort: (dueDate: string | undefined, id: string) => `${dueDate ?? '9999-12-31'}#${id}`,
  /** GSI2 (only once done): the tenant's done items, newest first, for the done list and its search. */
  todayDonePartition: (s: TenantScope) => `T#${s.tenantId}#TODAY#DONE`,
  todayDoneSort: (doneAt: string, id: string) => `${doneAt}#${id}`,
  /** A person's Today preferences (the morning email on or off). */
  todayPreferences: (s: TenantScope, userId: string): Key => ({
    PK: `T#${s.tenantId}#TODAY`,
    SK: `PREF#${userId}`,
  }),
  todayPreferencesPrefix: 'PREF#',
  /** Marks one person's digest of one local day as sent: created with the mail, so it goes once. */
  todayDigestsOfDay: (s: TenantScope, date: string) => `T#${s.tenantId}#TODAY#DIGEST#${date}`,
  todayDigestSent: (s: TenantScope, userId: string, date: string): Key => ({
    PK: `T#${s.tenantId}#TODAY#DIGEST#${date}`,
    SK: userId,
  }),
  // --- files (documents module) ---
  /** A file's record (its bytes live in the file store under objectKeys.file). */
  file: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#FILE`, SK: `FILE#${id}` }),
  /** GSI1 (sparse, once ready): the tenant's files by name. */
  filesByName: (s: TenantScope) => `T#${s.tenantId}#FILE#NAME`,
  fileNameSort: (name: string, id: string) => `${name.toLowerCase()}#${id}`,
  /** GSI2 (sparse, once ready): the tenant's files by the time they became ready. */
  filesByDate: (s: TenantScope) => `T#${s.tenantId}#FILE#DATE`,
  fileDateSort: (readyAt: string, id: string) => `${readyAt}#${id}`,
  // --- documents (documents module) ---
  /** A document of the library: title, folder, tags, its newest version's number. */
  document: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#DOCS`, SK: `DOC#${id}` }),
  /** GSI1: one folder's documents by title. */
  documentsInFolder: (s: TenantScope, folder: string) => `T#${s.tenantId}#DOCS#FOLDER#${folder}`,
  documentTitleSort: (title: string, id: string) => `${title.toLowerCase()}#${id}`,
  /** GSI2: every document by when it last changed. */
  documentsByUpdate: (s: TenantScope) => `T#${s.tenantId}#DOCS#UPDATED`,
  documentUpdateSort: (updatedAt: string, id: string) => `${updatedAt}#${id}`,
  /** One version of a document (its text, status and who wrote it), numbered from 1. */
  documentVersion: (s: TenantScope, documentId: string, n: number): Key => ({
    PK: `T#${s.tenantId}#DOC#${documentId}`,
    SK: `VER#${String(n).padStart(5, '0')}`,
  }),
  /** A document's search words (title, tags, the text in force): one item per document. */
  documentText: (s: TenantScope, documentId: string): Key => ({
    PK: `T#${s.tenantId}#DOCTEXT`,
    SK: `DOC#${documentId}`,
  }),
  documentTextPartition: (s: TenantScope) => `T#${s.tenantId}#DOCTEXT`,
  /** One person's signature of one version: a version's signatures are one Query. */
  documentSignature: (s: TenantScope, documentId: string, n: number, userId: string): Key => ({
    PK: `T#${s.tenantId}#DOC#${documentId}`,
    SK: `SIG#${String(n).padStart(5, '0')}#${userId}`,
  }),
  /** Marks that a version's unsigned were reminded on a day: one reminder a day, not a flood. */
  documentReminder: (s: TenantScope, documentId: string, n: number, day: string): Key => ({
    PK: `T#${s.tenantId}#DOC#${documentId}`,
    SK: `REMIND#${String(n).padStart(5, '0')}#${day}`,
  }),
  documentPartition: (s: TenantScope, documentId: string) => `T#${s.tenantId}#DOC#${documentId}`,
  documentSignaturesPrefix: (n: number) => `SIG#${String(n).padStart(5, '0')}#`,
  documentVersionsPrefix: 'VER#',
  // --- sign-offs (platform) ---
  /** A module's standing request that people holding some roles sign one of its things. */
  signOffRequest: (s: TenantScope, source: string, ref: string): Key => ({
    PK: `T#${s.tenantId}#SIGNOFF`,
    SK: `REQ#${source}#${ref}`,
  }),
  signOffPartition: (s: TenantScope) => `T#${s.tenantId}#SIGNOFF`,
  ...signOffKeys,
  // --- due dates ---
  /** A module's dated thing and its alert plan (which queue entries exist, which offsets were sent). */
  dueThing: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#DUE`, SK: `THING#${id}` }),
  dueThingPrefix: 'THING#',
  duePartition: (s: TenantScope) => `T#${s.tenantId}#DUE`,
  // --- scheduling ---
  /** Setup items (providers, resources, types, templates, exceptions): one small partition. */
  schedulePartition: (s: TenantScope) => `T#${s.tenantId}#SCHED`,
  provider: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#SCHED`, SK: `PROV#${id}` }),
  providerPrefix: 'PROV#',
  resource: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#SCHED`, SK: `RES#${id}` }),
  resourcePrefix: 'RES#',
  appointmentType: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#SCHED`, SK: `TYPE#${id}` }),
  appointmentTypePrefix: 'TYPE#',
  template: (s: TenantScope, providerId: string, id: string): Key => ({
    PK: `T#${s.tenantId}#SCHED`,
    SK: `TPL#${providerId}#${id}`,
  }),
  templatePrefix: (providerId?: string) => (providerId ? `TPL#${providerId}#` : 'TPL#'),
  /** One marker per patient created in a month: new patients per month is one Query. */
  newPatientsOfMonth: (s: TenantScope, month: string) => `T#${s.tenantId}#NEWPAT#${month}`,
  newPatient: (s: TenantScope, month: string, patientId: string): Key => ({
    PK: `T#${s.tenantId}#NEWPAT#${month}`,
    SK: patientId,
  }),
  /**
   * A completed month's value of one registered metric (per-location values inside the item), all
   * in one partition sorted by month: a report or a rollup over months is one Query.
   */
  metricSnapshotPartition: (s: TenantScope) => `T#${s.tenantId}#METRIC`,
  metricSnapshot: (s: TenantScope, month: string, metricId: string): Key => ({
    PK: `T#${s.tenantId}#METRIC`,
    SK: `MONTH#${month}#${metricId}`,
  }),
  /** Sort-key bounds of the snapshots from month `from` to month `to`, both included. */
  metricSnapshotMonths: (from: string, to: string): [string, string] => [`MONTH#${from}#`, `MONTH#${to}#~`],
  reminderSettings: (s: TenantScope): Key => ({ PK: `T#${s.tenantId}#SCHED`, SK: 'REMINDERS' }),
  /** Sorted by start date so a date range reads only exceptions that start before its end. */
  exception: (s: TenantScope, startDate: string, id: string): Key => ({
    PK: `T#${s.tenantId}#SCHED`,
    SK: `EXC#${startDate}#${id}`,
  }),
  exceptionPrefix: 'EXC#',
  patient: (s: TenantScope, id: string) => ({
    PK: `T#${s.tenantId}#PAT#${id}`,
    SK: 'PATIENT',
  }),
  /** A patient's visits in start order, kept in the patient's partition: their history is one Query. */
  patientVisit: (s: TenantScope, patientId: string, start: string, appointmentId: string): Key => ({
    PK: `T#${s.tenantId}#PAT#${patientId}`,
    SK: `VISIT#${start}#${appointmentId}`,
  }),
  patientVisitPrefix: 'VISIT#',
  /** GSI1: patients by last name, then first name. */
  patientsByName: (s: TenantScope) => `T#${s.tenantId}#PATNAME`,
  patientNameKey: (last: string, first: string, id: string) =>
    `${last.toLowerCase()}#${first.toLowerCase()}#${id}`,
  /**
   * Search rows: each patient's first name, birth date and phone as sort keys in one partition
   * per tenant, each row holding what a search result shows, so any search is one Query.
   * Birth-date rows carry the name after the date: one day's patients come out by name.
   */
  patientFindPartition: (s: TenantScope) => `T#${s.tenantId}#PATFIND`,
  patientByFirstName: (s: TenantScope, first: string, last: string, id: string): Key => ({
    PK: `T#${s.tenantId}#PATFIND`,
    SK: `FIRST#${first.toLowerCase()}#${last.toLowerCase()}#${id}`,
  }),
  /** First names starting with `first` (lowercase); no trailing `#`, so it is a prefix. */
  patientFirstNamePrefix: (first: string) => `FIRST#${first.toLowerCase()}`,
  patientByBirthDate: (
    s: TenantScope,
    dateOfBirth: string,
    last: string,
    first: string,
    id: string,
  ): Key => ({
    PK: `T#${s.tenantId}#PATFIND`,
    SK: `DOB#${dateOfBirth}#${last.toLowerCase()}#${first.toLowerCase()}#${id}`,
  }),
  patientBirthDatePrefix: (dateOfBirth: string) => `DOB#${dateOfBirth}#`,
  /** `digits`: the phone's digits as shared/patient-search.ts `phoneDigits` keeps them. */
  patientByPhone: (s: TenantScope, digits: string, id: string): Key => ({
    PK: `T#${s.tenantId}#PATFIND`,
    SK: `PHONE#${digits}#${id}`,
  }),
  /** Phones whose digits start with `digits`. */
  patientPhonePrefix: (digits: string) => `PHONE#${digits}`,
  /** GSI2: same name and birth date, for duplicate flags. */
  patientTwin: (s: TenantScope, last: string, first: string, dateOfBirth: string) =>
    `T#${s.tenantId}#PATDUP#${last.toLowerCase()}#${first.toLowerCase()}#${dateOfBirth}`,
  appointment: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#APPT#${id}`, SK: 'APPT' }),
  /** GSI1: a location's day, in start order: the day view is one Query. */
  appointmentsOfDay: (s: TenantScope, locationId: string, date: string) =>
    `T#${s.tenantId}#DAY#${locationId}#${date}`,
  /** GSI2: a provider's appointments in start order (week view, calendar feed). */
  appointmentsOfProvider: (s: TenantScope, providerId: string) => `T#${s.tenantId}#PROVAPPT#${providerId}`,
  /** Waitlist entries of a tenant; ids are time-ordered, so first come, first offered. */
  waitlistPartition: (s: TenantScope) => `T#${s.tenantId}#WAIT`,
  waitlist: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#WAIT`, SK: `WAIT#${id}` }),
  waitlistPrefix: 'WAIT#',
  recall: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#RECALL`, SK: `RECALL#${id}` }),
  /** GSI1: recalls by due date, so "due by" is one range read. */
  recallsByDue: (s: TenantScope) => `T#${s.tenantId}#RECALLDUE`,
  /** GSI2: one patient's recalls, so booking the patient finds the recalls it answers. */
  recallsOfPatient: (s: TenantScope, patientId: string) => `T#${s.tenantId}#PATRECALL#${patientId}`,
  /**
   * The busy map of one provider or room for one UTC day: every booking rewrites it under a
   * version condition, so two overlapping bookings can never both commit.
   */
  busyDay: (s: TenantScope, who: 'P' | 'R', id: string, utcDate: string): Key => ({
    PK: `T#${s.tenantId}#BUSY#${who}#${id}`,
    SK: `DAY#${utcDate}`,
  }),
  idempotency: (s: TenantScope, route: string, key: string): Key => ({
    PK: `T#${s.tenantId}#IDEM#${route}#${key}`,
    SK: 'IDEM',
  }),
  // --- imports (import-keys.ts) ---
  ...importKeys,
  // --- billing (billing-keys.ts) ---
  ...billingKeys,
  ...hrKeys,
  ...hrReviewsKeys,
  ...hrPayrollKeys,
  ...hrMeetingsKeys,
  ...hrLeaveKeys,
  ...hrSwapKeys,
};

export { benchmarkKeys } from './benchmark-keys.ts';
export { systemKeys } from './system-keys.ts';

/** The tenant a table partition key belongs to (`T#<tenantId>#…`), or undefined for platform items. */
export function tenantOfPartition(pk: string): string | undefined {
  return /^T#([^#]+)#/.exec(pk)?.[1];
}
