/**
 * A pay period as a file for the payroll provider: the generic CSV, Gusto's hours upload or ADP
 * Workforce Now's paydata import (the layouts are in shared/hr/payroll.ts and payroll-adp.ts). Each
 * export is audited: pay data leaves Rounds. Owners and managers only (the routes say so).
 */

import { csvText } from '../../shared/csv.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { genericRows, gustoRows, type PayrollLine } from '../../shared/hr/payroll.ts';
import {
  type AdpProblems,
  adpCsv,
  adpFileName,
  adpProblems,
  adpReady,
  adpRows,
} from '../../shared/hr/payroll-adp.ts';
import {
  EXPORT_LAYOUT_LABELS,
  type ExportLayout,
  type PayPeriodDetail,
} from '../../shared/schemas/hr-payroll.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { validationFailed } from '../platform/errors.ts';
import { periodDetail, storedSchedule } from './payroll.service.ts';
import { staffRepo } from './staff.repo.ts';

const names = (list: readonly string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

/**
 * The refusal of an ADP file that cannot be made whole: every missing piece named at once, so the
 * manager fixes them in one go rather than meeting them one export at a time.
 */
function adpRefusal(p: AdpProblems) {
  const sentences: string[] = [];
  const details: FieldIssue[] = [];
  if (p.companyCodeMissing) {
    sentences.push('Set the practice’s ADP company code in the payroll settings.');
    details.push({ path: 'adp.companyCode', message: 'The practice has no ADP company code on record' });
  }
  if (p.withoutFileNumber.length) {
    sentences.push(
      `Add a payroll file number (ADP’s File #) to the staff record of ${names(p.withoutFileNumber)}.`,
    );
    for (const name of p.withoutFileNumber)
      details.push({ path: 'payrollFileNumber', message: `${name} has no payroll file number` });
  }
  for (const shared of p.sharedFileNumbers) {
    sentences.push(
      `${names(shared.names)} share the payroll file number ${shared.fileNumber}: give each their own.`,
    );
    details.push({
      path: 'payrollFileNumber',
      message: `${names(shared.names)} share the payroll file number ${shared.fileNumber}`,
    });
  }
  return validationFailed(details, `The ADP Workforce Now file cannot be made yet. ${sentences.join(' ')}`);
}

/** ADP's paydata file, or a 400 naming everything missing (nothing is exported half-done). */
async function adpFile(db: TenantDb, detail: PayPeriodDetail, lines: PayrollLine[]) {
  // File numbers are read from the staff records as they are now, even for a locked period: they
  // identify people in ADP and may be filled in after the hours were frozen.
  const [schedule, people] = await Promise.all([storedSchedule(db), staffRepo.all(db)]);
  const fileNumbers = new Map(
    people.flatMap((s) => (s.payrollFileNumber ? [[s.id, s.payrollFileNumber] as const] : [])),
  );
  const problems = adpProblems(schedule.adp, lines, fileNumbers);
  if (!schedule.adp || !adpReady(problems)) throw adpRefusal(problems);
  return {
    fileName: adpFileName(schedule.adp.companyCode),
    csv: adpCsv(adpRows(detail, schedule.adp, lines, fileNumbers)),
  };
}

/** The period as a CSV in the layout asked for; the export is audited. */
export async function exportPeriod(
  db: TenantDb,
  start: string,
  layout: ExportLayout = 'generic',
): Promise<{ fileName: string; csv: string }> {
  const detail = await periodDetail(db, start);
  const lines = detail.lines as PayrollLine[];
  const file =
    layout === 'adp_wfn'
      ? await adpFile(db, detail, lines)
      : {
          fileName: `payroll-${detail.start}-to-${detail.end}-${layout}.csv`,
          csv: csvText(layout === 'gusto' ? gustoRows(lines) : genericRows(detail, lines)),
        };
  await db.appendAudit({
    action: 'hr.payroll_exported',
    entityType: 'pay_period',
    entityId: detail.start,
    entityName: `Pay period ${detail.start} to ${detail.end}`,
    summary: `Exported the pay period ${detail.start} to ${detail.end} (${EXPORT_LAYOUT_LABELS[layout]}, ${detail.status})`,
  });
  return file;
}
