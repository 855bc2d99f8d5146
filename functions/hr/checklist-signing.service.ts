/**
 * Checklist tasks that ask the person to sign a document (the employee handbook). HR meets
 * Documents only through the platform's sign-off asks (functions/platform/sign-offs/sign-off-asks.ts):
 * Documents offers each published document there and records who signed; starting a checklist asks
 * the person by name, in the checklist's own write, which raises their Today item to read and sign
 * and lets them sign it in Documents. Reading the checklist later ticks the task from the signed
 * record, so HR never reads documents' storage and Documents knows nothing of checklists.
 */
import {
  type ChecklistTask,
  type ChecklistTaskTemplate,
  SIGNS_HANDBOOK,
  type SignableDocument,
  type TaskSignOff,
} from '../../shared/schemas/hr-checklists.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError } from '../platform/errors.ts';
import {
  askPersonOps,
  getSubject,
  listSubjects,
  type SignOffSubject,
  signedRecords,
} from '../platform/sign-offs/sign-off-asks.ts';
import { checklistsRepo, type StoredChecklist } from './checklists.repo.ts';
import type { StoredStaff } from './staff.repo.ts';

const SOURCE = 'documents' as const;

/** Published documents a template task may ask the person to sign, A to Z. */
export async function signableDocuments(db: TenantDb): Promise<{ items: SignableDocument[] }> {
  const subjects = (await listSubjects(db)).filter((s) => s.source === SOURCE);
  return {
    items: subjects
      .map((s) => ({ id: s.ref, title: s.title, category: s.category }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** The document a task names: the handbook (the newest published in the Handbook folder) or one by id. */
async function subjectOf(db: TenantDb, signs: string): Promise<SignOffSubject | undefined> {
  if (signs === SIGNS_HANDBOOK) {
    return (await listSubjects(db, 'handbook')).find((s) => s.source === SOURCE);
  }
  return getSubject(db, SOURCE, signs);
}

/** Whether a template task's `signs` names something to sign: the handbook, or a published document. */
export async function signsSomething(db: TenantDb, signs: string): Promise<boolean> {
  return signs === SIGNS_HANDBOOK || Boolean(await getSubject(db, SOURCE, signs));
}

/**
 * Gives each signing task its state, and the ops that ask the person to sign (the by-name ask and
 * their Today item). `asked` holds the tasks whose Today item is the one to sign, not a checklist
 * item. Without a login, or with nothing published to sign, the task stays a manual one.
 */
export async function planSigning(
  db: TenantDb,
  person: StoredStaff & { name: string },
  templates: readonly ChecklistTaskTemplate[],
  tasks: readonly ChecklistTask[],
): Promise<{ tasks: ChecklistTask[]; ops: WriteOp[]; asked: Set<string> }> {
  const ops: WriteOp[] = [];
  const asked = new Set<string>();
  const askedRefs = new Set<string>();
  const subjects = new Map<string, SignOffSubject | undefined>();
  const out: ChecklistTask[] = [];
  for (const [i, task] of tasks.entries()) {
    const signs = templates[i]?.signs;
    if (!signs) {
      out.push(task);
      continue;
    }
    if (!subjects.has(signs)) subjects.set(signs, await subjectOf(db, signs));
    const subject = subjects.get(signs);
    const about = subject ? { documentId: subject.ref, documentTitle: subject.title } : {};
    if (!person.userId || !subject) {
      const signOff: TaskSignOff = { status: person.userId ? 'no_document' : 'no_login', ...about };
      out.push({ ...task, signOff });
      continue;
    }
    const [record] = await signedRecords(db, [{ source: SOURCE, ref: subject.ref, userId: person.userId }]);
    const common = { ...about, round: subject.round };
    if (record && record.round >= subject.round) {
      // Signed the version in force already (a role the handbook asks, or a rehire): nothing to ask.
      out.push({
        ...task,
        link: subject.link,
        done: true,
        doneAt: record.signedAt,
        doneBy: person.name,
        signOff: { status: 'signed', ...common, signedAt: record.signedAt },
      });
      continue;
    }
    // Two tasks naming one document ask once: a transaction may not write one item twice.
    if (!askedRefs.has(subject.ref)) {
      askedRefs.add(subject.ref);
      ops.push(
        ...askPersonOps(
          db,
          subject,
          { userId: person.userId, name: person.name },
          { by: 'hr', detail: 'Onboarding checklist', dueDate: task.dueDate },
          db.now(),
        ),
      );
    }
    asked.add(task.id);
    out.push({ ...task, link: subject.link, signOff: { status: 'requested', ...common } });
  }
  return { tasks: out, ops, asked };
}

const waiting = (t: ChecklistTask) =>
  !t.done && t.signOff?.status === 'requested' && t.signOff.documentId && t.assigneeUserId;

/**
 * Ticks the signing tasks whose person has signed since (one BatchGet for the checklists shown),
 * writing each changed checklist at the version read. A write that loses a race keeps the checklist
 * as read: the next read ticks it.
 */
export async function settleSigned(db: TenantDb, checklists: StoredChecklist[]): Promise<StoredChecklist[]> {
  const pairs = checklists.flatMap((c) =>
    c.tasks.filter(waiting).map((t) => ({
      source: SOURCE,
      ref: t.signOff?.documentId as string,
      userId: t.assigneeUserId as string,
    })),
  );
  if (!pairs.length) return checklists;
  const signed = new Map((await signedRecords(db, pairs)).map((r) => [`${r.ref}#${r.userId}`, r] as const));
  return Promise.all(
    checklists.map(async (c) => {
      const ticked: ChecklistTask[] = [];
      const tasks = c.tasks.map((t) => {
        const r = waiting(t) ? signed.get(`${t.signOff?.documentId}#${t.assigneeUserId}`) : undefined;
        if (!r || r.round < (t.signOff?.round ?? 0)) return t;
        const done: ChecklistTask = {
          ...t,
          done: true,
          doneAt: r.signedAt,
          doneBy: c.staffName,
          signOff: { ...(t.signOff as TaskSignOff), status: 'signed', signedAt: r.signedAt },
        };
        ticked.push(done);
        return done;
      });
      if (!ticked.length) return c;
      const status = tasks.every((t) => t.done) ? ('done' as const) : ('open' as const);
      try {
        await db.write(checklistsRepo.updateOps(db, c, { tasks, status }), {
          action: 'hr.checklist_task_done',
          entityType: 'hr_checklist',
          entityId: c.id,
          entityName: c.staffName,
          summary: `${c.staffName} signed in Documents: ${ticked.map((t) => t.title).join(', ')} done${status === 'done' ? ' (checklist complete)' : ''}`,
        });
      } catch (err) {
        if (err instanceof AppError && err.status === 409) return c;
        throw err;
      }
      return { ...c, tasks, status, version: c.version + 1 };
    }),
  );
}
