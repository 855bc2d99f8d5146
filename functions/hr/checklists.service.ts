/**
 * Onboarding and offboarding checklists. Each staff role has a template per kind (Rounds' defaults
 * until the practice saves its own); starting a person's checklist makes its tasks, each with an
 * owner (the person themselves, everyone in a Rounds role, or one named person) and a due date
 * counted from the hire date or the last day, and raises each task as a Today item for its owner
 * in the same write. Completing a task closes its item.
 * The Rounds login itself is closed by the offboarding job (functions/jobs/offboarding-logins.ts)
 * from 01:00 the day after the last day; the checklist keeps a manager's task to check it the
 * morning after (an owner's login is never closed by the job).
 * A task that names a document (the handbook) asks the person to sign it through the platform's
 * sign-off asks and ticks itself once they sign (checklist-signing.service.ts); HR does not reach
 * into documents.
 */
import { inRoleGroup, type PracticeRole, type Role } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../shared/schemas/hr.ts';
import {
  CHECKLIST_KIND_LABELS,
  CHECKLIST_KINDS,
  type Checklist,
  type ChecklistKind,
  type ChecklistListQuery,
  type ChecklistStart,
  type ChecklistTask,
  type ChecklistTaskTemplate,
  type ChecklistTemplate,
  type ChecklistTemplateInput,
} from '../../shared/schemas/hr-checklists.ts';
import { addDays } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import { newId } from '../platform/ids.ts';
import {
  closeIfOpenOps,
  pairRef,
  raiseTodayItemOp,
  roleAssigneeName,
  todayItemId,
} from '../platform/today/today-items.ts';
import { planSigning, settleSigned, signsSomething } from './checklist-signing.service.ts';
import { checklistsRepo, type StoredChecklist } from './checklists.repo.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';

export interface Caller {
  userId: string;
  role: Role;
}
const isAdmin = (c: Caller) => inRoleGroup(c.role, 'practiceAdmins');
const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
const LINK = '/app/hr/checklists';

const CLINICAL: readonly StaffRole[] = ['provider', 'nurse', 'medical_assistant'];

/** Rounds' starting tasks for a role (common US practice steps; I-9 section 2 by day 3). */
export function defaultTasks(kind: ChecklistKind, role: StaffRole): ChecklistTaskTemplate[] {
  if (kind === 'onboarding') {
    return [
      { title: 'Issue the ID badge and keys', owner: 'manager', days: 0 },
      { title: 'Set up EHR access', owner: 'manager', days: 0 },
      ...(CLINICAL.includes(role)
        ? [{ title: 'Verify licenses and certifications', owner: 'manager' as const, days: 0 }]
        : []),
      { title: 'Add to the shift schedule', owner: 'manager', days: 1 },
      { title: 'Complete Form I-9 (employer section by day 3)', owner: 'manager', days: 3 },
      { title: 'Complete HIPAA training', owner: 'hire', days: 7 },
      {
        title: 'Sign the employee handbook',
        owner: 'hire',
        days: 7,
        link: '/app/documents',
        signs: 'handbook',
      },
    ];
  }
  return [
    { title: 'Collect the ID badge and keys', owner: 'manager', days: 0 },
    { title: 'Revoke EHR access', owner: 'manager', days: 0 },
    { title: 'Check the Rounds login was closed', owner: 'manager', days: 1, link: '/app/team' },
    { title: 'Issue the final paycheck (check your state’s deadline)', owner: 'owner', days: 0 },
  ];
}

const defaultTemplate = (kind: ChecklistKind, staffRole: StaffRole): ChecklistTemplate => ({
  kind,
  staffRole,
  tasks: defaultTasks(kind, staffRole),
  version: 0,
});

/** Every kind and role's template: the practice's where saved, else Rounds' default. */
export async function listTemplates(db: TenantDb): Promise<{ items: ChecklistTemplate[] }> {
  const saved = new Map((await checklistsRepo.templates(db)).map((t) => [`${t.kind}#${t.staffRole}`, t]));
  return {
    items: CHECKLIST_KINDS.flatMap((kind) =>
      STAFF_ROLES.map((role) => saved.get(`${kind}#${role}`) ?? defaultTemplate(kind, role)),
    ),
  };
}

/** Saves a kind and role's tasks at the version read (0 replaces Rounds' default). */
export async function saveTemplate(db: TenantDb, input: ChecklistTemplateInput): Promise<ChecklistTemplate> {
  const current = (await checklistsRepo.template(db, input.kind, input.staffRole))?.version ?? 0;
  if (current !== input.version) throw staleVersion();
  const issues: { path: string; message: string }[] = [];
  await Promise.all(
    input.tasks.map(async (t, i) => {
      if (t.signs && !(await signsSomething(db, t.signs))) {
        issues.push({ path: `tasks.${i}.signs`, message: 'Choose a published document' });
      }
      if (t.owner !== 'person' || !t.ownerStaffId) return;
      const s = await staffRepo.get(db, t.ownerStaffId);
      if (s?.status !== 'active' || !s.userId) {
        issues.push({
          path: `tasks.${i}.ownerStaffId`,
          message: 'Choose a current person with a Rounds login',
        });
      }
    }),
  );
  if (issues.length) throw validationFailed(issues);
  const tasks = input.tasks.map((t) => (t.owner === 'person' ? t : { ...t, ownerStaffId: undefined }));
  const clean = JSON.parse(JSON.stringify(tasks)) as ChecklistTaskTemplate[];
  const template: ChecklistTemplate = {
    kind: input.kind,
    staffRole: input.staffRole,
    tasks: clean,
    version: 0,
  };
  await db.write([checklistsRepo.templateOp(db, template, input.version)], {
    action: 'hr.checklist_template_saved',
    entityType: 'hr_checklist_template',
    entityId: `${input.kind}-${input.staffRole}`,
    entityName: `${CHECKLIST_KIND_LABELS[input.kind]}: ${STAFF_ROLE_LABELS[input.staffRole]}`,
    summary: `${CHECKLIST_KIND_LABELS[input.kind]} checklist for ${STAFF_ROLE_LABELS[input.staffRole].toLowerCase()}: ${clean.length} tasks`,
  });
  return { ...template, version: input.version + 1 };
}

const taskItemId = (checklistId: string, taskId: string) =>
  todayItemId('hr', 'checklist_task', pairRef(checklistId, taskId));

/** Who a task's item goes to: the person (with a login), a named person, or a role; managers otherwise. */
async function assigneeOf(
  db: TenantDb,
  t: ChecklistTaskTemplate,
  person: StoredStaff,
): Promise<{ userId: string; name: string } | { role: PracticeRole }> {
  if (t.owner === 'hire' && person.userId) return { userId: person.userId, name: fullName(person) };
  if (t.owner === 'person' && t.ownerStaffId) {
    const s = await staffRepo.get(db, t.ownerStaffId);
    if (s?.status === 'active' && s.userId) return { userId: s.userId, name: fullName(s) };
  }
  if (t.owner !== 'hire' && t.owner !== 'person') return { role: t.owner };
  return { role: 'manager' };
}

/** Starts a person's checklist from their role's template: each task a Today item for its owner. */
export async function startChecklist(db: TenantDb, input: ChecklistStart): Promise<Checklist> {
  const person = await staffRepo.get(db, input.staffId);
  if (!person) throw notFound('Person');
  const name = fullName(person);
  let anchorDate = person.hireDate;
  if (input.kind === 'onboarding') {
    if (person.status !== 'active') throw badRequest(`${name} no longer works here`);
  } else {
    const lastDay = input.lastDay ?? person.endDate;
    if (!lastDay) {
      throw validationFailed([{ path: 'lastDay', message: `Enter ${name}'s last day` }]);
    }
    if (lastDay < person.hireDate) {
      throw validationFailed([{ path: 'lastDay', message: 'The last day cannot be before the hire date' }]);
    }
    anchorDate = lastDay;
  }
  const template =
    (await checklistsRepo.template(db, input.kind, person.staffRole)) ??
    defaultTemplate(input.kind, person.staffRole);
  const id = newId();
  const made: ChecklistTask[] = await Promise.all(
    template.tasks.map(async (t, i) => {
      const who = await assigneeOf(db, t, person);
      return {
        id: `t${i + 1}`,
        title: t.title,
        ...('userId' in who
          ? { assigneeUserId: who.userId, assigneeName: who.name }
          : { assigneeRole: who.role, assigneeName: roleAssigneeName(who.role) }),
        dueDate: addDays(anchorDate, t.days),
        ...(t.link ? { link: t.link } : {}),
        done: false,
      };
    }),
  );
  const signing = await planSigning(db, { ...person, name }, template.tasks, made);
  const tasks = signing.tasks;
  const checklist: StoredChecklist = {
    id,
    staffId: person.id,
    staffName: name,
    staffRole: person.staffRole,
    kind: input.kind,
    anchorDate,
    status: tasks.every((t) => t.done) ? 'done' : 'open',
    tasks,
    startedAt: db.now().toISOString(),
    startedBy: db.actor.name,
    version: 1,
  };
  const kindLabel = CHECKLIST_KIND_LABELS[input.kind].toLowerCase();
  // A signing task's Today item is the one to read and sign (in the signing ops); a task already
  // signed raises none.
  const items = tasks
    .filter((t) => !t.done && !signing.asked.has(t.id))
    .map((t) =>
      raiseTodayItemOp(
        db,
        {
          source: 'hr',
          kind: 'checklist_task',
          ref: pairRef(id, t.id),
          title: t.assigneeUserId === person.userId && person.userId ? t.title : `${name}: ${t.title}`,
          detail: `${CHECKLIST_KIND_LABELS[input.kind]} checklist`,
          link: t.link ?? `${LINK}?checklist=${id}`,
          assignee: t.assigneeUserId
            ? { userId: t.assigneeUserId, name: t.assigneeName }
            : { role: t.assigneeRole ?? 'manager' },
          dueDate: t.dueDate,
          forWhom: name,
        },
        db.now(),
      ),
    );
  await db.write([...checklistsRepo.createOps(db, checklist, name), ...items, ...signing.ops], {
    action: 'hr.checklist_started',
    entityType: 'hr_checklist',
    entityId: id,
    entityName: name,
    summary: `Started ${name}'s ${kindLabel} checklist: ${tasks.length} tasks`,
  });
  return checklist;
}

/** A checklist the caller may see: a manager any, anyone else their own or one with a task of theirs. */
async function visibleChecklist(db: TenantDb, caller: Caller, id: string): Promise<StoredChecklist> {
  const c = await checklistsRepo.get(db, id);
  if (!c) throw notFound('Checklist');
  if (isAdmin(caller)) return c;
  if (c.tasks.some((t) => mayDo(caller, t))) return c;
  if ((await staffRepo.idByUser(db, caller.userId)) === c.staffId) return c;
  throw notFound('Checklist');
}

const mayDo = (caller: Caller, t: ChecklistTask) =>
  isAdmin(caller) ||
  t.assigneeUserId === caller.userId ||
  (!t.assigneeUserId && t.assigneeRole === caller.role);

/** One checklist; a signing task whose person signed since is ticked on the way. */
export async function getChecklist(db: TenantDb, caller: Caller, id: string): Promise<Checklist> {
  const [c] = await settleSigned(db, [await visibleChecklist(db, caller, id)]);
  return c as Checklist;
}

const SORTERS: Record<NonNullable<ChecklistListQuery['sort']>, (a: Checklist, b: Checklist) => number> = {
  startedAt: (a, b) => a.startedAt.localeCompare(b.startedAt),
  name: (a, b) => a.staffName.localeCompare(b.staffName),
  anchorDate: (a, b) => a.anchorDate.localeCompare(b.anchorDate),
};

/** The practice's checklists (open by default), sorted (newest first by default) and paged. */
export async function listChecklists(
  db: TenantDb,
  q: ChecklistListQuery,
  limit: number,
): Promise<Page<Checklist>> {
  const status = q.status ?? 'open';
  const rows = (await checklistsRepo.all(db)).filter(
    (c) => (status === 'all' || c.status === status) && (!q.kind || c.kind === q.kind),
  );
  const sort = q.sort ?? 'startedAt';
  const dir = (q.dir ?? (sort === 'startedAt' ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
  rows.sort((a, b) => dir * SORTERS[sort](a, b) || a.id.localeCompare(b.id));
  const signature = JSON.stringify(['checklists', status, q.kind, q.sort, q.dir]);
  const start = q.cursor ? decodeOffset(q.cursor, signature) : 0;
  const end = start + limit;
  return {
    items: await settleSigned(db, rows.slice(start, end)),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}

/** Marks a task done (its owner or a manager) and closes its Today item; the last one closes the checklist. */
export async function completeTask(
  db: TenantDb,
  caller: Caller,
  id: string,
  taskId: string,
  version: number,
): Promise<Checklist> {
  const c = await visibleChecklist(db, caller, id);
  const task = c.tasks.find((t) => t.id === taskId);
  if (!task) throw notFound('Task');
  if (!mayDo(caller, task)) throw notFound('Task');
  if (c.version !== version) throw staleVersion();
  if (task.done) throw badRequest('That task is already done');
  if (task.signOff?.status === 'requested' && !isAdmin(caller)) {
    throw badRequest(
      `Sign “${task.signOff.documentTitle ?? 'the document'}” in Documents: the task ticks itself once you do`,
    );
  }
  const tasks = c.tasks.map((t) =>
    t.id === taskId ? { ...t, done: true, doneAt: db.now().toISOString(), doneBy: db.actor.name } : t,
  );
  const status = tasks.every((t) => t.done) ? ('done' as const) : ('open' as const);
  const close = await closeIfOpenOps(db, [taskItemId(c.id, taskId)]);
  await db.write([...checklistsRepo.updateOps(db, c, { tasks, status }), ...close], {
    action: 'hr.checklist_task_done',
    entityType: 'hr_checklist',
    entityId: c.id,
    entityName: c.staffName,
    summary: `${c.staffName}'s ${CHECKLIST_KIND_LABELS[c.kind].toLowerCase()}: ${task.title} done${status === 'done' ? ' (checklist complete)' : ''}`,
  });
  return { ...c, tasks, status, version: c.version + 1 };
}
