/** Mending the day's flow: a no-show or a check-out clicked by mistake is taken back, audited. */

import type { Appointment } from '../../shared/schemas/scheduling.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict } from '../platform/errors.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { requireAppointment } from './booking.service.ts';
import { auditPatientOf } from './patients.service.ts';

const LABEL: Record<string, string> = {
  scheduled: 'scheduled',
  confirmed: 'confirmed',
  in_room: 'in room',
  no_show: 'no-show',
  checked_out: 'check-out',
};

/** The status a mistaken one goes back to: before a no-show, confirmed if it was; before check-out, in room. */
function previousOf(a: Appointment): Appointment['status'] | undefined {
  if (a.status === 'no_show') return a.statusTimes.confirmed ? 'confirmed' : 'scheduled';
  if (a.status === 'checked_out') return 'in_room';
  return undefined;
}

/** Takes back the visit's last no-show or check-out; the audit log keeps both steps. */
export async function undoStatus(db: TenantDb, id: string, version: number): Promise<Appointment> {
  const appt = await requireAppointment(db, id);
  const back = previousOf(appt);
  if (!back)
    throw conflict(
      `Only a no-show or a check-out can be undone; this visit is ${LABEL[appt.status] ?? appt.status}`,
    );
  const { [appt.status]: _undone, ...statusTimes } = appt.statusTimes;
  await db.write([appointmentRepo.updateOp(db, id, { status: back, statusTimes }, version)], {
    action: 'appointment.status_undone',
    entityType: 'appointment',
    entityId: id,
    patient: auditPatientOf(appt),
    summary: `Undid ${LABEL[appt.status]} (back to ${LABEL[back]})`,
  });
  return { ...appt, status: back, statusTimes, version: version + 1 };
}
