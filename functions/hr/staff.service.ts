/**
 * The staff directory: every person who works at the practice, with or without a Rounds login, and
 * the expiry of each license as a due date with alerts. Pay, the payroll file number and the
 * emergency contact leave the service only for owners and managers (`forViewer`), whatever route asks.
 * Cross-domain reads: getActiveMember from tenants/members.service.ts (a linked login must be an
 * active member), getLocation and getTenant from tenants/settings.service.ts (locations exist; the
 * practice's time zone sets the alerts' local hour).
 */
import { inRoleGroup, type Role } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type {
  Staff,
  StaffCreate,
  StaffCredential,
  StaffEnd,
  StaffListQuery,
  StaffUpdate,
} from '../../shared/schemas/hr.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import {
  cancelDueDateOps,
  type DueThing,
  loadDueThing,
  mergeQueueMarkers,
  planDueDateOps,
} from '../platform/due/due-dates.ts';
import { badRequest, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import { newId } from '../platform/ids.ts';
import { pairRef } from '../platform/today/today-items.ts';
import { getActiveMember } from '../tenants/members.service.ts';
import { getLocation, getTenant } from '../tenants/settings.service.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';

/** Managers hear of a license's expiry this many days ahead, and on the day. */
export const LICENSE_ALERT_DAYS = [90, 60, 30, 0] as const;
const LINK = '/app/hr/staff';

/** Who the answer is for: pay data and emergency contacts go to owners and managers alone. */
export interface Viewer {
  role: Role;
}
const seesSensitive = (v: Viewer) => inRoleGroup(v.role, 'practiceAdmins');

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** The person as this viewer may see them; the manager's name from the directory. */
function forViewer(s: StoredStaff, viewer: Viewer, names: Map<string, string>): Staff {
  const { updatedAt: _u, pay, payrollFileNumber, emergencyContact, ...rest } = s;
  const managerName = s.managerId ? names.get(s.managerId) : undefined;
  return {
    ...rest,
    name: fullName(s),
    ...(managerName ? { managerName } : {}),
    ...(seesSensitive(viewer)
      ? {
          ...(pay ? { pay } : {}),
          ...(payrollFileNumber ? { payrollFileNumber } : {}),
          ...(emergencyContact ? { emergencyContact } : {}),
        }
      : {}),
  };
}

const SORTERS: Record<NonNullable<StaffListQuery['sort']>, (a: StoredStaff, b: StoredStaff) => number> = {
  name: (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
  hireDate: (a, b) => a.hireDate.localeCompare(b.hireDate),
  jobTitle: (a, b) => a.jobTitle.localeCompare(b.jobTitle),
  staffRole: (a, b) => a.staffRole.localeCompare(b.staffRole),
};

function matches(s: StoredStaff, q: StaffListQuery): boolean {
  const status = q.status ?? 'active';
  if (status !== 'all' && s.status !== status) return false;
  if (q.location && !s.locationIds.includes(q.location)) return false;
  if (q.staffRole && s.staffRole !== q.staffRole) return false;
  if (q.q) {
    const text = `${s.firstName} ${s.lastName} ${s.jobTitle} ${s.email ?? ''}`.toLowerCase();
    if (
      !q.q
        .toLowerCase()
        .split(/\s+/)
        .every((w) => text.includes(w))
    )
      return false;
  }
  return true;
}

/**
 * The directory, filtered, sorted and paged. A practice has at most a few hundred people: the
 * partition is one Query, and the page is cut from it (the cursor is the offset, bound to the query).
 */
export async function listStaff(
  db: TenantDb,
  viewer: Viewer,
  q: StaffListQuery,
  limit: number,
): Promise<Page<Staff>> {
  const all = await staffRepo.all(db);
  const names = new Map(all.map((s) => [s.id, fullName(s)]));
  const sorter = SORTERS[q.sort ?? 'name'];
  const dir = q.dir === 'desc' ? -1 : 1;
  const rows = all.filter((s) => matches(s, q)).sort((a, b) => dir * sorter(a, b) || SORTERS.name(a, b));
  const signature = JSON.stringify([q.sort, q.dir, q.status, q.location, q.staffRole, q.q]);
  const start = q.cursor ? decodeOffset(q.cursor, signature) : 0;
  const end = start + limit;
  return {
    items: rows.slice(start, end).map((s) => forViewer(s, viewer, names)),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}

/** One person as this viewer may see them; 404 when not in the directory. */
export async function getStaff(db: TenantDb, viewer: Viewer, id: string): Promise<Staff> {
  const s = await staffRepo.get(db, id);
  if (!s) throw notFound('Person');
  return forViewer(s, viewer, await managerNames(db, s));
}

/** The caller's own directory entry, if their login is linked to one. */
export async function myStaffId(db: TenantDb, userId: string): Promise<string | undefined> {
  return staffRepo.idByUser(db, userId);
}

async function managerNames(db: TenantDb, s: StoredStaff): Promise<Map<string, string>> {
  if (!s.managerId) return new Map();
  const m = await staffRepo.get(db, s.managerId);
  return new Map(m ? [[m.id, fullName(m)]] : []);
}

/**
 * Checks what the record points at: the login, the locations, the manager; and that no one else
 * on the current staff has its payroll file number (two people on one ADP File # would be paid as
 * one). Former staff are not counted: a rehire may come back to their old number.
 */
async function checkLinks(db: TenantDb, id: string, input: StaffCreate): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  if (input.managerId === id)
    issues.push({ path: 'managerId', message: 'A person cannot be their own manager' });
  const checks: Promise<void>[] = [];
  if (input.payrollFileNumber) {
    checks.push(
      staffRepo.all(db).then((all) => {
        const holder = all.find(
          (s) => s.id !== id && s.status === 'active' && s.payrollFileNumber === input.payrollFileNumber,
        );
        if (holder)
          issues.push({
            path: 'payrollFileNumber',
            message: `${fullName(holder)} already has the payroll file number ${input.payrollFileNumber}`,
          });
      }),
    );
  }
  if (input.userId) {
    checks.push(
      getActiveMember(db, input.userId).then(
        () => undefined,
        () => void issues.push({ path: 'userId', message: 'Choose an active member of the team' }),
      ),
    );
  }
  for (const [i, loc] of [...new Set(input.locationIds)].entries()) {
    checks.push(
      getLocation(db, loc).then(
        () => undefined,
        () => void issues.push({ path: `locationIds.${i}`, message: 'That location does not exist' }),
      ),
    );
  }
  if (input.managerId && input.managerId !== id) {
    checks.push(
      staffRepo.get(db, input.managerId).then((m) => {
        if (m?.status !== 'active')
          issues.push({ path: 'managerId', message: 'Choose a current member of staff' });
      }),
    );
  }
  await Promise.all(checks);
  if (issues.length) throw validationFailed(issues);
  const names = input.credentials.map((c) => c.name.toLowerCase());
  if (new Set(names).size !== names.length) {
    throw validationFailed([
      { path: 'credentials', message: 'Each license or certification is listed once' },
    ]);
  }
}

const credentialRef = (staffId: string, c: StaffCredential) => pairRef(staffId, c.name.toLowerCase());

/**
 * The license alerts after a save: each credential with an expiry is planned (a changed date
 * re-plans), and those gone, undated or of a person who left are cancelled.
 */
async function credentialAlertOps(
  db: TenantDb,
  next: StoredStaff,
  previous: StoredStaff | undefined,
): Promise<{ ops: WriteOp[]; platformOps: WriteOp[] }> {
  const wanted = next.status === 'active' ? next.credentials.filter((c) => c.expiresOn) : [];
  const refs = new Map<string, StaffCredential | undefined>();
  for (const c of previous?.credentials ?? [])
    if (c.expiresOn) refs.set(credentialRef(next.id, c), undefined);
  for (const c of wanted) refs.set(credentialRef(next.id, c), c);
  if (refs.size === 0) return { ops: [], platformOps: [] };
  const [tenant, stored] = await Promise.all([
    getTenant(db),
    Promise.all([...refs.keys()].map((ref) => loadDueThing(db, 'hr', 'license', ref))),
  ]);
  const ops: WriteOp[] = [];
  const platformOps: WriteOp[] = [];
  [...refs].forEach(([ref, c], i) => {
    const existing: DueThing | undefined = stored[i];
    if (c?.expiresOn) {
      const planned = planDueDateOps(
        db,
        existing,
        {
          source: 'hr',
          kind: 'license',
          ref,
          title: `${fullName(next)}'s ${c.name}`,
          verb: 'expires',
          link: `${LINK}/${next.id}`,
          owner: { role: 'manager' },
          dueDate: c.expiresOn,
          timeZone: tenant.timeZone,
          offsets: LICENSE_ALERT_DAYS,
        },
        db.now(),
      );
      ops.push(...planned.ops);
      platformOps.push(...planned.platformOps);
    } else if (existing) {
      const cancelled = cancelDueDateOps(db, existing, { name: db.actor.name }, db.now());
      ops.push(...cancelled.ops);
      platformOps.push(...cancelled.platformOps);
    }
  });
  return { ops, platformOps: mergeQueueMarkers(platformOps) };
}

/** Only owners and managers set pay data and emergency contacts: anyone else sending them is refused. */
function assertMaySetSensitive(viewer: Viewer, input: StaffCreate): void {
  if (!seesSensitive(viewer) && (input.pay || input.payrollFileNumber || input.emergencyContact)) {
    throw badRequest('Only owners and managers set pay, payroll file numbers and emergency contacts');
  }
}

/** What another HR write adds to a new person's transaction (a hire: the candidate and opening). */
export interface JoinedWrite {
  ops: (staffId: string) => WriteOp[];
  audit: { action: string; entityType: string; entityId: string; entityName: string; summary: string };
}

async function save(
  db: TenantDb,
  viewer: Viewer,
  next: StoredStaff,
  previous: StoredStaff | undefined,
  audit: { action: string; summary: string; detail?: string },
  joined?: JoinedWrite,
): Promise<Staff> {
  const alerts = await credentialAlertOps(db, next, previous);
  await db.writeWithPlatformItems(
    [...staffRepo.saveOps(db, next, previous), ...alerts.ops, ...(joined?.ops(next.id) ?? [])],
    alerts.platformOps,
    joined?.audit ?? {
      action: audit.action,
      entityType: 'staff',
      entityId: next.id,
      entityName: fullName(next),
      summary: audit.summary,
      ...(audit.detail ? { detail: audit.detail } : {}),
    },
  );
  const saved = { ...next, version: (previous?.version ?? 0) + 1 };
  return forViewer(saved, viewer, await managerNames(db, saved));
}

const record = (id: string, input: StaffCreate, now: string): Omit<StoredStaff, 'version' | 'status'> => ({
  id,
  ...input,
  locationIds: [...new Set(input.locationIds)],
  updatedAt: now,
});

/** Adds a person to the directory; `joined` ops (a hire's) land in the same transaction. */
export async function createStaff(
  db: TenantDb,
  viewer: Viewer,
  input: StaffCreate,
  joined?: JoinedWrite,
): Promise<Staff> {
  assertMaySetSensitive(viewer, input);
  const id = newId();
  await checkLinks(db, id, input);
  const next: StoredStaff = { ...record(id, input, db.now().toISOString()), status: 'active', version: 1 };
  return save(
    db,
    viewer,
    next,
    undefined,
    {
      action: 'hr.staff_added',
      summary: `Added ${fullName(next)} (${next.jobTitle}) to the staff directory`,
    },
    joined,
  );
}

/** Replaces a person's record at the version read; ending employment has its own route. */
export async function updateStaff(
  db: TenantDb,
  viewer: Viewer,
  id: string,
  input: StaffUpdate,
): Promise<Staff> {
  assertMaySetSensitive(viewer, input);
  const previous = await staffRepo.get(db, id);
  if (!previous) throw notFound('Person');
  if (previous.version !== input.version) throw staleVersion();
  const { version: _v, ...fields } = input;
  await checkLinks(db, id, fields);
  const next: StoredStaff = {
    ...record(id, fields, db.now().toISOString()),
    status: previous.status,
    ...(previous.endDate ? { endDate: previous.endDate } : {}),
    ...(previous.endReason ? { endReason: previous.endReason } : {}),
    version: previous.version,
  };
  // The audit says what kind of pay data changed, never the figures.
  const changed = [
    JSON.stringify(previous.pay) !== JSON.stringify(next.pay) ? 'pay changed' : '',
    previous.payrollFileNumber !== next.payrollFileNumber ? 'payroll file number changed' : '',
  ].filter(Boolean);
  return save(db, viewer, next, previous, {
    action: 'hr.staff_updated',
    summary: `Updated ${fullName(next)}'s staff record`,
    ...(changed.length ? { detail: changed.join(', ') } : {}),
  });
}

/** People whose last day is before `today` and who had a Rounds login: the offboarding job closes those logins. */
export async function leaversWithLogins(
  db: TenantDb,
  today: string,
): Promise<{ userId: string; name: string; lastDay: string }[]> {
  return (await staffRepo.all(db)).flatMap((s) =>
    s.status === 'ended' && s.userId && s.endDate && s.endDate < today
      ? [{ userId: s.userId, name: fullName(s), lastDay: s.endDate }]
      : [],
  );
}

/** Ends a person's employment on their last day: they leave the current directory, their alerts stop. */
export async function endStaff(db: TenantDb, viewer: Viewer, id: string, input: StaffEnd): Promise<Staff> {
  const previous = await staffRepo.get(db, id);
  if (!previous) throw notFound('Person');
  if (previous.version !== input.version) throw staleVersion();
  if (previous.status === 'ended') throw badRequest(`${fullName(previous)} has already left`);
  if (input.endDate < previous.hireDate) {
    throw validationFailed([{ path: 'endDate', message: 'The last day cannot be before the hire date' }]);
  }
  const next: StoredStaff = {
    ...previous,
    status: 'ended',
    endDate: input.endDate,
    ...(input.reason ? { endReason: input.reason } : {}),
    updatedAt: db.now().toISOString(),
  };
  return save(db, viewer, next, previous, {
    action: 'hr.staff_ended',
    summary: `Recorded ${fullName(next)}'s last day: ${input.endDate}`,
  });
}
