import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clickGridTime, dragToGridTime, isOffHours } from './grid.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  takePageErrors,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('schedule-lists');
let token = '';

beforeAll(async () => {
  token = await apiLogin(app, DEMO.manager, DEMO.password);
}, 300_000);

const subNav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Schedule pages' }).getByRole('link', { name, exact: true });

/** Whether the page itself scrolls sideways (grids scroll inside their own region). */
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

describe('week view', () => {
  it('shows one provider’s week and moves a visit to another day by dragging, with the same checks', async () => {
    // A visit on a known Tuesday, far enough ahead to be free.
    const [providers, types, patients, locations] = await Promise.all(
      ['/scheduling/providers', '/scheduling/types', '/scheduling/patients?q=smith', '/locations'].map(
        async (path) => (await apiCall(app, 'GET', path, { token })).body.items,
      ),
    );
    const provider = providers.find((p: { active: boolean }) => p.active);
    const booked = await apiCall(app, 'POST', '/scheduling/appointments', {
      token,
      json: {
        patientId: patients[0].id,
        providerId: provider.id,
        locationId: locations[0].id,
        typeId: types[0].id,
        date: '2031-03-04',
        time: '09:00',
      },
    });
    expect(booked.status).toBe(201);

    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto('/app/schedule');
    await subNav(page, 'Week').click();
    await page.getByRole('heading', { name: 'Week', exact: true }).waitFor();
    await page.getByLabel('Provider').selectOption(provider.id);
    await page.getByLabel('Week of', { exact: true }).fill('2031-03-05');
    await page.getByText(`1 visits booked for ${provider.name}, week of Mar 3, 2031.`).waitFor();
    const block = () =>
      page.getByRole('button', { name: new RegExp(`^\\d{1,2}:\\d\\d\\s[AP]M ${booked.body.patientName}`) });
    await block().waitFor();
    // Hours outside the provider's template are shaded, as on the day grid: Sunday all day, early mornings.
    await expect.poll(() => isOffHours(page, '2031-03-09', '10:00')).toBe(true);
    expect(await isOffHours(page, '2031-03-06', '07:00')).toBe(true);
    expect(await isOffHours(page, '2031-03-06', '10:00')).toBe(false);
    await expectNoAxeViolations(page, 'week view');

    const dragTo = (slot: string) => {
      const [day, time] = slot.split('@') as [string, string];
      return dragToGridTime(page, block(), day, time);
    };
    // Thursday 10:00 is inside the hours: the visit moves (a new, linked appointment).
    await dragTo('2031-03-06@10:00');
    await page.getByText('Moved to Thu, Mar 6 at 10:00 AM').waitFor();
    await page
      .getByRole('button', {
        name: `10:00 AM ${booked.body.patientName}, ${booked.body.typeName}, scheduled`,
      })
      .waitFor();
    const old = await apiCall(app, 'GET', `/scheduling/appointments/${booked.body.id}`, { token });
    expect(old.body.status).toBe('rescheduled');

    // The keyboard way: Alt + arrow keys move the selected visit by 15 minutes or a column (a day here).
    const liveVisit = async () => {
      const w = await apiCall(app, 'GET', `/scheduling/week?providerId=${provider.id}&weekOf=2031-03-05`, {
        token,
      });
      const live = w.body.appointments.filter((a: { status: string }) => a.status === 'scheduled');
      return live.map((a: { date: string; time: string }) => `${a.date} ${a.time}`).join();
    };
    for (const [key, expected] of [
      ['Alt+ArrowDown', '2031-03-06 10:15'],
      ['Alt+ArrowLeft', '2031-03-05 10:15'],
      ['Alt+ArrowRight', '2031-03-06 10:15'],
      ['Alt+ArrowUp', '2031-03-06 10:00'],
    ] as const) {
      await block().focus();
      await page.keyboard.press(key);
      await expect.poll(liveVisit).toBe(expected);
      // Wait for the grid to draw the visit where it now is, so the next key goes to the fresh block.
      await page.locator(`.sched-appt[data-at="${expected.replace(' ', '@')}"]`).waitFor();
    }

    // Sunday 07:00 is outside the hours: refused with the reason, nothing moves.
    await dragTo('2031-03-09@07:00');
    await page
      .getByText(/outside/i)
      .first()
      .waitFor();
    await page
      .getByRole('button', {
        name: `10:00 AM ${booked.body.patientName}, ${booked.body.typeName}, scheduled`,
      })
      .waitFor();

    // Next week is one click away and keeps the provider.
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(() => page.getByLabel('Week of', { exact: true }).inputValue()).toBe('2031-03-12');
    expect(await page.getByLabel('Provider').inputValue()).toBe(provider.id);

    // An empty time of the week books exactly there, as on the day grid.
    await clickGridTime(page, '2031-03-11', '11:00');
    const book = page.getByRole('dialog', { name: /Book a visit at/ });
    await book.getByText('Tue, Mar 11 at 11:00 AM').waitFor();
    const [last, first] = (booked.body.patientName as string).split(', ');
    await book.getByLabel(/Patient last name/).fill(last!);
    await book
      .getByRole('radio', { name: new RegExp(`^${last}, ${first}`) })
      .first()
      .check();
    await book.getByRole('button', { name: 'Book visit' }).click();
    await page.getByText(`Booked ${last}, ${first} on Tue, Mar 11 at 11:00 AM`).waitFor();
    await context.close();
  }, 90_000);
});

describe('a provider', () => {
  it('sees their own week first, and the Setup page is not offered to them', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, 'mchen@maplestreet.example', DEMO.password);
    await page.goto('/app/schedule/week');
    await page.getByRole('heading', { name: 'Week', exact: true }).waitFor();
    await expect
      .poll(async () => page.getByLabel('Provider').locator('option:checked').textContent())
      .toBe('Dr. Marcus Chen');
    expect(await subNav(page, 'Setup').count()).toBe(0);
    await context.close();
  }, 60_000);
});

describe('waitlist and recalls', () => {
  it('adds a waiting patient, books them into a free time that fits, removes another after asking, and logs recall outreach', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto('/app/schedule/waitlist');
    await page.getByRole('heading', { name: 'Waitlist & recalls' }).waitFor();
    const seeded = (await apiCall(app, 'GET', '/scheduling/waitlist?limit=100', { token })).body.items as {
      patientName: string;
    }[];
    expect(seeded.length).toBeGreaterThan(0);
    await page.getByRole('cell', { name: seeded[0]!.patientName, exact: true }).waitFor();
    await expectNoAxeViolations(page, 'waitlist');

    // Add: the form refuses a range that ends before it starts, then saves.
    await page.getByRole('button', { name: 'Add to waitlist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to the waitlist' });
    await dialog.getByLabel('Patient last name').fill('Smith');
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog
      .getByRole('radio', { name: /Smith, Olivia/ })
      .first()
      .check();
    await dialog.getByLabel('Earliest date').fill('2031-03-10');
    await dialog.getByLabel('Latest date').fill('2031-03-01');
    await dialog.getByRole('button', { name: 'Add to waitlist' }).click();
    await dialog.getByText('Must be on or after the earliest date').waitFor();
    await dialog.getByLabel('Latest date').fill('2031-03-31');
    await dialog.getByLabel('From').fill('08:00');
    await dialog.getByLabel('Until').fill('11:00');
    await dialog.getByRole('button', { name: 'Add to waitlist' }).click();
    await page.getByText('Smith, Olivia added to the waitlist').waitFor();
    const row = page.getByRole('row', { name: /Smith, Olivia/ });
    await row.getByRole('cell', { name: 'Mar 10, 2031 to Mar 31, 2031' }).waitFor();
    await row.getByRole('cell', { name: '8:00 AM–11:00 AM' }).waitFor();

    // Find a time now instead of waiting for a cancellation: booking it closes the entry.
    await page.getByRole('button', { name: 'Find a time for Smith, Olivia' }).click();
    const finder = page.getByRole('dialog', { name: 'Find a time for Smith, Olivia' });
    const firstTime = finder.getByRole('button', { name: /^Book Smith, Olivia on / }).first();
    const label = (await firstTime.getAttribute('aria-label'))!;
    // "Book Smith, Olivia on Mon, Mar 10 at 8:00 AM with …": inside the patient's dates and hours.
    const [, when, day, hour, half] = /on (\w{3}, Mar (\d+) at (\d+):\d{2}\s([AP]M)) with /.exec(label)!;
    expect(Number(day) >= 10 && Number(day) <= 31, label).toBe(true);
    const hour24 = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
    expect(hour24 >= 8 && hour24 < 11, label).toBe(true);
    await expectNoAxeViolations(page, 'find a time');
    await firstTime.click();
    await page.getByText(`Booked Smith, Olivia from the waitlist on ${when}`).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Smith, Olivia/ }).count()).toBe(0);

    // Remove asks first.
    const other = seeded[0]!.patientName;
    await page.getByRole('button', { name: `Remove ${other} from the waitlist` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText(`${other} removed from the waitlist`).waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(other) }).count()).toBe(0);

    // Recalls: log a call that scheduled the visit; the recall leaves the open list.
    await page.getByRole('tab', { name: 'Recalls' }).click();
    const recalls = (await apiCall(app, 'GET', '/scheduling/recalls?limit=100', { token })).body.items as {
      id: string;
      patientName: string;
    }[];
    expect(recalls.length).toBeGreaterThan(0);
    const recall = recalls[0]!;
    await page
      .getByRole('button', { name: `Log outreach to ${recall.patientName}` })
      .first()
      .click();
    const outreach = page.getByRole('dialog', { name: `Outreach to ${recall.patientName}` });
    await outreach.getByLabel('Outcome').selectOption('left_message');
    await outreach.getByRole('button', { name: 'Log outreach' }).click();
    await page.getByText('Logged: left a message').waitFor();
    await page
      .getByRole('row', { name: new RegExp(recall.patientName) })
      .first()
      .getByText(/Left a message/)
      .waitFor();
    await expectNoAxeViolations(page, 'recalls');
    const after = (await apiCall(app, 'GET', '/scheduling/recalls?limit=100', { token })).body.items.find(
      (r: { id: string }) => r.id === recall.id,
    );
    expect(after).toMatchObject({ status: 'contacted' });
    expect(after.outreach).toHaveLength(1);
    await context.close();
  }, 90_000);

  it('finds a patient by last name, records a fresh eligibility check, and adds a patient with a clear error first', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.goto('/app/schedule');
    await subNav(page, 'Patients').click();
    await page.getByRole('heading', { name: 'Patients', exact: true }).waitFor();
    await page.getByLabel('Last name starts with').fill('smi');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('table', { name: 'Patients whose last name starts with “smi”' }).waitFor();
    const olivia = page.getByRole('row', { name: /Smith, Olivia/ }).first();
    await olivia.waitFor();
    await expectNoAxeViolations(page, 'patients');

    await olivia.getByRole('button', { name: /^Edit Smith, Olivia/ }).click();
    const edit = page.getByRole('dialog', { name: /^Edit Smith, Olivia/ });
    await edit.getByLabel('Insurance payer').fill('Buckeye Health Plan');
    await edit.getByRole('button', { name: 'Verified today' }).click();
    const verified = await edit.getByLabel('Eligibility last verified').inputValue();
    expect(verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await edit.getByRole('button', { name: 'Save patient' }).click();
    await page.getByText('Saved Smith, Olivia').waitFor();
    await page
      .getByRole('row', { name: /Smith, Olivia/ })
      .first()
      .getByText('Buckeye Health Plan')
      .waitFor();

    await page.getByRole('button', { name: 'Add patient' }).click();
    const add = page.getByRole('dialog', { name: 'Add a patient' });
    await add.getByLabel('First name').fill('Pia');
    await add.getByLabel('Last name').fill('Pagewalker');
    await add.getByLabel('Email').fill('not-an-email');
    await add.getByRole('button', { name: 'Add patient' }).click();
    await expect.poll(() => add.getByLabel('Date of birth').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => add.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('Date of birth').fill('1999-09-19');
    await add.getByLabel('Email').fill('pia@example.test');
    await add.getByRole('button', { name: 'Add patient' }).click();
    await page.getByText('Added Pagewalker, Pia').waitFor();
    const found = await apiCall(app, 'GET', '/scheduling/patients?q=pagewalker', { token });
    expect(found.body.items).toHaveLength(1);
    await context.close();
  }, 90_000);

  it('shows a patient’s visits, latest first, and a rename reaches the day grid', async () => {
    const [providers, types, locations] = await Promise.all(
      ['/scheduling/providers', '/scheduling/types', '/locations'].map(
        async (path) => (await apiCall(app, 'GET', path, { token })).body.items,
      ),
    );
    const provider = providers.find((p: { active: boolean }) => p.active);
    const vera = (
      await apiCall(app, 'POST', '/scheduling/patients', {
        token,
        json: { firstName: 'Vera', lastName: 'Visitor', dateOfBirth: '1961-06-01', preferredContact: 'none' },
      })
    ).body;
    const bookOn = async (date: string) =>
      (
        await apiCall(app, 'POST', '/scheduling/appointments', {
          token,
          json: {
            patientId: vera.id,
            providerId: provider.id,
            locationId: locations[0].id,
            typeId: types[0].id,
            date,
            time: '09:00',
          },
        })
      ).body;
    await bookOn('2031-05-06');
    const later = await bookOn('2031-05-13');
    await apiCall(app, 'POST', `/scheduling/appointments/${later.id}/cancel`, {
      token,
      json: { by: 'patient', version: later.version },
    });

    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.goto('/app/schedule/patients');
    await page.getByLabel('Last name starts with').fill('visitor');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Visits of Visitor, Vera' }).click();
    const visits = page.getByRole('dialog', { name: 'Visits of Visitor, Vera' });
    const rows = visits
      .getByRole('table', { name: 'Visits of Visitor, Vera, latest first' })
      .getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/May 13, 2031, 9:00\sAM.*Cancelled.*by the patient/);
    expect(await rows.nth(2).textContent()).toMatch(/May 6, 2031, 9:00\sAM.*Scheduled/);
    expect(await rows.nth(2).textContent()).toContain(provider.name);
    await expectNoAxeViolations(page, 'patient visits');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Edit Visitor, Vera' }).click();
    const edit = page.getByRole('dialog', { name: /^Edit Visitor, Vera/ });
    await edit.getByLabel('Last name').fill('Visitor-Lane');
    await edit.getByRole('button', { name: 'Save patient' }).click();
    await page.getByText('Saved Visitor-Lane, Vera').waitFor();
    await subNav(page, 'Day').click();
    await page.getByLabel('Date').fill('2031-05-06');
    await page.getByRole('button', { name: /^9:00\sAM Visitor-Lane, Vera, / }).waitFor();
    await context.close();
  }, 90_000);

  it('the schedule pages fit a 375 px phone and pass axe there', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.setViewportSize(PHONE);
    for (const [path, heading] of [
      ['/app/schedule', 'Schedule'],
      ['/app/schedule/week', 'Week'],
      ['/app/schedule/waitlist', 'Waitlist & recalls'],
      ['/app/schedule/patients', 'Patients'],
      ['/app/schedule/setup', 'Schedule setup'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await pageScrollsSideways(page), `${path} scrolls sideways at 375 px`).toBe(false);
      await expectNoAxeViolations(page, `${path} at 375 px`);
    }
    await context.close();
    expect(takePageErrors()).toEqual([]);
  }, 90_000);
});
