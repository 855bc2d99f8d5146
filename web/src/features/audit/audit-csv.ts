/**
 * Audit events as a CSV file a spreadsheet opens as-is: a header row, UTF-8 with a byte-order
 * mark (so Excel reads accents), CRLF rows, RFC 4180 quoting, and no cell a spreadsheet would run
 * as a formula (a name typed as "=HYPERLINK(…)" stays text).
 */
import { csvText } from '../../../../shared/csv.ts';
import type { AuditEvent } from '../../../../shared/schemas/audit.ts';
import { localParts } from '../../../../shared/time.ts';
import { saveFile } from '../../lib/download.ts';
import { roleLabel } from '../../lib/format.ts';

/** "2026-11-22 14:05" in the given zone. */
export function zonedStamp(iso: string, timeZone: string): string {
  const parts = localParts(Date.parse(iso), timeZone);
  return `${parts.date} ${parts.time}`;
}

/** The access report a practice hands to a patient: when, who, what. */
export function accessReportCsv(events: readonly AuditEvent[], timeZone: string): string {
  return csvText([
    [`When (${timeZone})`, 'Who', 'Role', 'What', 'Details'],
    ...events.map((e) => [
      zonedStamp(e.at, timeZone),
      e.actorName || 'Rounds',
      roleLabel(e.actorRole),
      e.sentence,
      e.summary,
    ]),
  ]);
}

/** The audit log's filtered view, with the codes and ids an auditor cross-checks by. */
export function auditLogCsv(events: readonly AuditEvent[], timeZone: string): string {
  return csvText([
    [
      `When (${timeZone})`,
      'When (UTC)',
      'Who',
      'Role',
      'What',
      'Details',
      'Action',
      'Entity type',
      'Entity id',
      'Patient id',
      'Request id',
    ],
    ...events.map((e) => [
      zonedStamp(e.at, timeZone),
      e.at,
      e.actorName || 'Rounds',
      roleLabel(e.actorRole),
      e.sentence,
      e.summary,
      e.action,
      e.entityType,
      e.entityId,
      e.patientId ?? '',
      e.requestId,
    ]),
  ]);
}

/** Saves CSV text as a file named `fileName`. */
export function saveCsv(text: string, fileName: string): void {
  saveFile(text, fileName, 'text/csv;charset=utf-8');
}
