import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { clickGridTime } from './grid.ts';
import {
  apiCall,
  apiLogin,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PASSWORD,
  PHONE,
  sidewaysOverflow,
  signUpPractice,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('first-run', { seed: false }); // new practices only: no demo needed

const LAPTOP = { width: 1366, height: 860 };
const guide = (page: Page) => page.getByRole('region', { name: /Set up your practice/ });
const step = (page: Page, title: string) => guide(page).getByRole('listitem').filter({ hasText: title });

/** Back to Today (the home page) through the navigation (on a phone, the menu opens first). */
async function home(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (!(await nav.getByRole('link', { name: /^Today/ }).isVisible())) {
    await page.getByRole('button', { name: /menu/i }).click();
  }
  await nav.getByRole('link', { name: /^Today/ }).click();
  await page.waitForURL(/\/app$/);
  await guide(page).waitFor();
}

describe('a new practice reaches its first booking through the setup guide only', () => {
  for (const viewport of [LAPTOP, PHONE]) {
    it(`at ${viewport.width} px`, async () => {
      const { context, page } = await newPage(app, viewport);
      await page.goto('/signup');

      // An empty form names what is expected in words, never an internal value list.
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(3);
      const messages = await page.locator('.field-error').allInnerTexts();
      expect(messages.join(' | ')).toContain('Choose a specialty');
      expect(messages.join(' | ')).not.toMatch(/_|Must be one of/);

      await page.getByLabel('Practice name').fill('Birchwood Pediatrics');
      await page.getByLabel('Specialty').selectOption({ label: 'Pediatrics' });
      await page.getByLabel('Size').selectOption({ label: 'Small (2–5 providers)' });
      await page.getByLabel('Region', { exact: true }).selectOption({ label: 'East North Central' });
      await page.getByLabel('Time zone').selectOption('America/New_York');
      await page.getByLabel('Your name').fill('Pat Rivera');
      await page.getByLabel('Work email').fill(`pat.${viewport.width}.${Date.now()}@birchwood.example`);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(/\/app$/);

      // The guide sits on top of the home page, every step still to do.
      await guide(page).waitFor();
      await guide(page).getByText('0 of 4 required steps done').waitFor();
      await expectNoAxeViolations(page, `setup guide at ${viewport.width}`);
      expect(await sidewaysOverflow(page)).toEqual([]);

      // 1. Location and its opening hours.
      await step(page, 'Add your location').getByRole('link', { name: 'Add a location' }).click();
      await page.getByRole('button', { name: 'Add location' }).click();
      const form = page.getByRole('form', { name: 'Add a location' });
      await form.getByLabel('Location name').fill('Birchwood Main');
      await form.getByLabel('Address line 1').fill('1 Birch Road');
      await form.getByLabel('City').fill('Dayton');
      await form.getByLabel('State').fill('OH');
      await form.getByLabel('ZIP code').fill('45402');
      await form.getByLabel('Phone').fill('(937) 555-0100');
      await form.getByRole('button', { name: 'Add location' }).click();
      await page.getByText('Birchwood Main added').waitFor();
      await home(page);
      await step(page, 'Add your location').getByText('Done').waitFor();

      // 2. A provider, then her weekly hours, filled in from the location's opening hours.
      await step(page, 'Add providers').getByRole('link', { name: 'Set up providers' }).click();
      await page.getByRole('button', { name: 'Add provider' }).click();
      const providerForm = page.getByRole('dialog', { name: 'Add a provider' });
      await providerForm.getByLabel('Provider name').fill('Dr. Rosa Diaz');
      await providerForm.getByRole('button', { name: 'Add provider' }).click();
      await page.getByText('Added Dr. Rosa Diaz').waitFor();
      await home(page);
      await step(page, 'Add providers').getByText('Dr. Rosa Diaz has no weekly hours yet').waitFor();
      await step(page, 'Add providers').getByRole('link', { name: 'Set up providers' }).click();
      await page.getByRole('tab', { name: 'Weekly hours', selected: true }).waitFor();
      expect(await page.getByLabel('Friday until', { exact: true }).inputValue()).toBe('16:00');
      expect(await page.getByLabel('Saturday', { exact: true }).isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Save weekly hours' }).click();
      await page.getByText(/Weekly hours saved from/).waitFor();

      // 3. A visit type.
      await home(page);
      await step(page, 'Create visit types').getByRole('link', { name: 'Add visit types' }).click();
      await page.getByRole('button', { name: 'Add visit type' }).click();
      const typeForm = page.getByRole('dialog', { name: 'Add a visit type' });
      await typeForm.getByLabel('Visit type').fill('Well child');
      await typeForm.getByLabel('Minutes').fill('30');
      await typeForm.getByRole('button', { name: 'Add visit type' }).click();
      await page.getByText('Added Well child').waitFor();

      // 4. No room needed; the team and the import are optional. Book the first visit.
      await home(page);
      await step(page, 'Add rooms').getByText('Not needed').waitFor();
      await guide(page).getByText('3 of 4 required steps done').waitFor();
      await step(page, 'Book your first visit').getByRole('link', { name: 'Book a visit' }).click();
      const book = page.getByRole('dialog', { name: 'Book a visit at Birchwood Main' });
      await book.getByRole('button', { name: 'Find next free times' }).click();
      await expect.poll(() => book.getByRole('radio').count(), { timeout: 15_000 }).toBeGreaterThan(12);
      await book.getByRole('radio').first().check();
      await book.getByRole('button', { name: 'New patient' }).click();
      await book.getByLabel('First name').fill('Milo');
      await book.getByLabel('Last name').fill('Birch');
      await book.getByLabel('Date of birth').fill('2019-04-02');
      await book.getByRole('button', { name: 'Add patient' }).click();
      // The new patient is chosen and shown; no "No patient found" left over.
      await book.getByRole('radio', { name: /Birch, Milo/, checked: true }).waitFor();
      expect(await book.getByText('No patient found').count()).toBe(0);
      await expectNoAxeViolations(page, `book dialog at ${viewport.width}`);
      await book.getByRole('button', { name: 'Book visit' }).click();
      await page.getByText(/Booked Birch, Milo on /).waitFor();

      // Done: the guide leaves the home page and stays reachable from Schedule setup.
      await home(page).catch(() => {}); // the guide is gone, so home() cannot wait for it
      await page.getByRole('heading', { level: 1, name: /Pat/ }).waitFor();
      await expect.poll(() => guide(page).count()).toBe(0);
      await page.goto('/app/schedule/setup');
      await page.getByRole('link', { name: 'Setup guide' }).click();
      await page.getByRole('heading', { name: 'Your practice is set up' }).waitFor();
      await context.close();
    }, 180_000);
  }
});

/** Every page a practice user can open, as a brand-new practice sees it. */
const PAGES = [
  '/app',
  '/app/schedule',
  '/app/schedule/week',
  '/app/schedule/waitlist',
  '/app/schedule/patients',
  '/app/schedule/reports',
  '/app/schedule/import',
  '/app/schedule/setup',
  '/app/setup-guide',
  '/app/settings',
  '/app/team',
  '/app/outbox',
  '/app/membership',
  '/app/audit',
];

describe('a brand-new practice', () => {
  it('sees no spinner outlive its requests and no empty page without a next step', async () => {
    const email = await signUpPractice(app, 'Empty Start Clinic');
    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // Anything still spinning once the network is quiet is a spinner that outlived its request.
      const spinning = await page.locator('main .spinner').count();
      if (spinning) problems.push(`${path}: ${spinning} spinner(s) after the requests finished`);
      // Every empty state offers the next step: a button, link or field in it or in its own section
      // (an invite form above an empty invite list), or the page's own action.
      for (const empty of await page.locator('main .empty-state').all()) {
        if (!(await empty.isVisible())) continue;
        const nextStep = await empty.evaluate((el) => {
          const scope = el.closest('section, .card, [role="tabpanel"]') ?? el;
          const actions = el.closest('main')?.querySelector('.page-actions');
          const controls = 'a[href], button, input, select';
          return scope.querySelectorAll(controls).length + (actions?.querySelectorAll(controls).length ?? 0);
        });
        if (!nextStep) problems.push(`${path}: empty without a next step: ${await empty.textContent()}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the front desk books from the grid', () => {
  it('keyboard only: arrows to an empty time, Enter, patient, book; outside hours needs a reason', async () => {
    const email = await signUpPractice(app, 'Grid Booking Clinic');
    const token = await apiLogin(app, email, PASSWORD);
    const post = async (path: string, json: unknown) => {
      const res = await apiCall(app, 'POST', path, { token, json });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body;
    };
    const location = await post('/locations', {
      name: 'Grid Office',
      address: { line1: '2 Grid St', city: 'Dayton', state: 'OH', postalCode: '45402' },
      phone: '(937) 555-0111',
      timeZone: 'America/New_York',
      hours: DEFAULT_HOURS,
    });
    const provider = await post('/scheduling/providers', {
      name: 'Dr. Ada Grid',
      color: '#1f6feb',
      locationIds: [location.id],
    });
    await post('/scheduling/templates', {
      providerId: provider.id,
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
      effectiveFrom: '2026-01-01',
    });
    await post('/scheduling/types', {
      name: 'Sick visit',
      durationMinutes: 15,
      color: '#2da44e',
      patientKind: 'established',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      needsRoom: false,
    });
    await post('/scheduling/patients', {
      firstName: 'Kim',
      lastName: 'Keyes',
      dateOfBirth: '1990-05-05',
      preferredContact: 'none',
    });

    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    await page.goto('/app/schedule');
    await page.getByLabel('Date').fill('2031-03-05'); // a Wednesday
    // Today's grid has the same first open time: key into the new day's grid once it is drawn.
    await page.getByRole('region', { name: 'Appointments on 2031-03-05' }).waitFor();
    // The grid's one tab stop is the first open time (08:00); two rows down is 08:30.
    const first = page.locator('.sched-cell[tabindex="0"]');
    await expect.poll(() => first.getAttribute('data-slot')).toBe(`${provider.id}@08:00`);
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Book 8:30 AM with Dr. Ada Grid',
    );
    await page.keyboard.press('Enter');
    const book = page.getByRole('dialog', { name: 'Book a visit at Grid Office' });
    // The dialog's code loads on first open: give it longer on a busy machine.
    await book.getByText('Wed, Mar 5 at 8:30 AM').waitFor({ timeout: 30_000 });
    await book.getByLabel('Patient last name').focus();
    await page.keyboard.type('Key');
    await book.getByRole('radio', { name: /Keyes, Kim/ }).waitFor();
    await book.getByRole('radio', { name: /Keyes, Kim/ }).focus();
    await page.keyboard.press('Space');
    await book.getByRole('button', { name: 'Book visit' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Booked Keyes, Kim on Wed, Mar 5 at 8:30 AM').waitFor();
    await page.getByRole('button', { name: /^8:30\sAM Keyes, Kim/ }).waitFor();

    // 18:00 is after hours: the API refuses, and the owner books it anyway with a reason.
    await clickGridTime(page, provider.id, '18:00');
    await book.getByLabel('Patient last name').fill('Keyes');
    await book.getByRole('radio', { name: /Keyes, Kim/ }).check();
    await book.getByRole('button', { name: 'Book visit' }).click();
    await book.getByText(/outside the provider's hours/).waitFor();
    await book.getByRole('button', { name: 'Book outside hours' }).click();
    await book.getByText('Say why, in at least 3 characters').waitFor();
    await book.getByLabel('Reason for booking outside hours').fill('Fever, parent works late');
    await expectNoAxeViolations(page, 'override outside hours');
    await book.getByRole('button', { name: 'Book outside hours' }).click();
    await page.getByText('Booked Keyes, Kim on Wed, Mar 5 at 6:00 PM').waitFor();

    // Moving the morning visit past closing asks for a reason too, from the visit's own dialog.
    await page.getByRole('button', { name: /^8:30\sAM Keyes, Kim/ }).click();
    const visit = page.getByRole('dialog', { name: /Keyes, Kim/ });
    await visit.getByRole('button', { name: 'Move…' }).click();
    await visit.getByLabel('New time').fill('18:30');
    await visit.getByRole('button', { name: 'Move visit' }).click();
    await visit.getByLabel('Reason for booking outside hours').fill('Parent asked for after work');
    await visit.getByRole('button', { name: 'Move outside hours' }).click();
    await page.getByRole('button', { name: /^6:30\sPM Keyes, Kim/ }).waitFor();
    await context.close();
  }, 120_000);
});
