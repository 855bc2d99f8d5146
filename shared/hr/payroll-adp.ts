import { csvCell } from '../csv.ts';
import { ADP_DEFAULT_HOURS_CODES, type AdpSettings } from '../schemas/hr-payroll.ts';
import type { PayrollLine, Period } from './payroll.ts';

/**
 * ADP Workforce Now's paydata import ("EPI" file), the pure part: who goes in the file, what must
 * be on record first, and the rows.
 *
 * Sources (ADP publishes its own import guide only behind the client portal, so these were read
 * instead; check the first file against the practice's ADP account before relying on it):
 * - ADP Marketplace, "Automated Paydata Integration for ADP Workforce Now" (apps.adp.com, app
 *   372723): a header-based CSV; Co Code first, Batch ID second, File # third; then Regular Hours,
 *   O/T Hours and Hours 3 Code/Amount pairs among the optional fields.
 * - Odoo's l10n_us_adp export (hr_work_entry ADP export): refuses the whole export, listing them,
 *   when the company's or any employee's ADP code is missing; one row per employee.
 * - Third-party exporters' help pages (Time Portal, CleanSmarts, Sundial): the company code is 3
 *   characters; the file is named PR<co code>EPI.csv; hours have two decimals; time off goes in
 *   Hours 3 Code/Amount with the code the practice's ADP account defines (V, S… are typical).
 *
 * Our choices: the Batch ID is the period's last day as YYMMDD (6 digits, as one third-party guide
 * suggests: unique per period and short enough for any limit we read of). Each person's first row
 * carries regular and overtime hours and their first time-off pair; a second kind of time off (sick
 * after PTO) goes on a further row of the same File # with the hours columns empty, since a row
 * holds one Hours 3 pair (our reading is that ADP adds a person's rows of a batch together: check it
 * on the first import). Salaried people get no hours (ADP pays their salary itself, as in the Gusto
 * layout) and appear only for their time off. People with nothing to pay are left out: they need
 * no File #.
 */

export type AdpAccount = AdpSettings;

export const ADP_HEADER = [
  'Co Code',
  'Batch ID',
  'File #',
  'Reg Hours',
  'O/T Hours',
  'Hours 3 Code',
  'Hours 3 Amount',
] as const;

const hoursText = (n: number) => n.toFixed(2);

/** The batch: the period's last day as YYMMDD ("2027-03-14" → "270314"). */
export const adpBatchId = (period: Period) => period.end.slice(2).replaceAll('-', '');

/** The name ADP's import looks for: PR, the company code, EPI. */
export const adpFileName = (companyCode: string) => `PR${companyCode}EPI.csv`;

/** The time off a line pays through Hours 3 pairs, in file order (PTO, then sick). */
function hoursPairs(line: PayrollLine, account: Pick<AdpAccount, 'ptoCode' | 'sickCode'>) {
  return [
    [account.ptoCode ?? ADP_DEFAULT_HOURS_CODES.pto, line.ptoHours],
    [account.sickCode ?? ADP_DEFAULT_HOURS_CODES.sick, line.sickHours],
  ].filter((p): p is [string, number] => (p[1] as number) > 0);
}

const workedHours = (l: PayrollLine) => l.payType === 'hourly' && (l.regularHours > 0 || l.overtimeHours > 0);

/** The lines that make rows: hourly people with hours worked, and anyone with time off. */
export const adpPeople = (lines: readonly PayrollLine[]) =>
  lines.filter((l) => workedHours(l) || l.ptoHours > 0 || l.sickHours > 0);

/** What keeps the file from being made: no company code, people without a File # or sharing one. */
export interface AdpProblems {
  companyCodeMissing: boolean;
  withoutFileNumber: string[];
  sharedFileNumbers: { fileNumber: string; names: string[] }[];
}

export function adpProblems(
  account: AdpAccount | undefined,
  lines: readonly PayrollLine[],
  fileNumbers: ReadonlyMap<string, string>,
): AdpProblems {
  const people = adpPeople(lines);
  const byNumber = new Map<string, string[]>();
  for (const l of people) {
    const n = fileNumbers.get(l.staffId);
    if (n) byNumber.set(n, [...(byNumber.get(n) ?? []), l.name]);
  }
  return {
    companyCodeMissing: !account?.companyCode,
    withoutFileNumber: people.filter((l) => !fileNumbers.get(l.staffId)).map((l) => l.name),
    sharedFileNumbers: [...byNumber]
      .filter(([, names]) => names.length > 1)
      .map(([fileNumber, names]) => ({ fileNumber, names })),
  };
}

export const adpReady = (p: AdpProblems) =>
  !p.companyCodeMissing && p.withoutFileNumber.length === 0 && p.sharedFileNumbers.length === 0;

/**
 * The paydata rows, header first. Every person in the file must have a File # (check
 * `adpProblems` first): a row without one would be refused by ADP or paid to no one.
 */
export function adpRows(
  period: Period,
  account: AdpAccount,
  lines: readonly PayrollLine[],
  fileNumbers: ReadonlyMap<string, string>,
): string[][] {
  const batch = adpBatchId(period);
  const rows: string[][] = [[...ADP_HEADER]];
  for (const l of adpPeople(lines)) {
    const fileNumber = fileNumbers.get(l.staffId);
    if (!fileNumber) throw new Error(`No ADP file number for ${l.name}`);
    const head = [account.companyCode, batch, fileNumber];
    const [first, ...more] = hoursPairs(l, account);
    const worked =
      l.payType === 'hourly' ? [hoursText(l.regularHours), hoursText(l.overtimeHours)] : ['', ''];
    rows.push([...head, ...worked, ...(first ? [first[0], hoursText(first[1])] : ['', ''])]);
    for (const [code, hours] of more) rows.push([...head, '', '', code, hoursText(hours)]);
  }
  return rows;
}

/**
 * The file's text: CRLF rows, without the byte-order mark the other layouts carry for Excel: ADP
 * matches the first header cell to "Co Code", and a mark before it would hide that column.
 */
export const adpCsv = (rows: readonly (readonly string[])[]) =>
  rows.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
