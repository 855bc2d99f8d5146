import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, vi } from 'vitest';
import { startLocalServer } from '../../functions/local/server.ts';
import type { Platform } from '../../functions/platform/platform.ts';
import { copyDemoInto } from '../support/demo-template.ts';

/** The seeded demo (functions/local/seed.ts). */
export const DEMO = {
  owner: 'owner@maplestreet.example',
  manager: 'manager@maplestreet.example',
  staff: 'frontdesk@maplestreet.example',
  assocAdmin: 'admin@ohioassoc.example',
  password: 'Rounds-demo-2026!',
} as const;

export const PASSWORD = 'Calm-Harbor-Lantern-73';

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 740 };

const WEB_DIST = resolve('web/dist');
const CHROMIUM = '/usr/bin/chromium';

export interface E2eApp {
  url: string;
  browser: Browser;
  /** The in-process platform behind the app (to run a scheduled job on demand). */
  platform: Platform;
  close(): Promise<void>;
}

/**
 * The e2e file's app: started before the file's tests (and before its own `beforeAll`), closed after
 * them, and every test fails that left an uncaught error in a page. Use it at the top of a file.
 */
export function useE2eApp(name: string, opts: { seed?: boolean } = {}): E2eApp {
  // A journey in Chromium takes 10–35 s on a loaded 2-core machine: the 30 s unit-test default is too
  // tight for the file's tests (a test's own timeout still wins).
  vi.setConfig({ testTimeout: 90_000 });
  let started: E2eApp | undefined;
  const app = () => {
    if (!started) throw new Error(`The ${name} e2e app has not started`);
    return started;
  };
  beforeAll(async () => {
    started = await startE2e(name, opts);
  }, 300_000);
  afterEach(() => {
    expect(takePageErrors(), 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get url() {
      return app().url;
    },
    get browser() {
      return app().browser;
    },
    get platform() {
      return app().platform;
    },
    close: () => app().close(),
  };
}

/**
 * One API + built web app over a fresh table (seeded demo unless `seed: false`) in the shared DynamoDB Local,
 * plus one headless Debian Chromium. Each test file calls this once.
 */
export async function startE2e(name: string, opts: { seed?: boolean } = {}): Promise<E2eApp> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the e2e tests (npm test does).');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error('Chromium is missing: apt-get install -y chromium (.ci/run does this).');
  }
  const tableName = `e2e-${name}-${Date.now()}`;
  const server = await startLocalServer({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName,
    seed: false,
    webDist: WEB_DIST,
  });
  // The demo is seeded once per run and copied (tests/support/demo-template.ts).
  if (opts.seed ?? true) await copyDemoInto(inject('dynamoEndpoint'), tableName, server.url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: server.url,
    browser,
    platform: server.platform,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** A fresh browser profile (own localStorage, so its own session). axe needs pages from a context. */
export async function newPage(
  app: E2eApp,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport, baseURL: app.url, reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    // Failed HTTP responses (401, 404 in tests that expect them) are logged by Chromium; anything else is a bug.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      pageErrors.push(`${page.url()}: console: ${msg.text()}`);
    }
  });
  return { context, page };
}

/** Uncaught exceptions in any page of this file; each file checks it stays empty after every test. */
const pageErrors: string[] = [];
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}

/** Signs in through the login form and waits for the app shell. */
export async function logInUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app(\/|$)/);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Calls the API directly (setup shortcuts the UI already covers elsewhere). */
export async function apiCall(
  app: E2eApp,
  method: string,
  path: string,
  opts: { token?: string; json?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/api${path}`, {
    method,
    headers: {
      ...(opts.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function apiLogin(app: E2eApp, email: string, password: string): Promise<string> {
  const res = await apiCall(app, 'POST', '/auth/login', { json: { email, password } });
  expect(res.status, `login ${email}`).toBe(200);
  return res.body.accessToken as string;
}

/** Signs up a practice through the API and returns its owner's email. */
export async function signUpPractice(app: E2eApp, name: string): Promise<string> {
  const email = `owner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
  const res = await apiCall(app, 'POST', '/signup', {
    json: {
      kind: 'practice',
      practice: {
        name,
        specialty: 'pediatrics',
        region: 'east_north_central',
        size: 'small',
        timeZone: 'America/New_York',
      },
      owner: { name: 'Pat Rivera', email, password: PASSWORD },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return email;
}

/** Runs axe-core on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} :: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * What sticks out sideways at this width: the page scrolling horizontally, or any visible control
 * (link, button, field) cut off at the left or right edge. Empty when the layout fits.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > vw + 1) {
      out.push(`page scrolls: ${document.documentElement.scrollWidth}px wide in ${vw}px`);
    }
    for (const el of document.querySelectorAll('a, button, input, select, textarea')) {
      const r = el.getBoundingClientRect();
      const hidden = r.width <= 2 || r.height <= 2 || getComputedStyle(el).visibility === 'hidden';
      if (!hidden && (r.left < -1 || r.right > vw + 1)) {
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)}`,
        );
      }
    }
    return out;
  });
}

/** A wall-clock time ("14:30") as the grid writes it ("2:30 PM"). */
export function clock12(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}
