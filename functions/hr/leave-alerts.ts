/**
 * A leave case's key dates as due-date alerts for the managers (functions/platform/due): the
 * designation notice, the medical certification and the expected return, each planned when the case
 * opens and stopped when marked done or when the case closes.
 */
import type { KeyDateKind } from '../../shared/schemas/hr-leave.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { cancelDueDateOps, loadDueThing, planDueDateOps } from '../platform/due/due-dates.ts';
import type { StoredLeaveCase } from './leave.repo.ts';

const caseLink = (id: string) => `/app/hr/leave?case=${id}`;
const dueRef = (caseId: string, kind: KeyDateKind) => `${caseId}.${kind}`;

/** Managers hear of a key date this many days ahead, and on the day. */
const ALERT_DAYS: Record<KeyDateKind, readonly number[]> = {
  designation_notice: [2, 0],
  certification: [3, 0],
  expected_return: [7, 0],
};
const DUE_VERB: Record<KeyDateKind, string> = {
  designation_notice: 'is due',
  certification: 'is due back',
  expected_return: 'is expected back',
};
const DUE_SUBJECT: Record<KeyDateKind, (name: string) => string> = {
  designation_notice: (n) => `The leave notice for ${n}`,
  certification: (n) => `${n}'s leave certification`,
  expected_return: (n) => n,
};

/** The alert for one key date, planned (or re-planned) for the managers. */
export async function planKeyDate(
  db: TenantDb,
  c: StoredLeaveCase,
  kind: KeyDateKind,
  date: string,
  timeZone: string,
) {
  const existing = await loadDueThing(db, 'hr', 'leave', dueRef(c.id, kind));
  return planDueDateOps(
    db,
    existing,
    {
      source: 'hr',
      kind: 'leave',
      ref: dueRef(c.id, kind),
      title: DUE_SUBJECT[kind](c.staffName),
      verb: DUE_VERB[kind],
      link: caseLink(c.id),
      owner: { role: 'manager' },
      dueDate: date,
      timeZone,
      offsets: ALERT_DAYS[kind],
    },
    db.now(),
  );
}

/** The ops that stop a key date's alert (its Today item closes); nothing when none is planned. */
export async function cancelKeyDate(db: TenantDb, caseId: string, kind: KeyDateKind) {
  const existing = await loadDueThing(db, 'hr', 'leave', dueRef(caseId, kind));
  return existing
    ? cancelDueDateOps(db, existing, { name: db.actor.name }, db.now())
    : { ops: [] as WriteOp[], platformOps: [] as WriteOp[] };
}
