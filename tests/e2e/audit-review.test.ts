import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../../shared/csv.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('audit-review');
let patient: { id: string; firstName: string; lastName: string; dateOfBirth: string };

beforeAll(async () => {
  // Seeding the demo takes a while on a busy two-core machine: hence the long timeout.
  // The practice manager adds a patient and reads their record: the report must say so, by name.
  const manager = await apiLogin(app, DEMO.manager, DEMO.password);
  const created = await apiCall(app, 'POST', '/scheduling/patients', {
    token: manager,
    json: { firstName: 'Ada', lastName: 'Quillfeather', dateOfBirth: '1985-12-10', preferredContact: 'none' },
  });
  expect(created.status).toBe(201);
  patient = created.body;
  expect((await apiCall(app, 'GET', `/scheduling/patients/${patient.id}`, { token: manager })).status).toBe(
    200,
  );
  expect(
    (await apiCall(app, 'GET', `/scheduling/patients/${patient.id}/visits`, { token: manager })).status,
  ).toBe(200);
}, 300_000);

describe('who looked at this patient’s record', () => {
  it('opens a patient’s access report from the Patients page, in sentences with names, and saves it as CSV', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.owner, DEMO.password);
    await page.goto('/app/schedule/patients');
    await page.getByLabel('Last name starts with').fill('Quill');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Access report of Quillfeather, Ada' }).click();
    await page.waitForURL(new RegExp(`/app/schedule/patients/${patient.id}/access$`));
    await page.getByRole('heading', { name: 'Access report: Ada Quillfeather' }).waitFor();
    const what = page.locator('tbody td[data-label="What"]');
    await what.filter({ hasText: "Maria Lopez viewed Ada Quillfeather's visits" }).waitFor();
    // The owner's search just now showed her (the first, unfiltered page may have too).
    const LIST = 'Dana Whitaker saw Ada Quillfeather in a patient list';
    const rows = await what.allTextContents();
    expect(rows[0]).toBe(LIST);
    expect(rows.filter((r) => r !== LIST)).toEqual([
      "Maria Lopez viewed Ada Quillfeather's visits",
      "Maria Lopez viewed Ada Quillfeather's details",
      'Maria Lopez added Ada Quillfeather as a patient',
    ]);
    const who = await page.locator('tbody td[data-label="Who"]').first().textContent();
    expect(who).toContain('Dana Whitaker');
    await expectNoAxeViolations(page, 'patient access report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^access-report-ada-quillfeather-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, records } = csvRecords(await readFile((await download.path())!, 'utf8'));
    expect(header).toEqual(['when_(america/new_york)', 'who', 'role', 'what', 'details']);
    expect(records.map((r) => r.what)).toEqual(rows);
    expect(records.find((r) => r.what === "Maria Lopez viewed Ada Quillfeather's visits")).toMatchObject({
      who: 'Maria Lopez',
      role: 'Practice manager',
    });

    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'patient access report on a phone');
    await context.close();
  });

  it('filters the audit log by patient and by person, and saves the filtered view as CSV', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.owner, DEMO.password);
    await page.goto('/app/audit');
    await page.locator('tbody td[data-label="What"]').first().waitFor();
    await page
      .getByLabel('Person')
      .locator('option', { hasText: 'Maria Lopez' })
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'audit log');
    await page.getByLabel('Last name starts with').fill('Quill');
    await page.getByRole('button', { name: 'Find patient' }).click();
    await page.getByRole('button', { name: 'Only Quillfeather, Ada (born 1985-12-10)' }).click();
    await page.waitForURL(new RegExp(`patientId=${patient.id}`));
    await page.getByText('Only events about').waitFor();
    const what = page.locator('tbody td[data-label="What"]');
    await expect
      .poll(async () => {
        const rows = await what.allTextContents();
        return rows.length > 0 && rows.every((r) => r.includes('Ada Quillfeather'));
      })
      .toBe(true);
    await expectNoAxeViolations(page, 'audit log filtered by patient');

    await page.getByLabel('Person').selectOption({ label: 'Maria Lopez' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/actorId=/);
    await expect
      .poll(() => what.allTextContents())
      .toEqual([
        "Maria Lopez viewed Ada Quillfeather's visits",
        "Maria Lopez viewed Ada Quillfeather's details",
        'Maria Lopez added Ada Quillfeather as a patient',
      ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const { header, records } = csvRecords(await readFile((await download.path())!, 'utf8'));
    expect(header).toContain('request_id');
    expect(records.map((r) => r.action)).toEqual([
      'patient.visits_viewed',
      'patient.viewed',
      'patient.created',
    ]);
    expect(records.every((r) => r.patient_id === patient.id && r.who === 'Maria Lopez')).toBe(true);
    await page.getByText('Saved 3 event(s) as CSV.').waitFor();
    await context.close();
  });

  it('front-desk staff are not offered the report', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.goto('/app/schedule/patients');
    await page
      .getByRole('button', { name: /^Visits of / })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: /^Access report of/ }).count()).toBe(0);
    await context.close();
  });
});
