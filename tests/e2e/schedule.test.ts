import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { formatLocalDay, formatLocalTime } from '../../web/src/lib/format.ts';
import { dragToGridTime, isOffHours } from './grid.ts';
import {
  apiCall,
  apiLogin,
  clock12,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PASSWORD,
  signUpPractice,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('schedule');
let token = '';

beforeAll(async () => {
  token = await apiLogin(app, DEMO.staff, DEMO.password);
}, 300_000);

/** The block of a visit in the day grid, by patient name. */
const block = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^\\d{1,2}:\\d\\d\\s[AP]M ${name}`) });

async function statusOf(
  id: string,
): Promise<{ status: string; time: string; providerId: string; version: number }> {
  return (await apiCall(app, 'GET', `/scheduling/appointments/${id}`, { token })).body;
}

describe('schedule', () => {
  it('books from the slot finder, checks the patient in and out, moves and cancels visits', async () => {
    // A patient with no visits yet: a demo patient's own visit could overlap the first free time.
    const olive = await apiCall(app, 'POST', '/scheduling/patients', {
      token,
      json: { firstName: 'Olive', lastName: 'Fresh', dateOfBirth: '1979-04-04', preferredContact: 'none' },
    });
    expect(olive.status).toBe(201);
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.getByRole('link', { name: 'Schedule' }).first().click();
    await page.getByRole('heading', { name: 'Schedule' }).waitFor();
    await expectNoAxeViolations(page, 'schedule day');
    // The grid shades time outside each provider's hours (the demo works 08:00–12:00 and 13:00–17:00).
    const someProvider = (await apiCall(app, 'GET', '/scheduling/providers', { token })).body.items[0].id;
    await page.getByLabel('Date').fill('2031-03-04'); // a Tuesday
    await expect.poll(() => isOffHours(page, someProvider, '07:00')).toBe(true);
    expect(await isOffHours(page, someProvider, '09:00')).toBe(false);
    expect(await isOffHours(page, someProvider, '12:00')).toBe(true);
    await page.getByRole('button', { name: 'Today' }).click();

    // Book: the first free time, for a patient found by last name.
    await page.getByRole('button', { name: 'Book a visit' }).click();
    const dialog = page.getByRole('dialog', { name: /Book a visit at/ });
    await dialog.getByRole('button', { name: 'Find next free times' }).click();
    const firstSlot = dialog.getByRole('radio').first();
    await firstSlot.check();
    // The label reads "9:00 AM"; the local date and 24-hour time ride on the element.
    const firstLabel = dialog.locator('label.slot').first();
    const [date, time] = [
      await firstLabel.getAttribute('data-date'),
      await firstLabel.getAttribute('data-time'),
    ];
    // Typed as a birth date, the search finds her by it; the result shows birth date (and phone).
    await dialog.getByLabel('Patient last name').fill('04/04/1979');
    await dialog.getByRole('radio', { name: 'Fresh, Olive · born 1979-04-04' }).waitFor();
    await dialog.getByLabel('Patient last name').fill('Fresh');
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog
      .getByRole('radio', { name: /Fresh, Olive/ })
      .first()
      .check();
    await dialog.getByRole('button', { name: 'Book visit' }).click();
    await page
      .getByText(`Booked Fresh, Olive on ${formatLocalDay(date!)} at ${formatLocalTime(time!)}`)
      .waitFor();

    // The visit shows on its day; walk it through the flow.
    await page.getByLabel('Date').fill(date!);
    const visit = page.getByRole('button', { name: `${clock12(time!)} Fresh, Olive, Follow-up, scheduled` });
    await visit.waitFor();
    // The dialog stays open through check-in → room → check-out, showing the patient's details.
    await page
      .getByRole('button', {
        name: new RegExp(`^${clock12(time!).replace(' ', '\\s')} Fresh, Olive, Follow-up`),
      })
      .click();
    const visitDialog = page.getByRole('dialog');
    await visitDialog.getByText('Not verified yet').waitFor();
    for (const [action, status] of [
      ['Check in', 'arrived'],
      ['Room', 'in room'],
      ['Check out', 'checked out'],
    ] as const) {
      await visitDialog.getByRole('button', { name: action }).click();
      await page
        .getByRole('button', { name: `${clock12(time!)} Fresh, Olive, Follow-up, ${status}` })
        .waitFor();
    }
    // A check-out clicked by mistake is taken back, and done again.
    await visitDialog.getByRole('button', { name: 'Undo check-out' }).click();
    await page.getByRole('button', { name: `${clock12(time!)} Fresh, Olive, Follow-up, in room` }).waitFor();
    await visitDialog.getByRole('button', { name: 'Check out' }).click();
    await page
      .getByRole('button', { name: `${clock12(time!)} Fresh, Olive, Follow-up, checked out` })
      .waitFor();
    await visitDialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Patient flow' }).click();
    await page.getByRole('region', { name: 'Checked out' }).getByText('Fresh, Olive').waitFor();
    await expectNoAxeViolations(page, 'patient flow');
    await page.getByRole('tab', { name: 'Day' }).click();

    // A patient on the waitlist wants any time that day (the shortest visit type, so every freed time fits).
    const types = (await apiCall(app, 'GET', '/scheduling/types', { token })).body.items as {
      id: string;
      durationMinutes: number;
    }[];
    const shortest = [...types].sort((x, y) => x.durationMinutes - y.durationMinutes)[0]!;
    const MOVE_DAY = '2031-03-04'; // a Tuesday inside the demo providers' hours
    const locationIdValue = await locationId();
    const waiting = await apiCall(app, 'POST', '/scheduling/patients', {
      token,
      json: {
        firstName: 'Wendy',
        lastName: 'Waiting',
        dateOfBirth: '1984-02-02',
        preferredContact: 'phone',
        phone: '(614) 555-0111',
      },
    });
    const entry = await apiCall(app, 'POST', '/scheduling/waitlist', {
      token,
      json: {
        patientId: waiting.body.id,
        locationId: await locationId(),
        typeId: shortest.id,
        earliestDate: MOVE_DAY,
        latestDate: MOVE_DAY,
      },
    });
    expect(entry.status).toBe(201);
    const offer = page.getByRole('dialog', { name: 'Offer the freed time' });

    // Move another visit with the keyboard-friendly "Move…" form, then drag one; each frees a time
    // that is offered to the waitlist ("Not now" keeps the patient waiting).
    // Moves happen on a quiet future Tuesday with two visits of our own, so nothing depends on the
    // hour the test runs (today's demo visits before now are already checked in or out).
    const dayVisits = async () =>
      (
        await apiCall(app, 'GET', `/scheduling/day?locationId=${await locationId()}&date=${MOVE_DAY}`, {
          token,
        })
      ).body.appointments as {
        id: string;
        patientName: string;
        status: string;
        time: string;
        providerId: string;
      }[];
    const live = (v: { status: string }) => v.status === 'scheduled' || v.status === 'confirmed';
    const here = (
      (await apiCall(app, 'GET', '/scheduling/providers', { token })).body.items as {
        id: string;
        active: boolean;
        locationIds: string[];
      }[]
    ).filter((p) => p.active && p.locationIds.includes(locationIdValue));
    for (const [n, provider] of here.slice(0, 2).entries()) {
      const mover = await apiCall(app, 'POST', '/scheduling/patients', {
        token,
        json: {
          firstName: 'Mo',
          lastName: `Mover${'AB'[n]}`,
          dateOfBirth: `1990-01-0${n + 1}`,
          preferredContact: 'none',
        },
      });
      const made = await apiCall(app, 'POST', '/scheduling/appointments', {
        token,
        json: {
          patientId: mover.body.id,
          providerId: provider.id,
          locationId: locationIdValue,
          typeId: shortest.id,
          date: MOVE_DAY,
          time: '09:00',
        },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    await page.getByLabel('Date').fill(MOVE_DAY);
    const visits = await dayVisits();
    const movable = visits.filter(live);
    expect(movable.length).toBeGreaterThan(1);
    const first = movable[0]!;
    const second = movable.find((v) => v.providerId !== first.providerId)!;
    await block(page, first.patientName).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move…' }).click();
    await page.getByRole('dialog').getByLabel('New time').fill('16:00');
    await page.getByRole('dialog').getByRole('button', { name: 'Move visit' }).click();
    await page.getByText(/Moved to Tue, Mar 4 at 4:00\sPM/).waitFor();
    await offer.getByText('Waiting, Wendy').waitFor();
    await offer.getByRole('button', { name: 'Not now' }).click();
    await offer.waitFor({ state: 'hidden' });

    const secondBlock = page
      .getByRole('button', { name: `${clock12(second.time)} ${second.patientName}`, exact: false })
      .first();
    // HTML5 drag and drop, as the browser dispatches it (dragstart on the visit, drop at 16:15).
    await dragToGridTime(page, secondBlock, second.providerId, '16:15');
    await page.getByText(/Moved to Tue, Mar 4 at 4:15\sPM with /).waitFor();
    expect(await statusOf(second.id)).toMatchObject({ status: 'rescheduled' });
    await offer.getByText('Waiting, Wendy').waitFor();
    await offer.getByRole('button', { name: 'Not now' }).click();
    await offer.waitFor({ state: 'hidden' });

    // Cancel asks first, then offers the freed time to the waitlist; booking it closes the entry.
    await page
      .getByRole('button', { name: /^4:15\sPM / })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel (practice)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel visit' }).click();
    await page.getByText('Visit cancelled').waitFor();
    await offer.getByText('Waiting, Wendy').waitFor();
    await expectNoAxeViolations(page, 'waitlist offer');
    await offer.getByRole('button', { name: 'Book Waiting, Wendy at 4:15 PM' }).click();
    await page.getByText('Booked Waiting, Wendy from the waitlist at 4:15 PM').waitFor();
    await page.getByRole('button', { name: /^4:15\sPM Waiting, Wendy/ }).waitFor();
    const stillWaiting = await apiCall(app, 'GET', '/scheduling/waitlist?limit=100', { token });
    expect(stillWaiting.body.items.map((e: { id: string }) => e.id)).not.toContain(entry.body.id);
    expect((await statusOf(first.id)).status).toBe('rescheduled');
    await context.close();
  }, 90_000);
});

describe('a new practice', () => {
  it('sets up a provider, a visit type and weekly hours on the Setup page, then finds free times', async () => {
    const email = await signUpPractice(app, 'Fresh Start Clinic');
    const owner = await apiLogin(app, email, PASSWORD);
    const location = await apiCall(app, 'POST', '/locations', {
      token: owner,
      json: {
        name: 'Fresh Office',
        address: { line1: '5 New Street', city: 'Columbus', state: 'OH', postalCode: '43215' },
        phone: '(614) 555-0150',
        timeZone: 'America/New_York',
        hours: DEFAULT_HOURS,
      },
    });
    expect(location.status).toBe(201);
    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    await page.goto('/app/schedule');
    await page
      .getByRole('navigation', { name: 'Schedule pages' })
      .getByRole('link', { name: 'Setup' })
      .click();
    await page.getByRole('heading', { name: 'Schedule setup' }).waitFor();

    // A provider: the form says what is wrong before anything is sent.
    await page.getByRole('button', { name: 'Add provider' }).click();
    const providerForm = page.getByRole('dialog', { name: 'Add a provider' });
    await providerForm.getByRole('button', { name: 'Add provider' }).click();
    await expect
      .poll(() => providerForm.getByLabel('Provider name').getAttribute('aria-invalid'))
      .toBe('true');
    await providerForm.getByLabel('Provider name').fill('Dr. Nina Fresh');
    await providerForm.getByLabel('Title').fill('MD');
    await providerForm.getByRole('button', { name: 'Add provider' }).click();
    await page.getByText('Added Dr. Nina Fresh').waitFor();
    await page.getByRole('cell', { name: 'Dr. Nina Fresh, MD', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'setup providers');

    // Her calendar feed: the URL is shown once and serves iCalendar that parses.
    await page.getByRole('button', { name: 'Calendar feed for Dr. Nina Fresh' }).click();
    const feedDialog = page.getByRole('dialog', { name: 'Calendar feed for Dr. Nina Fresh' });
    await feedDialog.getByRole('button', { name: 'Create feed URL' }).click();
    const feedUrl = await feedDialog.getByLabel('Feed URL (shown once)').inputValue();
    expect(feedUrl).toMatch(/\/api\/scheduling\/feeds\/[A-Za-z0-9_-]{43}$/);
    await feedDialog.getByRole('button', { name: 'Done' }).click();
    await page.getByText('On, “Booked” only').waitFor();

    // A visit type with a buffer.
    await page.getByRole('tab', { name: 'Visit types' }).click();
    await page.getByRole('button', { name: 'Add visit type' }).click();
    const typeForm = page.getByRole('dialog', { name: 'Add a visit type' });
    await typeForm.getByLabel('Visit type').fill('Check-up');
    await typeForm.getByLabel('Minutes').fill('32');
    await typeForm.getByRole('button', { name: 'Add visit type' }).click();
    await typeForm.getByText('Use 5-minute steps').waitFor();
    await typeForm.getByLabel('Minutes').fill('30');
    await typeForm.getByLabel('Buffer after (min)').fill('5');
    await typeForm.getByRole('button', { name: 'Add visit type' }).click();
    await page.getByText('Added Check-up').waitFor();
    await page.getByRole('cell', { name: '0 min before, 5 min after' }).waitFor();

    // Weekly hours, Monday to Friday with a lunch break; a bad day is named.
    await page.getByRole('tab', { name: 'Weekly hours' }).click();
    await page.getByLabel('Wednesday until', { exact: true }).fill('07:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText('Wednesday: The day must end after it starts').waitFor();
    await page.getByLabel('Wednesday until', { exact: true }).fill('17:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText(/Weekly hours saved from/).waitFor();
    await page.getByRole('cell', { name: /Mon 8:00\sAM–12:00\sPM, 1:00\sPM–5:00\sPM/ }).waitFor();
    await expectNoAxeViolations(page, 'setup weekly hours');

    // A holiday, then removed again after a confirmation.
    await page.getByRole('tab', { name: 'Time off & closures' }).click();
    await page.getByLabel('Kind').selectOption('holiday');
    await page.getByLabel('First day').fill('2031-12-25');
    await page.getByLabel('Reason').fill('Christmas');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('cell', { name: 'Christmas' }).waitFor();
    await expectNoAxeViolations(page, 'setup time off');
    await page.getByRole('button', { name: /Remove holiday Dec 25, 2031/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Nothing planned').waitFor();

    // Reminder rules.
    await page.getByRole('tab', { name: 'Reminders' }).click();
    await page.getByLabel('Reminder 2').fill('');
    await page.getByRole('button', { name: 'Save reminder rules' }).click();
    await page.getByText('Reminder rules saved').waitFor();
    const rules = await apiCall(app, 'GET', '/scheduling/reminder-settings', { token: owner });
    expect(rules.body.hoursBefore).toEqual([72]);

    await page.getByRole('navigation', { name: 'Schedule pages' }).getByRole('link', { name: 'Day' }).click();
    await page.getByRole('button', { name: 'Book a visit' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Find next free times' }).click();
    const book = page.getByRole('dialog', { name: /Book a visit at/ });
    await expect.poll(() => book.getByRole('radio').count()).toBeGreaterThan(0);
    await book.getByRole('radio').first().check();
    await book.getByRole('button', { name: 'New patient' }).click();
    await book.getByLabel('First name').fill('Nora');
    await book.getByLabel('Last name').fill('Newcomer');
    await book.getByLabel('Date of birth').fill('1992-09-09');
    await book.getByRole('button', { name: 'Add patient' }).click();
    await book.getByRole('button', { name: 'Book visit' }).click();
    await page.getByText(/Booked Newcomer, Nora on/).waitFor();

    // The provider's calendar feed (the URL from Setup) parses as iCalendar and shows "Booked", not the name.
    const feed = await fetch(feedUrl);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('SUMMARY:Booked');
    expect(lines.some((l) => /^DTSTART:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    expect(ics).not.toContain('Newcomer');
    await context.close();
  }, 90_000);
});

async function locationId(): Promise<string> {
  const list = await apiCall(app, 'GET', '/locations?limit=10', { token });
  return list.body.items[0].id;
}
