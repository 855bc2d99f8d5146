import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  confirmImport,
  csvFile,
  errorRows,
  openImport,
  patientsFile,
  progressOf,
  tiles,
} from './schedule-import-support.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('schedule-import');
let token = '';

beforeAll(async () => {
  token = await apiLogin(app, DEMO.manager, DEMO.password);
}, 300_000);

async function findPatients(q: string): Promise<any[]> {
  const res = await apiCall(app, 'GET', `/scheduling/patients?q=${encodeURIComponent(q)}`, { token });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('CSV import', () => {
  it('checks the file, previews row errors by spreadsheet row, imports, and a second preview finds it all imported', async () => {
    const { context, page } = await newPage(app);
    await openImport(page);
    await expectNoAxeViolations(page, 'import page');

    // The template is the header row the API reads.
    const href = await page
      .getByRole('link', { name: 'Download the patient template (CSV)' })
      .getAttribute('href');
    expect(href).toMatch(/^blob:/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the patient template (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rounds-patients-template.csv');
    expect(await readFile((await download.path())!, 'utf8')).toBe(
      'first_name,last_name,date_of_birth,phone,email,preferred_contact,insurance_payer,member_id\r\n',
    );

    // Files that cannot be imported are refused with a reason, before anything is sent.
    const input = page.getByLabel('Choose a CSV file');
    const preview = page.getByRole('button', { name: 'Preview' });
    await input.setInputFiles({
      name: 'patients.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\u0003\u0004'),
    });
    await page.getByText('“patients.xlsx” is not a CSV file.', { exact: false }).waitFor();
    await input.setInputFiles(csvFile('empty.csv', Buffer.from('')));
    await page.getByText('“empty.csv” is empty.').waitFor();
    await input.setInputFiles(csvFile('wrong.csv', Buffer.from('name,dob\nAda Lovelace,1815-12-10\n')));
    await page
      .getByText('The header row is missing the required columns first_name, last_name, date_of_birth.', {
        exact: false,
      })
      .waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await preview.isDisabled()).toBe(true);

    // 230 patients in three chunks; row 42 has an impossible birth date, row 171 no last name.
    const requests: { dryRun: boolean; firstRow: number; kind: string }[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/scheduling/imports')) requests.push(req.postDataJSON());
    });
    const file = csvFile(
      'patients.csv',
      patientsFile('Ledger', 230, { 42: 'date_of_birth', 171: 'last_name' }),
    );
    await input.setInputFiles(file);
    await page.getByText('230 rows to check').waitFor();
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await preview.click();
    await page.getByText('Checked 230 of 230 rows').waitFor();
    expect(await progressOf(page)).toEqual([230, 230]);
    expect(requests.map((r) => [r.kind, r.dryRun, r.firstRow])).toEqual([
      ['patients', true, 2],
      ['patients', true, 102],
      ['patients', true, 202],
    ]);
    expect(await tiles(page, 'Preview summary')).toEqual([
      '228 ready to import',
      '0 already imported',
      '2 rows with errors',
    ]);
    await page.getByText('Nothing has been saved yet.', { exact: false }).waitFor();
    const problems = await errorRows(page);
    expect(problems.map(([row, column]) => [row, column])).toEqual([
      ['42', 'date_of_birth'],
      ['171', 'last_name'],
    ]);
    expect(problems[0]![2]).toBe('“13/40/1990” is not a date (read as month/day/year: there is no month 13)');
    // The preview says how it read the dates: the practice is in the US, so month first.
    await page
      .getByText(
        'Dates read as month/day/year and as year-month-day: “2/11/1951” is February 11, 1951; “1950-01-10” is January 10, 1950.',
      )
      .waitFor();
    expect(await findPatients('Ledger')).toEqual([]);
    await expectNoAxeViolations(page, 'import preview');

    // The import asks first, then reports what it did.
    requests.length = 0;
    await page.getByRole('button', { name: 'Import 228 rows' }).click();
    await confirmImport(page, 'Import 228 patients?', 'Import 228 rows');
    await page.getByText('Import finished').waitFor({ timeout: 60_000 }); // a long job: its progress is what the page shows meanwhile
    expect(await page.getByText('Processed 230 of 230 rows').count()).toBe(1);
    expect(await tiles(page, 'Import summary')).toEqual([
      '228 created',
      '0 unchanged (already imported)',
      '2 skipped (errors)',
    ]);
    await page.getByText('2 rows with errors were skipped.', { exact: false }).waitFor();
    expect(requests.map((r) => [r.dryRun, r.firstRow])).toEqual([
      [false, 2],
      [false, 102],
      [false, 202],
    ]);
    expect(await errorRows(page)).toHaveLength(2);

    const kate = await findPatients('Ledger005');
    expect(kate).toEqual([
      expect.objectContaining({
        firstName: 'Katherine "Kate"',
        lastName: 'Ledger005',
        insurancePayer: 'Blue Cross, Blue Shield',
      }),
    ]);
    expect(await findPatients('Ledger229')).toHaveLength(1);
    expect(await findPatients('Ledger040')).toEqual([]);

    // The same file again: the preview finds every valid row already imported; nothing to import.
    await input.setInputFiles(file);
    await preview.click();
    await page.getByText('Checked 230 of 230 rows').waitFor();
    expect(await tiles(page, 'Preview summary')).toEqual([
      '0 ready to import',
      '228 already imported',
      '2 rows with errors',
    ]);
    await page.getByText('Every valid row is already in Rounds', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Import 0 rows' }).isDisabled()).toBe(true);
    expect(await findPatients('Ledger005')).toHaveLength(1);
    await context.close();
  }, 90_000);

  it('maps a column whose header it does not know, and offers the saved source for the next file', async () => {
    const { context, page } = await newPage(app);
    await openImport(page);
    const file = (name: string) =>
      csvFile(
        name,
        Buffer.from(
          `Given,Surname,Date of Birth\r\nMapo,${name.slice(0, 7)},1960-01-0${name.length % 9}\r\n`,
        ),
      );
    await page.getByLabel('Choose a CSV file').setInputFiles(file('Mapped1.csv'));
    await page.getByText('in step 3, “Match the columns”', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(true);
    await page.getByLabel('first_name', { exact: true }).selectOption('Given');
    await page.getByLabel('last_name', { exact: true }).selectOption('Surname');
    await page.locator('#import-source').fill('Old EHR export');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await confirmImport(page, 'Import 1 patient?', 'Import 1 row');
    await page.getByText('Import finished').waitFor();
    expect(await findPatients('Mapped1')).toHaveLength(1);

    // The next file: the saved source is offered, and choosing it matches the columns as last time.
    await page.locator('#import-source').fill('');
    await page.getByLabel('Choose a CSV file').setInputFiles(file('Mapped2.csv'));
    expect(
      await page
        .locator('#import-source-names option')
        .evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
    ).toContain('Old EHR export');
    await page.locator('#import-source').fill('Old EHR export');
    expect(await page.getByLabel('first_name', { exact: true }).inputValue()).toBe('Given');
    expect(await page.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(false);
    await context.close();
  }, 90_000);

  it('names a row that repeats one from an earlier chunk, in the preview and the import, and takes it once', async () => {
    const { context, page } = await newPage(app);
    await openImport(page);
    // 150 patients; row 140 is row 3 again (same name and birth date), two chunks apart.
    const lines = patientsFile('Twice', 150).toString('utf8').split('\r\n');
    lines[139] = lines[2]!;
    const requests: { firstRow: number }[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/scheduling/imports')) requests.push(req.postDataJSON());
    });
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(csvFile('twice.csv', Buffer.from(lines.join('\r\n'))));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Checked 150 of 150 rows').waitFor();
    expect(await tiles(page, 'Preview summary')).toEqual([
      '149 ready to import',
      '0 already imported',
      '1 row with errors',
    ]);
    expect(await errorRows(page)).toEqual([['140', 'last_name', 'Repeats row 3; it is imported once']]);
    // The repeated row is never sent; the rows after it keep their spreadsheet numbers.
    expect(requests.map((r) => r.firstRow)).toEqual([2, 102, 141]);

    await page.getByRole('button', { name: 'Import 149 rows' }).click();
    await confirmImport(page, 'Import 149 patients?', 'Import 149 rows');
    await page.getByText('Import finished').waitFor({ timeout: 60_000 }); // a long job: its progress is what the page shows meanwhile
    expect(await tiles(page, 'Import summary')).toEqual([
      '149 created',
      '0 unchanged (already imported)',
      '1 skipped (errors)',
    ]);
    expect(await findPatients('Twice001')).toHaveLength(1);
    await context.close();
  }, 90_000);

  it('stops when asked or when a request fails, says how far it got, and a re-run adds only what is missing', async () => {
    const { context, page } = await newPage(app);
    await openImport(page);
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(csvFile('tally.csv', patientsFile('Tally', 250)));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Checked 250 of 250 rows').waitFor();
    expect(await tiles(page, 'Preview summary')).toEqual([
      '250 ready to import',
      '0 already imported',
      '0 rows with errors',
    ]);

    // Stop while the first part is on its way: the run ends after that part.
    await page.route('**/api/scheduling/imports', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Import 250 rows' }).click();
    await confirmImport(page, 'Import 250 patients?', 'Import 250 rows');
    await page.getByRole('button', { name: 'Stop after this part' }).click();
    const stopped = page.getByRole('status').filter({ hasText: 'Import stopped' });
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain('Stopped after 100 of 250 rows: 100 created, 0 unchanged');
    await stopped.getByText('Running the import again is safe', { exact: false }).waitFor();
    expect(await progressOf(page)).toEqual([100, 250]);
    await page.unrouteAll();
    expect(await findPatients('Tally099')).toHaveLength(1);
    expect(await findPatients('Tally100')).toEqual([]);

    // A network failure on the second part stops the run and names the rows it did not get to.
    let sent = 0;
    await page.route('**/api/scheduling/imports', (route) =>
      ++sent === 2 ? route.abort('failed') : route.continue(),
    );
    await page.getByRole('button', { name: 'Run the import again' }).click();
    await confirmImport(page, 'Run the patient import again?', 'Run again');
    const failed = page.getByRole('alert').filter({ hasText: 'Import stopped at rows 102–201' });
    await failed.waitFor();
    const failure = (await failed.textContent()) ?? '';
    expect(failure).toContain('Could not reach Rounds');
    expect(failure).toContain('Rows before row 102 were processed (0 created, 100 unchanged)');
    expect(failure).toContain('Running the import again is safe');
    expect(await tiles(page, 'Import summary')).toEqual([
      '0 created',
      '100 unchanged (already imported)',
      '0 skipped (errors)',
    ]);
    await page.unrouteAll();

    // Running it once more finishes the job without adding anyone twice.
    await page.getByRole('button', { name: 'Run the import again' }).click();
    await confirmImport(page, 'Run the patient import again?', 'Run again');
    await page.getByText('Import finished').waitFor({ timeout: 60_000 }); // a long job: its progress is what the page shows meanwhile
    expect(await tiles(page, 'Import summary')).toEqual([
      '150 created',
      '100 unchanged (already imported)',
      '0 skipped (errors)',
    ]);
    for (const q of ['Tally000', 'Tally099', 'Tally100', 'Tally249'])
      expect(await findPatients(q)).toHaveLength(1);
    await context.close();
  }, 90_000);

  it('fits a phone screen with its error list and stays accessible', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.setViewportSize(PHONE);
    await page.goto('/app/schedule/import');
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    const bad = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [i + 2, 'date_of_birth' as const]));
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(
        csvFile('a-rather-long-export-file-name-from-the-old-system.csv', patientsFile('Phone', 30, bad)),
      );
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Checked 30 of 30 rows').waitFor();
    expect(await tiles(page, 'Preview summary')).toEqual([
      '5 ready to import',
      '0 already imported',
      '25 rows with errors',
    ]);
    // 25 problems: 20 on the first page, the rest on the next.
    expect(await errorRows(page)).toHaveLength(20);
    await page
      .getByRole('navigation', { name: 'Rows with errors pages' })
      .getByRole('button', { name: 'Next' })
      .click();
    expect((await errorRows(page)).map(([row]) => row)).toEqual(['22', '23', '24', '25', '26']);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await expectNoAxeViolations(page, 'import preview on a phone');
    await context.close();
  }, 60_000);

  it('imports appointments by provider, location and visit type names', async () => {
    const people = [
      ['Ada', 'Apptimport', '1971-04-05'],
      ['Grace', 'Apptimport', '1966-12-09'],
      ['Alan', 'Apptimport', '1954-06-23'],
    ];
    for (const [firstName, lastName, dateOfBirth] of people) {
      const res = await apiCall(app, 'POST', '/scheduling/patients', {
        token,
        json: { firstName, lastName, dateOfBirth, preferredContact: 'none' },
      });
      expect(res.status).toBe(201);
    }
    // A Tuesday three months out: inside the seeded providers' weekday hours and clear of seeded visits.
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 90);
    while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    const times = ['09:00', '09:40', '10:20'];
    const csv = [
      'first_name,last_name,date_of_birth,provider,location,type,date,time,note',
      ...people.map(
        ([first, last, dob], i) =>
          `${first},${last},${dob},Dr. Priya Raman,Main Street Clinic,Annual physical,${date},${times[i]},"Moved from ""OldChart"", visit ${i + 1}"`,
      ),
    ].join('\n');

    const { context, page } = await newPage(app);
    await openImport(page);
    await page.getByLabel('Import', { exact: true }).selectOption('appointments');
    await page.getByRole('link', { name: 'Download the appointment template (CSV)' }).waitFor();
    await page.getByLabel('Choose a CSV file').setInputFiles(csvFile('visits.csv', Buffer.from(csv)));
    await page.getByText('3 rows to check').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Checked 3 of 3 rows').waitFor();
    expect(await tiles(page, 'Preview summary')).toEqual([
      '3 ready to import',
      '0 already imported',
      '0 rows with errors',
    ]);
    expect(await page.getByRole('table', { name: 'Rows with errors' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await confirmImport(page, 'Import 3 appointments?', 'Import 3 rows');
    await page.getByText('Import finished').waitFor({ timeout: 60_000 }); // a long job: its progress is what the page shows meanwhile
    expect(await tiles(page, 'Import summary')).toEqual([
      '3 created',
      '0 unchanged (already imported)',
      '0 skipped (errors)',
    ]);

    const locations = await apiCall(app, 'GET', '/locations?limit=10', { token });
    const main = locations.body.items.find((l: { name: string }) => l.name === 'Main Street Clinic');
    const dayView = await apiCall(app, 'GET', `/scheduling/day?locationId=${main.id}&date=${date}`, {
      token,
    });
    expect(dayView.status).toBe(200);
    const imported = dayView.body.appointments.filter((a: { patientName: string }) =>
      a.patientName.startsWith('Apptimport'),
    );
    expect(imported.map((a: { time: string }) => a.time).sort()).toEqual(times);
    await context.close();
  }, 60_000);
});
