/**
 * The owner's confidential notes on a leave case (medical detail): their own partition, apart from
 * the case and the personnel record; the audit log says a note was added, never what it says.
 */
import type { Page } from '../../shared/schemas/common.ts';
import type { LeaveNote, LeaveNoteAdd } from '../../shared/schemas/hr-leave.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { leaveRepo } from './leave.repo.ts';

/** The owner's notes on a case, newest first. */
export async function listLeaveNotes(
  db: TenantDb,
  id: string,
  limit: number,
  cursor?: string,
): Promise<Page<LeaveNote>> {
  if (!(await leaveRepo.get(db, id))) throw notFound('Leave case');
  const page = await leaveRepo.notes(db, id, limit, cursor);
  return { items: page.items, nextCursor: page.nextCursor ?? null };
}

/** Adds the owner's note; the audit says a note was added, never what it says. */
export async function addLeaveNote(db: TenantDb, id: string, input: LeaveNoteAdd): Promise<LeaveNote> {
  const c = await leaveRepo.get(db, id);
  if (!c) throw notFound('Leave case');
  const note: LeaveNote = { id: newId(), text: input.text, at: db.now().toISOString(), by: db.actor.name };
  await db.write([leaveRepo.noteOp(db, c.id, note)], {
    action: 'hr.leave_note_added',
    entityType: 'hr_leave_case',
    entityId: c.id,
    entityName: c.staffName,
    summary: `Added a confidential note to ${c.staffName}'s leave case`,
  });
  return note;
}
