/**
 * A patient's access report: who read or changed this patient's data, when and what.
 * Cross-domain reads: `listAudit` from tenants/audit.service.ts (the audit log, filtered by
 * patient: one keyed Query) and `getTenant` from tenants/settings.service.ts (the report's
 * dates are written in the practice's time zone).
 */
import type { PatientAccessQuery, PatientAccessReport } from '../../shared/schemas/audit.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { listAudit } from '../tenants/audit.service.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { auditPatient, requirePatient } from './patients.service.ts';

/**
 * Every read and change of one patient's data, newest first, a page at a time: views, searches
 * and exports that showed them, bookings and visit changes, waitlist and recalls. Aggregates
 * (measures, monthly snapshots) read no patient and are never in it. Running the report is itself
 * in the audit log, though not in the report (it reads the log, not the patient's record).
 */
export async function patientAccessReport(
  db: TenantDb,
  patientId: string,
  q: PatientAccessQuery,
): Promise<PatientAccessReport> {
  const patient = await requirePatient(db, patientId);
  const [page, practice] = await Promise.all([listAudit(db, { ...q, patientId }), getTenant(db)]);
  const subject = auditPatient(patient);
  // Once per report, not once per page (a CSV export walks every page).
  if (!q.cursor) {
    await db.appendAudit({
      action: 'audit.patient_report',
      entityType: 'patient',
      entityId: patient.id,
      entityName: subject.name,
      summary: 'Ran the patient access report',
    });
  }
  return {
    patient: { id: patient.id, name: subject.name, dateOfBirth: patient.dateOfBirth },
    timeZone: practice.timeZone,
    items: page.items,
    nextCursor: page.nextCursor,
  };
}
