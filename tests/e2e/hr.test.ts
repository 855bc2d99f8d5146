import { describe, expect, it } from 'vitest';
import { addDays, localParts } from '../../shared/time.ts';
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

const app = useE2eApp('hr');
const SHORT_DAY = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const MEDIUM_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
/** The demo's Luis Ortega: a medical assistant at Main Street (functions/local/seed-hr.ts). */
const LUIS = 'lortega@maplestreet.example';

/** Thursday of next week in the demo's zone: Luis and Ava are Main Street's medical assistants then. */
function nextThursday(): string {
  const today = localParts(Date.now(), 'America/New_York').date;
  const wd = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = addDays(today, (8 - wd) % 7 || 7);
  return addDays(monday, 3);
}

describe('HR', () => {
  it('staff asks for a day off; the manager sees the shifts it leaves short and approves; the balance moves; the pay period shows the hours', async () => {
    const day = nextThursday();
    const luis = await newPage(app);
    await logInUi(luis.page, LUIS, DEMO.password);
    await luis.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await luis.page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await luis.page
      .getByRole('navigation', { name: 'HR pages' })
      .getByRole('link', { name: 'Time off' })
      .click();
    const pto = luis.page.getByRole('article', { name: 'Paid time off' });
    await pto.waitFor();
    const approvedAhead = () => pto.locator('dt:text("Approved ahead") + dd').textContent();
    const before = await approvedAhead();

    await luis.page.getByRole('button', { name: 'Request time off' }).click();
    const ask = luis.page.getByRole('dialog', { name: 'Request time off' });
    await ask.getByLabel('First day').fill(day);
    await ask.getByLabel('Last day').fill(day);
    await ask.getByLabel('Hours').fill('8');
    await ask.getByLabel('Note').fill("Daughter's school play");
    await ask
      .getByText(/balance on/i)
      .first()
      .waitFor();
    await expectNoAxeViolations(luis.page, 'time-off request');
    await ask.getByRole('button', { name: 'Send the request' }).click();
    await luis.page
      .getByText(/^Asked for paid time off [A-Z][a-z]{2} \d+\. A manager will decide\.$/)
      .waitFor();

    const maria = await newPage(app);
    await logInUi(maria.page, DEMO.manager, DEMO.password);
    await maria.page.goto('/app/hr/time-off');
    await maria.page
      .getByRole('button', { name: /^Review Luis Ortega’s request for / })
      .last()
      .click();
    const decide = maria.page.getByRole('dialog', { name: 'Time-off request' });
    const short = decide.getByRole('alert').filter({ hasText: 'Shifts left short' });
    await short.or(decide.getByText('Shifts left short')).first().waitFor();
    await decide.getByText(/at Main Street Clinic: 08:00–17:00 \(8 hours short\)/).waitFor();
    await expectNoAxeViolations(maria.page, 'time-off decision');
    await decide.getByLabel('Note to the person').fill('Ava covers the morning; enjoy the play');
    await decide.getByRole('button', { name: 'Approve' }).click();
    await maria.page.getByText(/Approved Luis Ortega’s paid time off/).waitFor();

    // The shift schedule shows him off that day.
    await maria.page
      .getByRole('navigation', { name: 'HR pages' })
      .getByRole('link', { name: 'Shifts' })
      .click();
    await maria.page.getByRole('heading', { level: 1, name: 'Shifts' }).waitFor();
    await expectNoAxeViolations(maria.page, 'shifts week');

    await luis.page.reload();
    await pto.waitFor();
    await expect.poll(approvedAhead).not.toBe(before);

    // The pay period holding the day (the demo pays every two weeks from this week's Monday) counts
    // the eight hours as PTO once the manager opens it for review.
    await maria.page
      .getByRole('navigation', { name: 'HR pages' })
      .getByRole('link', { name: 'Payroll' })
      .click();
    const periodStart = MEDIUM_DATE.format(new Date(`${addDays(day, -10)}T00:00:00Z`));
    await maria.page
      .getByRole('listitem')
      .filter({ hasText: `${periodStart} to` })
      .getByRole('button', { name: 'Open for review' })
      .click();
    const lines = maria.page.getByRole('table', { name: /^Hours per person/ });
    const luisLine = lines.getByRole('row').filter({ hasText: 'Luis Ortega' });
    // Person, Pay, Regular, Overtime, PTO.
    await expect.poll(() => luisLine.getByRole('cell').nth(4).textContent()).toBe('8.00');
    await expectNoAxeViolations(maria.page, 'pay period');
    await luis.context.close();
    await maria.context.close();
  }, 120_000);

  it('the staff directory and the shift week fit a phone; staff are never shown pay', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.setViewportSize(PHONE);
    await page.goto('/app/hr/staff');
    await page.getByRole('link', { name: 'Diaz, Rosa' }).waitFor();
    expect(await page.getByText(/\$\d/).count()).toBe(0);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.goto('/app/hr/shifts');
    await page.getByRole('heading', { level: 1, name: 'Shifts' }).waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    // Her published shifts, in her phone's calendar.
    await page.getByRole('button', { name: 'Add my shifts to my calendar' }).click();
    const link = await page.getByLabel('Calendar link (shown once)').inputValue();
    expect(link).toMatch(/\/api\/hr\/feeds\/[A-Za-z0-9_-]+$/);
    const ics = await (await fetch(link)).text();
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('SUMMARY:Shift at Main Street Clinic');
    await context.close();
  }, 60_000);

  it('the owner opens a leave case, logs a day, sees the 12 weeks move and keeps a note only she sees', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.owner, DEMO.password);
    await page.goto('/app/hr/leave');
    await page.getByRole('heading', { level: 1, name: 'Leave and accommodation' }).waitFor();
    await page
      .getByRole('table', { name: 'Leave cases' })
      .getByRole('button', { name: "Hannah Price's FMLA leave" })
      .click();
    const dialog = page.getByRole('dialog', { name: "Hannah Price's FMLA leave" });
    const used = dialog.getByText(/ of 12 weeks used$/);
    await used.waitFor();
    const before = await used.textContent();
    // The seed asked 12 days ago; the notice went out, the certification is still to come.
    await dialog.getByRole('button', { name: 'Mark received' }).waitFor();
    await expectNoAxeViolations(page, 'leave case');

    const today = localParts(Date.now(), 'America/New_York').date;
    await dialog.getByLabel('First day').fill(today);
    await dialog.getByLabel('Hours a day').fill('4');
    await dialog.getByRole('button', { name: 'Log leave' }).click();
    await page.getByText(/^Logged leave on /).waitFor();
    await expect.poll(() => used.textContent()).not.toBe(before);

    await dialog.getByLabel('Note', { exact: true }).fill('Her mother’s surgery moved to Friday');
    await dialog.getByRole('button', { name: 'Add the note' }).click();
    await dialog.getByText('Her mother’s surgery moved to Friday').waitFor();

    // At phone width the list and the case still fit.
    await page.setViewportSize(PHONE);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('staff asks to hand a shift to a colleague; the manager approves it and the shift moves', async () => {
    // Next week (a draft in the demo) published, so Luis has Monday's shift ahead whatever today is;
    // Ava, the per-diem assistant, works only Thursdays and Fridays: Monday is free for her.
    const monday = addDays(nextThursday(), -3);
    const token = await apiLogin(app, DEMO.manager, DEMO.password);
    const locations = await apiCall(app, 'GET', '/locations', { token });
    const main = (locations.body.items as { id: string; name: string }[]).find(
      (l) => l.name === 'Main Street Clinic',
    );
    const published = await apiCall(app, 'POST', '/hr/shifts/publish', {
      token,
      json: { locationId: main!.id, weekOf: monday },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const day = SHORT_DAY.format(new Date(`${monday}T00:00:00Z`));

    const luis = await newPage(app);
    await logInUi(luis.page, LUIS, DEMO.password);
    await luis.page.goto('/app/hr/shifts');
    const ask = luis.page.getByRole('button', { name: `Ask to swap the shift on ${day} 8:00 AM–5:00 PM` });
    await ask.click();
    const dialog = luis.page.getByRole('dialog', { name: 'Ask to swap a shift' });
    await dialog.getByLabel('Who takes it').selectOption({ label: 'Ava Brooks' });
    await dialog.getByLabel('Note to the manager (optional)').fill('Dentist in the morning');
    await expectNoAxeViolations(luis.page, 'swap request');
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await luis.page
      .getByText(`Asked to hand your shift on ${day} to Ava Brooks. A manager will decide.`)
      .waitFor();

    const maria = await newPage(app);
    await logInUi(maria.page, DEMO.manager, DEMO.password);
    await maria.page.goto('/app/hr/shifts');
    await maria.page.getByRole('button', { name: 'Approve Luis Ortega’s swap to Ava Brooks' }).click();
    const approve = maria.page.getByRole('dialog', { name: `Give the shift on ${day} to Ava Brooks?` });
    await approve.getByRole('button', { name: 'Approve the swap' }).click();
    await maria.page.getByText(`Gave the shift on ${day} to Ava Brooks.`).waitFor();

    // Monday is no longer Luis's to swap.
    await luis.page.reload();
    await luis.page.getByRole('heading', { name: 'My next shifts' }).waitFor();
    await expect.poll(() => ask.count()).toBe(0);
    await luis.context.close();
    await maria.context.close();
  }, 90_000);
});
