import { phoneDigits } from '../../shared/patient-search.ts';
import type {
  Appointment,
  AppointmentType,
  MonthlyMeasures,
  Patient,
  PatientMatch,
  Provider,
  Recall,
  ReminderSettings,
  Resource,
  ScheduleException,
  Template,
  WaitlistEntry,
} from '../../shared/schemas/scheduling.ts';
import { type Key, systemKeys, tenantKeys } from '../platform/db/keys.ts';
import type { Store, WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { ContentionError } from '../platform/errors.ts';

/** The scheduling domain's only DynamoDB access. Items are their DTO plus keys. */

type Page = { limit: number; cursor?: string };

const createOp = (key: Key, type: string, item: object, extra: Record<string, string> = {}): WriteOp => ({
  kind: 'create',
  item: { ...key, ...extra, type, ...item },
});
const updateOp = (
  key: Key,
  set: Record<string, unknown>,
  expectedVersion: number,
  remove?: string[],
): WriteOp => ({
  kind: 'update',
  key,
  set,
  expectedVersion,
  remove,
});

/** Sets a denormalized patient name; no version bump, so dialogs open at the front desk stay valid. */
const renameOp = (key: Key, patientName: string): WriteOp => ({ kind: 'update', key, set: { patientName } });

const listSetup = <T>(db: TenantDb, skPrefix: string, page: Page) =>
  db.query<T>({ partition: tenantKeys.schedulePartition(db), skPrefix, ...page });

export const providerRepo = {
  get: (db: TenantDb, id: string) => db.get<Provider>(tenantKeys.provider(db, id)),
  list: (db: TenantDb, page: Page) => listSetup<Provider>(db, tenantKeys.providerPrefix, page),
  createOp: (db: TenantDb, p: Provider) => createOp(tenantKeys.provider(db, p.id), 'provider', p),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number, remove?: string[]) =>
    updateOp(tenantKeys.provider(db, id), set, version, remove),
};

export const resourceRepo = {
  get: (db: TenantDb, id: string) => db.get<Resource>(tenantKeys.resource(db, id)),
  list: (db: TenantDb, page: Page) => listSetup<Resource>(db, tenantKeys.resourcePrefix, page),
  createOp: (db: TenantDb, r: Resource) => createOp(tenantKeys.resource(db, r.id), 'resource', r),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.resource(db, id), set, version),
};

export const typeRepo = {
  get: (db: TenantDb, id: string) => db.get<AppointmentType>(tenantKeys.appointmentType(db, id)),
  list: (db: TenantDb, page: Page) => listSetup<AppointmentType>(db, tenantKeys.appointmentTypePrefix, page),
  createOp: (db: TenantDb, t: AppointmentType) =>
    createOp(tenantKeys.appointmentType(db, t.id), 'appointment_type', t),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.appointmentType(db, id), set, version),
};

export const templateRepo = {
  /** A provider's templates (a handful): read whole. */
  ofProvider: (db: TenantDb, providerId: string) =>
    listSetup<Template>(db, tenantKeys.templatePrefix(providerId), { limit: 100 }),
  list: (db: TenantDb, page: Page) => listSetup<Template>(db, tenantKeys.templatePrefix(), page),
  get: (db: TenantDb, providerId: string, id: string) =>
    db.get<Template>(tenantKeys.template(db, providerId, id)),
  createOp: (db: TenantDb, t: Template) =>
    createOp(tenantKeys.template(db, t.providerId, t.id), 'template', t),
  updateOp: (db: TenantDb, t: Template, set: Record<string, unknown>) =>
    updateOp(tenantKeys.template(db, t.providerId, t.id), set, t.version),
  deleteOp: (db: TenantDb, t: Template): WriteOp => ({
    kind: 'delete',
    key: tenantKeys.template(db, t.providerId, t.id),
    mustExist: true,
  }),
};

export const exceptionRepo = {
  /** Exceptions starting on or before `to` (the caller drops those that ended before its range). */
  startingBy: (db: TenantDb, to: string) =>
    db.query<ScheduleException>({
      partition: tenantKeys.schedulePartition(db),
      skBetween: [tenantKeys.exceptionPrefix, `${tenantKeys.exceptionPrefix}${to}#~`],
      limit: 100,
      newestFirst: true,
    }),
  list: (db: TenantDb, page: Page) => listSetup<ScheduleException>(db, tenantKeys.exceptionPrefix, page),
  get: (db: TenantDb, startDate: string, id: string) =>
    db.get<ScheduleException>(tenantKeys.exception(db, startDate, id)),
  createOp: (db: TenantDb, e: ScheduleException) =>
    createOp(tenantKeys.exception(db, e.startDate, e.id), 'schedule_exception', e),
  deleteOp: (db: TenantDb, e: ScheduleException): WriteOp => ({
    kind: 'delete',
    key: tenantKeys.exception(db, e.startDate, e.id),
    mustExist: true,
  }),
};

export const patientRepo = {
  get: (db: TenantDb, id: string) => db.get<Patient>(tenantKeys.patient(db, id)),
  twins: (db: TenantDb, p: { lastName: string; firstName: string; dateOfBirth: string }) =>
    db.query<Patient>({
      partition: tenantKeys.patientTwin(db, p.lastName, p.firstName, p.dateOfBirth),
      index: 'GSI2',
      limit: 20,
    }),
  search: (db: TenantDb, q: string | undefined, page: Page) =>
    db.query<Patient>({
      partition: tenantKeys.patientsByName(db),
      index: 'GSI1',
      skPrefix: q ? q.toLowerCase() : undefined,
      ...page,
    }),
  /** Last name starts with `last` (all patients without it), as search results. */
  matchesByLastName: async (db: TenantDb, last: string | undefined, page: Page) =>
    matches(await patientRepo.search(db, last, page)),
  /** First name starts with `first` and, if given, last name with `last`: a filtered read of the search rows. */
  matchesByFirstName: async (db: TenantDb, first: string, last: string | undefined, page: Page) =>
    matches(
      await db.query<FindRow>({
        partition: tenantKeys.patientFindPartition(db),
        skPrefix: tenantKeys.patientFirstNamePrefix(first),
        filter: last
          ? {
              expression: 'begins_with(#last, :last)',
              names: { '#last': 'lastKey' },
              values: { ':last': last.toLowerCase() },
            }
          : undefined,
        ...page,
      }),
    ),
  /** Patients born on `dateOfBirth` (YYYY-MM-DD), by name. */
  matchesByBirthDate: async (db: TenantDb, dateOfBirth: string, page: Page) =>
    matches(
      await db.query<FindRow>({
        partition: tenantKeys.patientFindPartition(db),
        skPrefix: tenantKeys.patientBirthDatePrefix(dateOfBirth),
        ...page,
      }),
    ),
  /** Phones whose digits (as `phoneDigits` keeps them) start with `digits`. */
  matchesByPhone: async (db: TenantDb, digits: string, page: Page) =>
    matches(
      await db.query<FindRow>({
        partition: tenantKeys.patientFindPartition(db),
        skPrefix: tenantKeys.patientPhonePrefix(digits),
        ...page,
      }),
    ),
  /** The patient and its search rows. */
  createOps: (db: TenantDb, p: Patient): WriteOp[] => [
    createOp(tenantKeys.patient(db, p.id), 'patient', p, indexKeys(db, p)),
    ...findRows(db, p).map((item): WriteOp => ({ kind: 'put', item })),
  ],
  /**
   * The patient's update and, when a name, birth date or phone changes, its search rows: rows
   * whose key changed are deleted and put anew, the others overwritten (one transaction may not
   * touch an item twice). Every search row op is in the same transaction as the patient.
   */
  updateOps: (db: TenantDb, p: Patient, set: Record<string, unknown>, version: number, remove?: string[]) => {
    const next = { ...p, ...set } as Patient;
    for (const f of remove ?? []) delete next[f as keyof Patient];
    return [
      updateOp(tenantKeys.patient(db, p.id), { ...set, ...indexKeys(db, next) }, version, remove),
      ...findRowChanges(db, p, next),
    ];
  },
};

function indexKeys(db: TenantDb, p: Pick<Patient, 'id' | 'lastName' | 'firstName' | 'dateOfBirth'>) {
  return {
    GSI1PK: tenantKeys.patientsByName(db),
    GSI1SK: tenantKeys.patientNameKey(p.lastName, p.firstName, p.id),
    GSI2PK: tenantKeys.patientTwin(db, p.lastName, p.firstName, p.dateOfBirth),
    GSI2SK: p.id,
  };
}

/** A search row: its key, what a result shows, and (first-name rows) the last name to filter on. */
type FindRow = Key & PatientMatch & Record<string, unknown> & { type: 'patient_find'; lastKey?: string };

const toMatch = (p: PatientMatch): PatientMatch => ({
  id: p.id,
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  ...(p.phone ? { phone: p.phone } : {}),
});

const matches = (page: { items: PatientMatch[]; nextCursor: string | null }) => ({
  items: page.items.map(toMatch),
  nextCursor: page.nextCursor,
});

/** The rows a patient is found by besides the name index: first name, birth date and, if any, phone. */
function findRows(db: TenantDb, p: PatientMatch): FindRow[] {
  const shown = { type: 'patient_find' as const, ...toMatch(p) };
  const rows: FindRow[] = [
    {
      ...tenantKeys.patientByFirstName(db, p.firstName, p.lastName, p.id),
      ...shown,
      lastKey: p.lastName.toLowerCase(),
    },
    { ...tenantKeys.patientByBirthDate(db, p.dateOfBirth, p.lastName, p.firstName, p.id), ...shown },
  ];
  const digits = p.phone ? phoneDigits(p.phone) : '';
  if (digits) rows.push({ ...tenantKeys.patientByPhone(db, digits, p.id), ...shown });
  return rows;
}

/** Deletes of rows whose key is gone, puts of rows that are new or show something new; none if nothing shown changed. */
function findRowChanges(db: TenantDb, before: PatientMatch, after: PatientMatch): WriteOp[] {
  const old = new Map(findRows(db, before).map((r) => [r.SK, r]));
  const next = findRows(db, after);
  const kept = new Set(next.map((r) => r.SK));
  const deletes = [...old.values()]
    .filter((r) => !kept.has(r.SK))
    .map((r): WriteOp => ({ kind: 'delete', key: { PK: r.PK, SK: r.SK } }));
  const puts = next
    .filter((r) => JSON.stringify(old.get(r.SK)) !== JSON.stringify(r))
    .map((item): WriteOp => ({ kind: 'put', item }));
  return [...deletes, ...puts];
}

/** One provider's or room's bookings on one UTC day: [start, end) ISO minutes per appointment. */
export interface BusyDay {
  who: 'P' | 'R';
  id: string;
  day: string;
  intervals: { s: string; e: string; a: string }[];
  version?: number;
}

/** Raised when another booking changed a busy map between our read and write: retry. */
export class BusyRace extends ContentionError {
  constructor() {
    super('The schedule changed while booking; try again');
  }
}

export const busyRepo = {
  getMany: async (db: TenantDb, refs: Pick<BusyDay, 'who' | 'id' | 'day'>[]): Promise<BusyDay[]> => {
    const keys = refs.map((r) => tenantKeys.busyDay(db, r.who, r.id, r.day));
    // BatchGet takes 100 keys: a week of many providers or rooms is several reads.
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
        db.batchGet<BusyDay>(keys.slice(i * 100, i * 100 + 100)),
      ),
    );
    const found = pages.flat();
    const byKey = new Map(found.map((b) => [`${b.who}|${b.id}|${b.day}`, b]));
    return refs.map((r) => byKey.get(`${r.who}|${r.id}|${r.day}`) ?? { ...r, intervals: [] });
  },
  /** Writes a busy map back, only if nobody else did since it was read. */
  writeOp: (db: TenantDb, b: BusyDay): WriteOp =>
    b.version === undefined
      ? {
          kind: 'create',
          item: { ...tenantKeys.busyDay(db, b.who, b.id, b.day), type: 'busy', ...b, version: 1 },
          onFail: () => new BusyRace(),
        }
      : {
          kind: 'update',
          key: tenantKeys.busyDay(db, b.who, b.id, b.day),
          set: { intervals: b.intervals },
          expectedVersion: b.version,
          onFail: () => new BusyRace(),
        },
};

export const appointmentRepo = {
  get: (db: TenantDb, id: string) => db.get<Appointment>(tenantKeys.appointment(db, id)),
  /** The day view: one Query of the location's day partition. */
  ofDay: (db: TenantDb, locationId: string, date: string) =>
    db.query<Appointment>({
      partition: tenantKeys.appointmentsOfDay(db, locationId, date),
      index: 'GSI1',
      limit: 1000,
    }),
  ofProvider: (db: TenantDb, providerId: string, fromIso: string, toIso: string) =>
    db.query<Appointment>({
      partition: tenantKeys.appointmentsOfProvider(db, providerId),
      index: 'GSI2',
      skBetween: [fromIso, `${toIso}~`],
      limit: 500,
    }),
  /** Whether a provider has any visit at all (one item read): the setup guide's "first booking". */
  anyOfProvider: async (db: TenantDb, providerId: string) =>
    (
      await db.query<Appointment>({
        partition: tenantKeys.appointmentsOfProvider(db, providerId),
        index: 'GSI2',
        limit: 1,
      })
    ).items.length > 0,
  /** A page of one patient's visit links, newest first; `ofIds` reads the visits themselves. */
  ofPatient: (db: TenantDb, patientId: string, page: Page) =>
    db.query<{ appointmentId: string }>({
      partition: tenantKeys.patient(db, patientId).PK,
      skPrefix: tenantKeys.patientVisitPrefix,
      newestFirst: true,
      ...page,
    }),
  /** A patient's visit links starting in [from, to) (ISO instants). */
  ofPatientStarting: (db: TenantDb, patientId: string, from: string, to: string) =>
    db.query<{ appointmentId: string }>({
      partition: tenantKeys.patient(db, patientId).PK,
      skBetween: [
        tenantKeys.patientVisit(db, patientId, from, '').SK,
        tenantKeys.patientVisit(db, patientId, to, '').SK,
      ],
      limit: 100,
    }),
  ofIds: (db: TenantDb, ids: string[]) =>
    db.batchGet<Appointment>(ids.map((id) => tenantKeys.appointment(db, id))),
  /** The appointment and its link in the patient's history, written together. */
  createOps: (db: TenantDb, a: Appointment): WriteOp[] => [
    createOp(tenantKeys.appointment(db, a.id), 'appointment', a, {
      GSI1PK: tenantKeys.appointmentsOfDay(db, a.locationId, a.date),
      GSI1SK: `${a.start}#${a.id}`,
      GSI2PK: tenantKeys.appointmentsOfProvider(db, a.providerId),
      GSI2SK: `${a.start}#${a.id}`,
    }),
    createOp(tenantKeys.patientVisit(db, a.patientId, a.start, a.id), 'patient_visit', {
      appointmentId: a.id,
    }),
  ],
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.appointment(db, id), set, version),
  renameOp: (db: TenantDb, id: string, patientName: string) =>
    renameOp(tenantKeys.appointment(db, id), patientName),
};

export const waitlistRepo = {
  get: (db: TenantDb, id: string) => db.get<WaitlistEntry>(tenantKeys.waitlist(db, id)),
  /** Waiting entries, oldest first: first come, first offered. */
  waiting: (db: TenantDb, page: Page) =>
    db.query<WaitlistEntry>({
      partition: tenantKeys.waitlistPartition(db),
      skPrefix: tenantKeys.waitlistPrefix,
      filter: { expression: '#s = :waiting', names: { '#s': 'status' }, values: { ':waiting': 'waiting' } },
      ...page,
    }),
  /** One patient's waiting entries (a filtered read of the small waitlist partition). */
  waitingOf: (db: TenantDb, patientId: string) =>
    db.query<WaitlistEntry>({
      partition: tenantKeys.waitlistPartition(db),
      skPrefix: tenantKeys.waitlistPrefix,
      filter: {
        expression: '#s = :waiting AND #p = :patient',
        names: { '#s': 'status', '#p': 'patientId' },
        values: { ':waiting': 'waiting', ':patient': patientId },
      },
      limit: 100,
    }),
  createOp: (db: TenantDb, e: WaitlistEntry) => createOp(tenantKeys.waitlist(db, e.id), 'waitlist', e),
  renameOp: (db: TenantDb, id: string, patientName: string) =>
    renameOp(tenantKeys.waitlist(db, id), patientName),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.waitlist(db, id), set, version),
};

export const recallRepo = {
  get: (db: TenantDb, id: string) => db.get<Recall>(tenantKeys.recall(db, id)),
  /** Open recalls due by a date, soonest first. */
  dueBy: (db: TenantDb, dueBy: string | undefined, page: Page) =>
    db.query<Recall>({
      partition: tenantKeys.recallsByDue(db),
      index: 'GSI1',
      skBetween: ['0', `${dueBy ?? '9999-12-31'}#~`],
      filter: {
        expression: '#s IN (:due, :contacted)',
        names: { '#s': 'status' },
        values: { ':due': 'due', ':contacted': 'contacted' },
      },
      ...page,
    }),
  /** One patient's open recalls. */
  openOf: (db: TenantDb, patientId: string) =>
    db.query<Recall>({
      partition: tenantKeys.recallsByDue(db),
      index: 'GSI1',
      filter: {
        expression: '#s IN (:due, :contacted) AND #p = :patient',
        names: { '#s': 'status', '#p': 'patientId' },
        values: { ':due': 'due', ':contacted': 'contacted', ':patient': patientId },
      },
      limit: 100,
    }),
  renameOp: (db: TenantDb, id: string, patientName: string) =>
    renameOp(tenantKeys.recall(db, id), patientName),
  /** One patient's open recalls (those made since recalls are indexed by patient). */
  openOfPatient: (db: TenantDb, patientId: string) =>
    db.query<Recall & { todayItemId?: string }>({
      partition: tenantKeys.recallsOfPatient(db, patientId),
      index: 'GSI2',
      filter: {
        expression: '#s IN (:due, :contacted)',
        names: { '#s': 'status' },
        values: { ':due': 'due', ':contacted': 'contacted' },
      },
      limit: 20,
    }),
  createOp: (db: TenantDb, r: Recall & { todayItemId?: string }) =>
    createOp(tenantKeys.recall(db, r.id), 'recall', r, {
      GSI1PK: tenantKeys.recallsByDue(db),
      GSI1SK: `${r.dueDate}#${r.id}`,
      GSI2PK: tenantKeys.recallsOfPatient(db, r.patientId),
      GSI2SK: r.id,
    }),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.recall(db, id), set, version),
};

/** A calendar feed's secret: which tenant and provider its token opens, and whether names show. */
export interface FeedItem {
  tenantId: string;
  providerId: string;
  showNames: boolean;
  createdAt: string;
}

export const feedRepo = {
  /** Public read by token hash, with platform credentials (the caller has no tenant). */
  get: (store: Store, tokenHash: string) => store.get<FeedItem>(systemKeys.calendarFeed(tokenHash)),
  createOp: (tokenHash: string, feed: FeedItem): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.calendarFeed(tokenHash), type: 'calendar_feed', ...feed },
  }),
  deleteOp: (tokenHash: string): WriteOp => ({ kind: 'delete', key: systemKeys.calendarFeed(tokenHash) }),
  /** The provider's appointments in a window, read for the feed's tenant. */
  appointments: (store: Store, feed: FeedItem, fromIso: string, toIso: string) =>
    store.query<Appointment>({
      partition: tenantKeys.appointmentsOfProvider({ tenantId: feed.tenantId }, feed.providerId),
      index: 'GSI2',
      skBetween: [fromIso, `${toIso}~`],
      limit: 1000,
    }),
  provider: (store: Store, feed: FeedItem) =>
    store.get<Provider>(tenantKeys.provider({ tenantId: feed.tenantId }, feed.providerId)),
};

/** A reminder waiting in the queue: enough to find the visit and check it has not moved. */
export interface ReminderQueueItem {
  tenantId: string;
  appointmentId: string;
  hours: number;
  start: string;
  dueMs: number;
}

/** A reminder link's target; it expires (TTL) when the visit has passed. */
export interface ReminderLinkItem {
  tenantId: string;
  appointmentId: string;
  expiresAt: number;
}

export const reminderRepo = {
  settings: (db: TenantDb) => db.get<ReminderSettings>(tenantKeys.reminderSettings(db)),
  saveSettingsOp: (db: TenantDb, s: Omit<ReminderSettings, 'version'>, version: number): WriteOp =>
    version === 0
      ? {
          kind: 'create',
          item: { ...tenantKeys.reminderSettings(db), type: 'reminder_settings', ...s, version: 1 },
        }
      : updateOp(tenantKeys.reminderSettings(db), s, version),
  queueOp: (r: ReminderQueueItem): WriteOp => ({
    kind: 'put',
    item: {
      ...systemKeys.reminderDue(r.dueMs, r.tenantId, r.appointmentId, r.hours),
      type: 'reminder',
      ...r,
    },
  }),
  /** Due reminders, oldest first, a bounded page (platform credentials: they span tenants). */
  due: (store: Store, nowMs: number, limit: number) =>
    store.query<ReminderQueueItem>({
      partition: systemKeys.reminderQueue,
      skBetween: systemKeys.reminderDueRange(nowMs),
      limit,
    }),
  /** With `claim`, the delete fails if another run already took it: that run sends, this one does not. */
  dequeueOp: (r: ReminderQueueItem, claim = false): WriteOp => ({
    kind: 'delete',
    key: systemKeys.reminderDue(r.dueMs, r.tenantId, r.appointmentId, r.hours),
    mustExist: claim,
    onFail: () => new ContentionError('Another run sent this reminder'),
  }),
  linkOp: (tokenHash: string, link: ReminderLinkItem): WriteOp => ({
    kind: 'put',
    item: { ...systemKeys.reminderLink(tokenHash), type: 'reminder_link', ...link },
  }),
  link: (store: Store, tokenHash: string) => store.get<ReminderLinkItem>(systemKeys.reminderLink(tokenHash)),
};

export const importRepo = {
  /** Which of these rows were imported before (the markers' sort keys). */
  markers: (db: TenantDb, kind: string, rowKeys: string[]) =>
    db.batchGet<{ SK: string }>(rowKeys.map((k) => tenantKeys.importMarker(db, kind, k))),
  markerOp: (db: TenantDb, kind: string, rowKey: string): WriteOp => ({
    kind: 'create',
    item: {
      ...tenantKeys.importMarker(db, kind, rowKey),
      type: 'import_marker',
      importedAt: db.now().toISOString(),
    },
  }),
};

export const measureRepo = {
  newPatientOp: (db: TenantDb, month: string, patientId: string): WriteOp => ({
    kind: 'put',
    item: { ...tenantKeys.newPatient(db, month, patientId), type: 'new_patient' },
  }),
  /** How many patients were created in a month (markers are tiny; a few pages at most). */
  countNewPatients: async (db: TenantDb, month: string): Promise<number> => {
    let count = 0;
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const found = await db.query({
        partition: tenantKeys.newPatientsOfMonth(db, month),
        limit: 1000,
        cursor,
      });
      count += found.items.length;
      cursor = found.nextCursor ?? undefined;
      if (!cursor) break;
    }
    return count;
  },
  snapshot: (db: TenantDb, month: string, locationId: string) =>
    db.get<MonthlyMeasures>(tenantKeys.monthlyMeasures(db, month, locationId)),
  snapshotOp: (db: TenantDb, m: MonthlyMeasures): WriteOp => ({
    kind: 'put',
    item: { ...tenantKeys.monthlyMeasures(db, m.month, m.locationId), type: 'monthly_measures', ...m },
  }),
};
