import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDay, formatLocalTime } from '../../web/src/lib/format.ts';
import {
  apiCall,
  apiLogin,
  clock12,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  takePageErrors,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('schedule-retire');
let token = '';

beforeAll(async () => {
  token = await apiLogin(app, DEMO.manager, DEMO.password);
}, 300_000);

const subNav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Schedule pages' }).getByRole('link', { name, exact: true });

const typeNamed = async (name: string) =>
  (await apiCall(app, 'GET', '/scheduling/types', { token })).body.items.find(
    (t: { name: string }) => t.name === name,
  );

/** The Book dialog's visit type choices, as shown. */
const offeredTypes = async (page: Page) => {
  await page.getByRole('button', { name: 'Book a visit' }).click();
  const dialog = page.getByRole('dialog', { name: /Book a visit at/ });
  const select = dialog.getByLabel('Visit type');
  await expect.poll(() => select.locator('option').count()).toBeGreaterThan(0);
  const options = await select.locator('option').allTextContents();
  const chosen = await select.locator('option:checked').textContent();
  return { dialog, options, chosen };
};

describe('retiring visit types and rooms', () => {
  it('retires a visit type after asking, the Book dialog drops it, booked visits stay, and it comes back', async () => {
    // A Follow-up visit booked before the type is retired, on a known Tuesday.
    const [providers, patients, locations] = await Promise.all(
      ['/scheduling/providers', '/scheduling/patients?q=smith', '/locations'].map(
        async (path) => (await apiCall(app, 'GET', path, { token })).body.items,
      ),
    );
    const followUp = await typeNamed('Follow-up');
    const booked = await apiCall(app, 'POST', '/scheduling/appointments', {
      token,
      json: {
        patientId: patients[0].id,
        providerId: providers.find((p: { active: boolean }) => p.active).id,
        locationId: locations[0].id,
        typeId: followUp.id,
        date: '2031-06-03',
        time: '09:00',
      },
    });
    expect(booked.status).toBe(201);

    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto('/app/schedule/setup');
    await page.getByRole('heading', { name: 'Schedule setup' }).waitFor();
    await page.getByRole('tab', { name: 'Visit types' }).click();
    const row = page.getByRole('row', { name: /Follow-up/ });
    await row.getByText('Active', { exact: true }).waitFor();

    // Retire asks first; Cancel changes nothing.
    await page.getByRole('button', { name: 'Retire Follow-up' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Retire Follow-up?' });
    await ask.getByText(/Visits already booked as Follow-up stay on the schedule/).waitFor();
    await expectNoAxeViolations(page, 'retire visit type confirmation');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect((await typeNamed('Follow-up')).active).toBe(true);

    await page.getByRole('button', { name: 'Retire Follow-up' }).click();
    await ask.getByRole('button', { name: 'Retire' }).click();
    await page.getByText('Follow-up retired').waitFor();
    await row.getByText('Retired', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Offer again: Follow-up' }).waitFor();
    expect((await typeNamed('Follow-up')).active).toBe(false);
    await expectNoAxeViolations(page, 'setup visit types with a retired one');

    // The Book dialog no longer offers it (and no longer picks it as the default), but still finds times.
    await subNav(page, 'Day').click();
    await page.getByLabel('Date', { exact: true }).fill('2031-06-03');
    await page
      .getByRole('button', { name: `9:00 AM ${booked.body.patientName}, Follow-up, scheduled` })
      .waitFor();
    const retired = await offeredTypes(page);
    expect(retired.options.length).toBeGreaterThan(0);
    expect(retired.options.some((o) => o.startsWith('Follow-up'))).toBe(false);
    expect(retired.chosen).not.toMatch(/^Follow-up/);
    await retired.dialog.getByRole('button', { name: 'Find next free times' }).click();
    await expect.poll(() => retired.dialog.getByRole('radio').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // Offered again: back in the Book dialog.
    await subNav(page, 'Setup').click();
    await page.getByRole('tab', { name: 'Visit types' }).click();
    await page.getByRole('button', { name: 'Offer again: Follow-up' }).click();
    await page.getByText('Follow-up is offered again').waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    expect((await typeNamed('Follow-up')).active).toBe(true);
    await subNav(page, 'Day').click();
    const back = await offeredTypes(page);
    expect(back.options.some((o) => o.startsWith('Follow-up'))).toBe(true);
    await page.keyboard.press('Escape');
    await context.close();
    expect(takePageErrors()).toEqual([]);
  }, 90_000);

  it('edits a room’s name (checked before sending), retires it after asking and brings it back', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto('/app/schedule/setup');
    await page.getByRole('heading', { name: 'Schedule setup' }).waitFor();
    await page.getByRole('tab', { name: 'Rooms & equipment' }).click();

    await page.getByRole('button', { name: 'Edit Exam 2' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Exam 2' });
    await edit.getByLabel('Name').fill(' ');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => edit.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'edit room dialog with an error');
    await edit.getByLabel('Name').fill('Exam 2 (east)');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved Exam 2 (east)').waitFor();
    const row = page.getByRole('row', { name: /Exam 2 \(east\)/ });
    await row.getByText('Active', { exact: true }).waitFor();
    const rooms = (await apiCall(app, 'GET', '/scheduling/resources', { token })).body.items;
    expect(rooms.find((r: { name: string }) => r.name === 'Exam 2 (east)')).toMatchObject({
      kind: 'room',
      active: true,
      version: 2,
    });

    await page.getByRole('button', { name: 'Retire Exam 2 (east)' }).click();
    await page
      .getByRole('alertdialog', { name: 'Retire Exam 2 (east)?' })
      .getByRole('button', { name: 'Retire' })
      .click();
    await page.getByText('Exam 2 (east) retired').waitFor();
    await row.getByText('Retired', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'setup rooms with a retired one');
    await page.getByRole('button', { name: 'Bring back Exam 2 (east)' }).click();
    await page.getByText('Exam 2 (east) is back').waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    const after = (await apiCall(app, 'GET', '/scheduling/resources', { token })).body.items;
    expect(after.find((r: { name: string }) => r.name === 'Exam 2 (east)')).toMatchObject({
      active: true,
      version: 4,
    });
    await context.close();
    expect(takePageErrors()).toEqual([]);
  }, 90_000);

  it('the visit types and rooms tabs, with their new buttons, fit a 375 px phone and pass axe there', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.setViewportSize(PHONE);
    await page.goto('/app/schedule/setup');
    await page.getByRole('heading', { name: 'Schedule setup' }).waitFor();
    for (const [tab, button] of [
      ['Visit types', 'Retire Follow-up'],
      ['Rooms & equipment', 'Edit Exam 1'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('button', { name: button }).waitFor();
      // The tab strip scrolls on its own by design; what the tab panel shows must fit.
      const panel = page.getByRole('tabpanel');
      const outside = await panel.evaluate((el) =>
        [...el.querySelectorAll('button, input, select, a')]
          .filter((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 2 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1);
          })
          .map((c) => (c.getAttribute('aria-label') ?? c.textContent ?? '').trim()),
      );
      expect(outside, tab).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(1);
      await expectNoAxeViolations(page, `${tab} at 375 px`);
    }
    await context.close();
    expect(takePageErrors()).toEqual([]);
  }, 60_000);

  it('books a visit that needs a room from the Book dialog: a free room is given and shown on the visit', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.goto('/app/schedule');
    await page.getByLabel('Date').fill('2031-06-10');
    await page.getByRole('button', { name: 'Book a visit' }).click();
    const dialog = page.getByRole('dialog', { name: /Book a visit at/ });
    await dialog.getByLabel('Visit type').selectOption({ label: 'Minor procedure (60 min)' });
    await dialog.getByRole('button', { name: 'Find next free times' }).click();
    await dialog.getByRole('radio').first().check();
    // The label reads "9:00 AM"; the local date and 24-hour time ride on the element.
    const firstLabel = dialog.locator('label.slot').first();
    const [date, time] = [
      await firstLabel.getAttribute('data-date'),
      await firstLabel.getAttribute('data-time'),
    ];
    await dialog.getByLabel('Patient last name').fill('Smith');
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog
      .getByRole('radio', { name: /Smith, Olivia/ })
      .first()
      .check();
    await dialog.getByRole('button', { name: 'Book visit' }).click();
    await page
      .getByText(`Booked Smith, Olivia on ${formatLocalDay(date!)} at ${formatLocalTime(time!)}`)
      .waitFor();
    await page.getByLabel('Date').fill(date!);
    await page
      .getByRole('button', { name: `${clock12(time!)} Smith, Olivia, Minor procedure, scheduled` })
      .click();
    const visit = page.getByRole('dialog', { name: `Smith, Olivia · ${formatLocalTime(time!)}` });
    // The visit's facts list names its room.
    const room = visit.locator('dt', { hasText: 'Room' }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(() => room.textContent()).toMatch(/^(Exam 1|Exam 2|Procedure room)$/);
    await context.close();
    expect(takePageErrors()).toEqual([]);
  }, 60_000);
});
