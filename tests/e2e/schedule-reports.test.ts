import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { errorsIn, validateBundle } from '../support/fhir-r4.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PASSWORD,
  PHONE,
  sidewaysOverflow,
  signUpPractice,
  useE2eApp,
} from './support.ts';

interface Place {
  id: string;
  name: string;
  timeZone: string;
  archived: boolean;
}
type Rate = number | null;
interface Week {
  weekStart: string;
  pastVisits: number;
  noShows: number;
  noShowRate: Rate;
  byProvider: { providerId: string; utilization: Rate }[];
}
/** Fewer visits than this behind a rate: marked "few visits", no arrow (weekly-rates.ts FEW_VISITS). */
const FEW = 20;

const app = useE2eApp('schedule-reports');
let token = '';
let main: Place;
let other: Place;
const providerNames = new Map<string, string>();

beforeAll(async () => {
  token = await apiLogin(app, DEMO.manager, DEMO.password);
  const places = (await apiCall(app, 'GET', '/locations?limit=100', { token })).body.items as Place[];
  // The page opens on the first open location, as the API lists them.
  [main, other] = places.filter((l) => !l.archived) as [Place, Place];
  const providers = (await apiCall(app, 'GET', '/scheduling/providers?limit=100', { token })).body.items;
  for (const p of providers as { id: string; name: string }[]) providerNames.set(p.id, p.name);
}, 300_000);

const pct = (rate: number) => `${Math.round(rate * 100)}%`;
const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

async function measures(locationId: string, weeks: number): Promise<{ weeks: Week[] }> {
  const res = await apiCall(app, 'GET', `/scheduling/measures?locationId=${locationId}&weeks=${weeks}`, {
    token,
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function openMeasures(page: Page): Promise<void> {
  await logInUi(page, DEMO.manager, DEMO.password);
  await page.goto('/app/schedule');
  await page
    .getByRole('navigation', { name: 'Schedule pages' })
    .getByRole('link', { name: 'Measures' })
    .click();
  await page.waitForURL(/\/app\/schedule\/reports$/);
  await page.getByRole('heading', { name: 'Measures', level: 1 }).waitFor();
  await page.getByRole('figure', { name: /No-show rate/ }).waitFor();
}

describe('schedule measures', () => {
  it('shows the location’s weekly rates, providers and months as the API reports them', async () => {
    const { context, page } = await newPage(app);
    await openMeasures(page);
    expect(await page.getByLabel('Location', { exact: true }).inputValue()).toBe(main.id);

    // The no-show headline is the latest week that had visits, against the week before it.
    const { weeks } = await measures(main.id, 8);
    const at = weeks.findLastIndex((w) => w.noShowRate !== null);
    expect(at, 'the demo has held visits with a no-show').toBeGreaterThanOrEqual(0);
    const latest = weeks[at]!.noShowRate!;
    const noShow = page.getByRole('figure', { name: /No-show rate/ });
    const caption = noShow.locator('figcaption');
    expect(await caption.locator('.chart-value').textContent()).toBe(pct(latest));
    // The count behind the rate sits beside it; a rate from few visits is marked and has no arrow.
    const week = weeks[at]!;
    const outOf = `${week.noShows} of ${week.pastVisits} visit${week.pastVisits === 1 ? '' : 's'}`;
    expect(await caption.locator('.chart-count').textContent()).toBe(outOf);
    const previous = at > 0 ? weeks[at - 1]! : undefined;
    const comparable = week.pastVisits >= FEW && previous?.noShowRate != null && previous.pastVisits >= FEW;
    expect(await caption.locator('.chart-few').count()).toBe(week.pastVisits < FEW ? 1 : 0);
    expect(await caption.locator('.chart-delta').count()).toBe(comparable ? 1 : 0);
    if (comparable) {
      const change = Math.round(latest * 100) - Math.round(previous!.noShowRate! * 100);
      const delta = await caption.locator('.chart-delta').textContent();
      if (change === 0) expect(delta).toContain('no change');
      else {
        expect(delta).toContain(change > 0 ? '↑' : '↓');
        expect(delta).toContain(`${Math.abs(change)} pt`);
      }
    }
    expect(await noShow.getByRole('img').getAttribute('aria-label')).toContain(
      `Latest ${pct(latest)} (${outOf}`,
    );

    // The numbers behind the chart: one row per week, a week without held visits says so (not 0%),
    // and what each rate is out of.
    const table = noShow.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(8);
    const cells = await table.locator('tbody td:nth-of-type(1)').allTextContents();
    expect(cells).toEqual(weeks.map((w) => (w.noShowRate === null ? 'No visits held' : pct(w.noShowRate))));
    const counts = await table.locator('tbody td:nth-of-type(2)').allTextContents();
    expect(counts).toEqual(
      weeks.map((w) =>
        w.noShowRate === null
          ? ''
          : `${w.noShows} of ${w.pastVisits} visit${w.pastVisits === 1 ? '' : 's'}${w.pastVisits < FEW ? ', few visits' : ''}`,
      ),
    );
    // Visually hidden (a 1 px clip) until asked for; screen readers have it all along.
    const toggle = noShow.getByRole('button', { name: 'Show numbers' });
    const numbers = noShow.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    expect((await numbers.boundingBox())!.width).toBeLessThanOrEqual(1);
    await toggle.click();
    await noShow.getByRole('button', { name: 'Hide numbers', expanded: true }).waitFor();
    expect((await numbers.boundingBox())!.width).toBeGreaterThan(100);
    await page.getByRole('figure', { name: /Late-cancel rate/ }).waitFor();
    await page
      .getByRole('figure', { name: /Utilization/ })
      .first()
      .waitFor();

    // Utilization per provider this week, by name, with the API's figure in its table.
    const providers = page.getByRole('figure', { name: /Utilization by provider/ });
    const thisWeek = weeks[weeks.length - 1]!.byProvider;
    expect(thisWeek.length).toBeGreaterThan(0);
    for (const p of thisWeek) {
      const name = providerNames.get(p.providerId)!;
      await providers.locator('svg text', { hasText: name }).waitFor();
      const shown = p.utilization === null ? 'No open hours' : pct(p.utilization);
      const row = providers.getByRole('row', { name: new RegExp(`^${name}`) });
      expect(await row.locator('td').textContent()).toBe(shown);
      expect(await providers.getByRole('img').getAttribute('aria-label')).toContain(
        `${name} ${shown.toLowerCase()}`,
      );
    }
    const access = page.getByRole('list', { name: 'Time to third next available' });
    expect(await access.getByRole('listitem').count()).toBe(thisWeek.length);
    for (const p of thisWeek) await access.getByText(providerNames.get(p.providerId)!).waitFor();

    // Monthly snapshots: the newest completed month with visits, as the API counts it.
    const months = (
      await apiCall(app, 'GET', `/scheduling/measures/months?locationId=${main.id}&months=12`, { token })
    ).body.months as { month: string; visits: number; newPatients: number }[];
    const month = months.find((m) => m.visits > 0)!;
    expect(month, 'the demo history reaches into a completed month').toBeDefined();
    const monthly = page.getByRole('table', { name: 'Monthly measures' });
    const monthRow = monthly.getByRole('row').filter({ hasText: monthName(month.month) });
    expect(await monthRow.locator('td').nth(1).textContent()).toBe(String(month.visits));
    await page.getByRole('figure', { name: /New patients per month/ }).waitFor();
    // Each number's definition, from the metric registry, sits under the table.
    await page.getByText('How these are measured').click();
    await page.getByRole('definition').filter({ hasText: 'Source: MGMA' }).waitFor();
    await expectNoAxeViolations(page, 'measures');

    // Another location shows its own providers; a shorter range shows fewer weeks.
    await page.getByLabel('Location', { exact: true }).selectOption(other.id);
    const otherWeek = (await measures(other.id, 8)).weeks.at(-1)!.byProvider;
    const here = new Set(thisWeek.map((p) => p.providerId));
    const onlyThere = otherWeek.find((p) => !here.has(p.providerId))!;
    expect(onlyThere, 'the demo has a provider at the other location only').toBeDefined();
    await providers.locator('svg text', { hasText: providerNames.get(onlyThere.providerId)! }).waitFor();
    await page.getByLabel('Weeks shown').selectOption('4');
    await expect.poll(() => noShow.getByRole('table').locator('tbody tr').count()).toBe(4);
    await context.close();
  });

  it('downloads a FHIR bundle that passes R4 validation, and refuses more than 31 days', async () => {
    const { context, page } = await newPage(app);
    await openMeasures(page);
    const exports: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/scheduling/fhir')) exports.push(r.url());
    });
    const form = page.getByRole('form', { name: 'FHIR export' });
    const today = localParts(Date.now(), main.timeZone).date;
    // Last week's held visits (no-shows, late cancels) and this week's bookings.
    const from = addDays(today, -7);
    const to = addDays(today, 6);
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download FHIR bundle' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`rounds-fhir-${from}-${to}.json`);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(bundle.resourceType).toBe('Bundle');
    const entries = bundle.entry as { resource: { resourceType: string; id: string } }[];
    const kinds = new Set(entries.map((e) => e.resource.resourceType));
    for (const kind of ['Location', 'Practitioner', 'Schedule', 'Slot', 'Appointment', 'Patient']) {
      expect(kinds, `a ${kind} in the bundle`).toContain(kind);
    }
    // The demo's mix of statuses (no-shows, late cancels) through the same R4 checks as the unit test.
    expect(errorsIn(validateBundle(bundle, { closed: true }))).toEqual([]);
    await page.getByText(/Downloaded the FHIR bundle/).waitFor();
    expect(exports).toHaveLength(1);

    // 41 days: the form says why and sends nothing.
    await form.getByLabel('To').fill(addDays(from, 40));
    await form.getByRole('button', { name: 'Download FHIR bundle' }).click();
    await form.getByText('Export at most 31 days at a time; this range is 41 days').waitFor();
    expect(await form.getByLabel('To').getAttribute('aria-invalid')).toBe('true');
    expect(exports).toHaveLength(1);
    await expectNoAxeViolations(page, 'measures with an export error');
    await context.close();
  });

  it('shows billing the measures but not the patient-level export', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, 'billing@maplestreet.example', DEMO.password);
    await page.goto('/app/schedule/reports');
    await page.getByRole('figure', { name: /No-show rate/ }).waitFor();
    await page.getByRole('table', { name: 'Monthly measures' }).waitFor();
    expect(await page.getByRole('form', { name: 'FHIR export' }).count()).toBe(0);
    await context.close();
  });

  it('fits a phone', async () => {
    const { context, page } = await newPage(app);
    await openMeasures(page);
    await page.setViewportSize(PHONE);
    await page.getByRole('table', { name: 'Monthly measures' }).waitFor();
    await page
      .getByRole('figure', { name: /No-show rate/ })
      .getByRole('button', { name: 'Show numbers' })
      .click();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await expectNoAxeViolations(page, 'measures on a phone');
    await context.close();
  });

  it('tells a new practice what to do next instead of drawing empty charts', async () => {
    const email = await signUpPractice(app, 'Blank Slate Clinic');
    const owner = await apiLogin(app, email, PASSWORD);
    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    await page.goto('/app/schedule/reports');
    await page.getByText('No locations yet').waitFor();
    await page.getByRole('link', { name: 'Add a location' }).waitFor();

    const created = await apiCall(app, 'POST', '/locations', {
      token: owner,
      json: {
        name: 'First Office',
        address: { line1: '9 Quiet Lane', city: 'Columbus', state: 'OH', postalCode: '43215' },
        phone: '(614) 555-0190',
        timeZone: 'America/New_York',
        hours: DEFAULT_HOURS,
      },
    });
    expect(created.status).toBe(201);
    await page.reload();
    await page.getByText('No visits in the last 8 weeks').waitFor();
    await page.getByText('No providers at First Office yet').waitFor();
    await page.getByText('No completed months yet').waitFor();
    expect(await page.getByRole('figure').count()).toBe(0);
    await page.getByRole('form', { name: 'FHIR export' }).waitFor();
    await expectNoAxeViolations(page, 'measures of a new practice');
    await context.close();
  });
  it('shows a handful of visits as counts marked “few visits”, with no trend, and empty weeks as gaps', async () => {
    const email = await signUpPractice(app, 'Small Start Clinic');
    const owner = await apiLogin(app, email, PASSWORD);
    const post = async (path: string, json: unknown) => {
      const res = await apiCall(app, 'POST', path, { token: owner, json });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body;
    };
    const timeZone = 'America/New_York';
    const today = localParts(Date.now(), timeZone).date;
    const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    const location = await post('/locations', {
      name: 'Only Office',
      address: { line1: '2 Small St', city: 'Columbus', state: 'OH', postalCode: '43215' },
      phone: '(614) 555-0191',
      timeZone,
      hours: DEFAULT_HOURS,
    });
    const provider = await post('/scheduling/providers', {
      name: 'Dr. Ines Few',
      title: 'MD',
      color: '#1f6feb',
      locationIds: [location.id],
    });
    await post('/scheduling/templates', {
      providerId: provider.id,
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
      effectiveFrom: addDays(monday, -70),
    });
    const type = await post('/scheduling/types', {
      name: 'Check-up',
      durationMinutes: 30,
      color: '#2da44e',
      patientKind: 'established',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      needsRoom: false,
    });
    const patient = await post('/scheduling/patients', {
      firstName: 'Tess',
      lastName: 'Handful',
      dateOfBirth: '1990-04-04',
      preferredContact: 'none',
    });
    // Last week: three visits, one missed. No visits in any other week.
    const lastTuesday = addDays(monday, -6);
    const booked = [];
    for (const time of ['09:00', '10:00', '11:00']) {
      booked.push(
        await post('/scheduling/appointments', {
          patientId: patient.id,
          providerId: provider.id,
          locationId: location.id,
          typeId: type.id,
          date: lastTuesday,
          time,
        }),
      );
    }
    const missed = await apiCall(app, 'POST', `/scheduling/appointments/${booked[0].id}/status`, {
      token: owner,
      json: { status: 'no_show', version: booked[0].version },
    });
    expect(missed.status).toBe(200);

    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    await page.goto('/app/schedule/reports');
    const noShow = page.getByRole('figure', { name: /No-show rate/ });
    const caption = noShow.locator('figcaption');
    await caption.locator('.chart-value').waitFor();
    expect(await caption.locator('.chart-value').textContent()).toBe('33%');
    expect(await caption.locator('.chart-count').textContent()).toBe('1 of 3 visits');
    expect(await caption.locator('.chart-few').textContent()).toBe('Few visits');
    expect(await caption.locator('.chart-delta').count()).toBe(0);
    expect(await caption.textContent()).toContain('too few to show a trend');
    // One point (hollow, from few visits); the seven weeks without visits are gaps, not 0%.
    expect(await noShow.locator('circle').count()).toBe(1);
    expect(await noShow.locator('circle.chart-dot-few').count()).toBe(1);
    expect(await noShow.locator('rect.chart-gap').count()).toBe(7);
    const rows = noShow.getByRole('table').locator('tbody tr');
    expect(await rows.nth(6).locator('td').allTextContents()).toEqual(['33%', '1 of 3 visits, few visits']);
    expect(await rows.nth(7).locator('td').allTextContents()).toEqual(['No visits held', '']);

    // This week has open hours but nothing booked: no utilization figure rather than 0%.
    const utilization = page.locator('figure.chart-utilization');
    const utilRows = utilization.getByRole('table').locator('tbody tr');
    expect(await utilRows.nth(7).locator('td').first().textContent()).toBe('No visits booked');
    expect(await utilRows.nth(6).locator('td').first().textContent()).toMatch(/^\d+%$/);
    expect(await utilization.locator('circle').count()).toBe(1);
    await expectNoAxeViolations(page, 'measures from a few visits');
    await context.close();
  });
});
