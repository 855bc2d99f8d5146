/**
 * The day view's cold load in Debian's Chromium: a signed-in manager opens /app/schedule in a new
 * tab (access token gone, refresh token kept), and the bench prints how many API requests it took
 * until the grid was drawn and how deep their chain was (a request is one level deeper than the
 * deepest request that had finished before it started), plus the main thread's long tasks.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { startLocalServer } from '../../functions/local/server.ts';

type Server = Awaited<ReturnType<typeof startLocalServer>>;

interface Timed {
  path: string;
  start: number;
  end: number;
}

/** Depth of each request: 1 + the deepest one that had finished before it started. */
export function criticalPathDepth(requests: Timed[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const level = new Map<Timed, number>();
  for (const r of sorted) {
    const before = sorted.filter((q) => q !== r && q.end <= r.start).map((q) => level.get(q) ?? 1);
    level.set(r, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...level.values());
}

export async function benchDayLoad(server: Server, runs = 5): Promise<void> {
  console.log('\n== Day view cold load in Chromium (new tab, refresh token kept) ==');
  if (!existsSync(resolve('web/dist/index.html'))) {
    console.log('web/dist is missing: run `npm run build:web` first');
    return;
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 860 } });
    const login = await context.newPage();
    await login.goto('/login');
    await login.getByLabel('Email').fill('frontdesk@maplestreet.example');
    await login.getByLabel('Password').fill('Rounds-demo-2026!');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.waitForURL(/\/app$/);
    await login.close();
    for (let run = 1; run <= runs; run++) {
      const page = await context.newPage();
      const open = new Map<unknown, Timed>();
      const done: Timed[] = [];
      const t0 = Date.now();
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/'))
          open.set(r, { path: url.pathname, start: Date.now() - t0, end: 0 });
      });
      page.on('requestfinished', (r) => {
        const t = open.get(r);
        if (t) done.push({ ...t, end: Date.now() - t0 });
      });
      await page.addInitScript(() => {
        (window as unknown as { longTasks: number[] }).longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto('/app/schedule');
      await page.locator('.sched-appt').first().waitFor({ timeout: 30_000 });
      const drawn = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      const before = done.filter((r) => r.start <= drawn);
      console.log(
        `run ${run}: ${before.length} API requests before the grid, ${criticalPathDepth(before)} deep ` +
          `(${before.map((r) => r.path.replace('/api', '')).join(', ')}); grid drawn at ${drawn} ms; ` +
          `long tasks ${longTasks.length} (${Math.round(longTasks.reduce((a, b) => a + b, 0))} ms in all)`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
