import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, newPage, PASSWORD, useE2eApp } from './support.ts';

const app = useE2eApp('onboarding');

const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();

describe('sign-up', () => {
  it('a new practice signs up through the form and lands in its workspace', async () => {
    const { context, page } = await newPage(app);
    await page.goto('/signup');
    await expect.poll(() => page.title()).toContain('Create your Rounds account');

    // The shared schemas validate in the browser first: errors appear under the fields.
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(3);
    await page.getByLabel('Password').fill('too-short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Must be at least 12 characters').waitFor();

    // The server's own password policy comes back as a field error under the password.
    await page.getByLabel('Practice name').fill('Lakeview Family Care');
    await page.getByLabel('Specialty').selectOption({ label: 'Family medicine' });
    await page.getByLabel('Size').selectOption({ label: 'Small (2–5 providers)' });
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'East North Central' });
    await page.getByLabel('Your name').fill('Dana Brooks');
    await page.getByLabel('Work email').fill(`weak.${Date.now()}@lakeview.example`);
    await page.getByLabel('Password').fill('qzqzqzqzqzqz');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.field-error').filter({ hasText: 'Use more different characters.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Some fields are invalid' }).waitFor();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');

    const email = `dana.${Date.now()}@lakeview.example`;
    await page.getByLabel('Practice name').fill('Lakeview Family Care');
    await page.getByLabel('Specialty').selectOption({ label: 'Family medicine' });
    await page.getByLabel('Size').selectOption({ label: 'Small (2–5 providers)' });
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'East North Central' });
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    await page.getByLabel('Phone').fill('(614) 555-0101');
    await page.getByLabel('Your name').fill('Dana Brooks');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(/\/app$/);
    await page.getByRole('heading', { level: 1, name: /Dana/ }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Lakeview Family Care');
    expect(await navLinks(page)).toEqual([
      'Today',
      'Schedule',
      'Billing',
      'Staff',
      'Documents',
      'Hiring',
      'Team',
      'Associations',
      'How we compare',
      'Settings',
      'Outbox',
      'Audit log',
    ]);

    // The session survives a reload (refresh token), and signing out ends it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Dana/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto('/app/team');
    await page.waitForURL(/\/login\?next=%2Fapp%2Fteam/);
    await context.close();
  });

  it('an email already in use is reported by the server in the form', async () => {
    const { context, page } = await newPage(app);
    await page.goto('/signup');
    await page.getByLabel('An association').check();
    await page.getByLabel('Association name').fill('Second Owner Association');
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Mid-Atlantic' });
    await page.getByLabel('Your name').fill('Someone Else');
    await page.getByLabel('Work email').fill(DEMO.owner);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
    expect(page.url()).toMatch(/\/signup$/);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('skips to content, signs in with Tab and Enter, and reaches a page from the navigation', async () => {
    const { context, page } = await newPage(app);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Rounds' }).waitFor();

    // First Tab: the skip link; Enter moves focus to the main landmark.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab to the email field; focus is visible on every stop.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { name: el.getAttribute('name'), outline: getComputedStyle(el).outlineStyle };
      });
      expect(focused.outline, `focus ring on ${focused.name}`).not.toBe('none');
      if (focused.name === 'email') break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await page.keyboard.type(DEMO.owner);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app$/);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // Tab through the sidebar to "Team" and open it with Enter.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Team';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/team$/);
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await context.close();
  });

  it('shows the wait time when sign-in is throttled', async () => {
    const { context, page } = await newPage(app);
    await page.goto('/login');
    await page.getByLabel('Email').fill(DEMO.manager);
    const submit = page.getByRole('button', { name: 'Sign in', exact: true });
    for (let i = 0; i < 7; i++) {
      await page.getByLabel('Password').fill(`wrong-password-${i}`);
      await submit.click();
      await submit.waitFor(); // "Signing in…" while the request runs
      await page.getByRole('alert').waitFor();
      if ((await page.getByRole('alert').textContent())?.includes('Too many attempts')) break;
    }
    expect(await page.getByRole('alert').textContent()).toMatch(
      /Too many attempts, try again in \d+ minutes?/,
    );
    await context.close();
  });
});

describe('session', () => {
  const expired = {
    status: 401,
    contentType: 'application/json',
    body: JSON.stringify({
      error: { code: 'unauthorized', message: 'Sign in again to continue', requestId: 'e2e' },
    }),
  };

  it('renews an expired access token once; when renewal fails it sends the user to sign in', async () => {
    const { context, page } = await newPage(app);
    await page.goto('/login');
    await page.getByLabel('Email').fill(DEMO.owner);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app$/);
    let refreshes = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/auth/refresh') refreshes++;
    });

    // The first team request is refused as expired: the app refreshes and retries.
    let refused = false;
    await page.route(
      (url) => url.pathname === '/api/team',
      (route) => {
        if (refused) return route.fallback();
        refused = true;
        return route.fulfill(expired);
      },
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('row').filter({ hasText: 'Maria Lopez' }).first().waitFor();
    expect(refreshes).toBe(1);

    // Now the refresh token is refused too: the session ends.
    await page.route(
      (url) => url.pathname === '/api/outbox',
      (route) => route.fulfill(expired),
    );
    await page.route(
      (url) => url.pathname === '/api/auth/refresh',
      (route) => route.fulfill(expired),
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/login\?next=%2Fapp%2Foutbox$/);
    await page.getByText('Your session ended. Sign in again to continue.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('rounds.refresh'))).toBeNull();
    await context.close();
  });
});
