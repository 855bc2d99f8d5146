import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
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

/**
 * axe-core on every page, at desktop width and at 375 px (where nothing may scroll sideways).
 * One signed-in browser per role; the viewport is switched inside it.
 */
const app = useE2eApp('a11y');
const sessions: Record<string, { context: BrowserContext; page: Page }> = {};
let inviteToken = '';

beforeAll(async () => {
  sessions.anon = await newPage(app);
  for (const [who, email] of [
    ['owner', DEMO.owner],
    ['assoc', DEMO.assocAdmin],
    ['staff', DEMO.staff],
  ] as const) {
    sessions[who] = await newPage(app);
    await logInUi(sessions[who].page, email, DEMO.password);
  }
  // A live invitation for the accept page.
  const token = await apiLogin(app, DEMO.owner, DEMO.password);
  const email = `a11y.${Date.now()}@maplestreet.example`;
  const invited = await apiCall(app, 'POST', '/team/invites', { token, json: { email, role: 'billing' } });
  expect(invited.status).toBe(201);
  const outbox = await apiCall(app, 'GET', '/outbox?limit=5', { token });
  const message = outbox.body.items.find((m: any) => m.to === email);
  inviteToken = /\/invite\/([A-Za-z0-9_-]+)/.exec(message.text)![1]!;
}, 300_000);

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect
    .poll(() => page.locator('.loading-block, [aria-busy="true"]').count(), { timeout: 10_000 })
    .toBe(0);
}

async function scan(who: string, path: string, label: string, prepare?: (page: Page) => Promise<void>) {
  const { page } = sessions[who]!;
  await page.setViewportSize(DESKTOP);
  await page.goto(path);
  await settle(page);
  if (prepare) await prepare(page);
  await expectNoAxeViolations(page, `${label} at desktop width`);
  // Same page, phone width: the layout switches by CSS (sidebar → menu button, tables → cards).
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page, `${label} at 375px`);
  expect(await sidewaysOverflow(page), `${label} overflows sideways at 375px`).toEqual([]);
}

const PAGES: [who: string, path: () => string, label: string, prepare?: (page: Page) => Promise<void>][] = [
  ['anon', () => '/login', 'login'],
  ['anon', () => '/signup', 'signup'],
  [
    'anon',
    () => '/signup',
    'signup (association, with errors)',
    async (page) => {
      await page.getByLabel('An association').check();
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('.field-error').first().waitFor();
    },
  ],
  ['anon', () => `/invite/${inviteToken}`, 'invite accept'],
  ['anon', () => '/invite/not-a-real-invitation-token', 'invite invalid'],
  ['anon', () => '/no/such/page', '404'],
  ['owner', () => '/app', 'app home'],
  ['owner', () => '/app/settings', 'settings: profile'],
  ['owner', () => '/app/settings?tab=branding', 'settings: branding'],
  ['owner', () => '/app/settings?tab=locations', 'settings: locations'],
  [
    'owner',
    () => '/app/settings?tab=locations',
    'settings: location form',
    async (page) => {
      await page.getByRole('button', { name: 'Edit Main Street Clinic' }).click();
      await page.getByRole('heading', { name: 'Edit Main Street Clinic' }).waitFor();
    },
  ],
  ['owner', () => '/app/team', 'team'],
  [
    'owner',
    () => '/app/team',
    'team: confirm dialog',
    async (page) => {
      await page.getByRole('button', { name: 'Deactivate Rosa Diaz' }).click();
      await page.getByRole('alertdialog').waitFor();
    },
  ],
  ['owner', () => '/app/outbox', 'outbox'],
  ['owner', () => '/app/membership', 'membership'],
  ['owner', () => '/app/audit', 'audit'],
  ['owner', () => '/app/not-a-page', 'in-app 404'],
  ['assoc', () => '/app', 'association home'],
  ['assoc', () => '/app/members', 'members'],
  ['assoc', () => '/app/settings', 'association settings'],
  ['staff', () => '/app', 'staff home'],
  ['staff', () => '/app/audit', 'no access'],
];

describe('axe-core finds no violations', () => {
  for (const [who, path, label, prepare] of PAGES) {
    it(label, async () => {
      await scan(who, path(), label, prepare);
    });
  }

  it('the phone menu opens, closes with Escape, and has no violations', async () => {
    const { page } = sessions.owner!;
    await page.setViewportSize(PHONE);
    await page.goto('/app');
    await settle(page);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Team' }).waitFor();
    await expectNoAxeViolations(page, 'phone menu open');
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('app-menu');
    await menu.click();
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/app\/audit$/);
    expect(await nav.isVisible()).toBe(false);
  });
});
