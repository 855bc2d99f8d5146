import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_PRACTICES, SUPPRESSION_REASONS } from '../../shared/benchmarks/cohorts.ts';
import { csvRecords } from '../../shared/csv.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  DESKTOP,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('benchmarks');
/** Screenshots for a person to look at; not compared by the test. */
const SHOTS = '/tmp/shots';

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The page at 375 px: axe-clean, nothing sideways, and a screenshot; then back to the desktop. */
async function checkPhone(page: Page, label: string, shot: string): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await sidewaysOverflow(page), `${label} at 375px`).toEqual([]);
  await expectNoAxeViolations(page, `${label} at 375px`);
  await shoot(page, shot);
  await page.setViewportSize(DESKTOP);
}

describe('association benchmarks', () => {
  it('the association admin filters to a cohort, reads its figures, exports exactly them, and sees a suppressed cohort', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.assocAdmin, DEMO.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Benchmarks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benchmarks' }).waitFor();
    await page.getByRole('article', { name: 'No-show rate' }).waitFor();

    const filters = page.getByRole('form', { name: 'Choose the cohort and period' });
    await filters.getByLabel('Specialty').selectOption({ label: 'Family medicine' });
    await filters.getByLabel('Region').selectOption({ label: 'South Atlantic' });
    await page.waitForURL(/specialty=family_medicine/);
    expect(page.url()).toMatch(/region=south_atlantic/);
    await page.getByText('Family medicine · South Atlantic', { exact: true }).waitFor();

    const noShows = page.getByRole('article', { name: 'No-show rate' });
    const n = await noShows.getByText(/^n = \d+ practices in this cohort$/).textContent();
    expect(Number(n?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(MIN_PRACTICES);
    await noShows.getByText('median', { exact: true }).waitFor();
    await noShows.getByText(/^\d+ of \d+ members reported this measure$/).waitFor();
    await noShows.getByText('How this is measured').click();
    await noShows.getByText('Appointments marked no-show divided by', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'How these figures are protected' }).waitFor();
    await expectNoAxeViolations(page, 'benchmarks dashboard');
    await shoot(page, 'benchmarks-desktop');

    // The CSV holds exactly the cohort on screen, and nothing about any one practice.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^benchmarks-family_medicine\.south_atlantic\.any-month-\d{4}-\d{2}\.csv$/,
    );
    const text = await readFile((await download.path())!, 'utf8');
    const { header, records } = csvRecords(text);
    expect(header).toContain('practices_(n)');
    expect(records.length).toBeGreaterThan(10);
    expect(new Set(records.map((r) => r.cohort))).toEqual(new Set(['Family medicine · South Atlantic']));
    const row = records.find((r) => r.metric === 'No-show rate')!;
    expect(Number(row['practices_(n)'])).toBeGreaterThanOrEqual(MIN_PRACTICES);
    expect(Number(row['median_(p50)'])).toBeGreaterThan(0);
    for (const r of records.filter((r) => r.note)) {
      expect([r['practices_(n)'], r.p10, r.p25, r['median_(p50)'], r.p75, r.p90].join(''), r.metric).toBe('');
    }
    const token = await apiLogin(app, DEMO.assocAdmin, DEMO.password);
    const members = await apiCall(app, 'GET', '/association/members?limit=100', { token });
    const names: string[] = members.body.items.map((m: { practiceName: string }) => m.practiceName);
    expect(names.length).toBeGreaterThanOrEqual(MIN_PRACTICES);
    for (const name of names) expect(text, name).not.toContain(name);

    await checkPhone(page, 'benchmarks dashboard', 'benchmarks-phone');

    // Two pediatric practices in the South Atlantic: the cohort exists but is never published.
    await filters.getByLabel('Specialty').selectOption({ label: 'Pediatrics' });
    await page.getByText('Pediatrics · South Atlantic', { exact: true }).waitFor();
    const withheld = page.getByRole('article', { name: 'No-show rate' });
    await withheld.getByText(SUPPRESSION_REASONS.too_few, { exact: true }).waitFor();
    expect(await withheld.getByText(/^n = /).count()).toBe(0);
    expect(await withheld.getByText('median', { exact: true }).count()).toBe(0);
    await shoot(page, 'benchmarks-suppressed');

    // The monthly job, now: the seed rolled everything up, so there is nothing new.
    await page.getByRole('button', { name: 'Roll up now' }).click();
    await page.getByText(/^(Nothing new to roll up|Published \d+ months?)/).waitFor();
    await context.close();
  });

  it('the practice manager sees where Maple Street stands, and exactly what it shared', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'How we compare' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'How we compare' }).waitFor();
    const noShows = page.getByRole('article', { name: 'No-show rate' });
    await noShows.getByText('your practice', { exact: true }).waitFor();
    await noShows.getByText(/^Better than \d+% of member practices$/).waitFor();
    await noShows
      .getByRole('row', { name: /^All members/ })
      .getByText(/^Better than \d+%$/)
      .waitFor();
    const shared = page.getByRole('region', { name: 'What we shared, by month' });
    await shared.getByRole('columnheader', { name: 'No-show rate' }).waitFor();
    expect(await shared.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'how we compare');
    await shoot(page, 'compare-desktop');
    await checkPhone(page, 'how we compare', 'compare-phone');
    await context.close();
  });
});
