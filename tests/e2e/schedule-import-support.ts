/**
 * The CSV import page's helpers for tests/e2e/schedule-import.test.ts: a patients file in
 * spreadsheet rows, opening the page, and reading its summary tiles, error rows and progress.
 */
import type { Page } from 'playwright-core';
import { DEMO, logInUi } from './support.ts';

const PATIENT_HEADER = 'First Name,Last Name,Date of Birth,Phone,Email,Insurance Payer';
const pad = (i: number) => String(i).padStart(3, '0');

/**
 * A patients file in spreadsheet rows: the header is row 1, patient i is row i + 2. Birth dates
 * alternate between 1950-01-10 and the US way spreadsheets write them (2/11/1951).
 * `bad` maps a row number to what is wrong with it.
 */
export function patientsFile(
  surname: string,
  count: number,
  bad: Record<number, 'date_of_birth' | 'last_name'> = {},
): Buffer {
  const lines = [PATIENT_HEADER];
  for (let i = 0; i < count; i++) {
    const row = i + 2;
    const [year, month, day] = [`19${50 + (i % 50)}`, 1 + (i % 9), `1${i % 10}`];
    const written = i % 2 ? `${month}/${day}/${year}` : `${year}-0${month}-${day}`;
    const dob = bad[row] === 'date_of_birth' ? '13/40/1990' : written;
    const last = bad[row] === 'last_name' ? '' : `${surname}${pad(i)}`;
    // Quotes and commas inside fields must survive the page's re-serialised chunks.
    const first = i % 50 === 5 ? '"Katherine ""Kate"""' : `Pat${i}`;
    const payer = i % 50 === 5 ? '"Blue Cross, Blue Shield"' : 'Medicare';
    lines.push(
      `${first},${last},${dob},(614) 555-${String(1000 + i).slice(-4)},${surname.toLowerCase()}${i}@example.test,${payer}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** A CSV file for setInputFiles. */
export const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

/** Logs in as the demo manager and opens the schedule's Import page from its navigation. */
export async function openImport(page: Page): Promise<void> {
  await logInUi(page, DEMO.manager, DEMO.password);
  await page.goto('/app/schedule');
  await page
    .getByRole('navigation', { name: 'Schedule pages' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
}

/** The texts of the summary tiles ("228 created"...). */
export const tiles = (page: Page, name: string) =>
  page.getByRole('list', { name }).getByRole('listitem').allTextContents();

/** Each row of the error table as [row, column, problem]. */
export const errorRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Rows with errors' })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
    );

/** The progress bar's [value, max]. */
export const progressOf = (page: Page) =>
  page.locator('progress').evaluate((el: HTMLProgressElement) => [el.value, el.max]);

/** Confirms the import dialog titled `title` with its `button`, and waits for it to close. */
export async function confirmImport(page: Page, title: RegExp | string, button: string): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: title });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}
