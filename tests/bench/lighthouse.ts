/**
 * Lighthouse's performance score of the day view (/app/schedule of the demo practice, signed in as
 * the demo manager) in Debian's Chromium: desktop (Lighthouse's desktop preset) and mobile (its
 * default: a mid-range phone, simulated slow 4G and 4x CPU slowdown).
 *
 * Chromium runs with a fresh profile and a DevTools port. The manager signs in through the login
 * form (Playwright over CDP, in the browser's default context), which leaves the httpOnly refresh
 * cookie in the profile; Lighthouse then opens its own tab in that same profile. Its storage reset
 * clears the HTTP cache and service workers but not cookies, so every run is a cold load of a
 * signed-in user's new tab: refresh the access token, then /me, the tenant and the board, then
 * the grid.
 *
 * Lighthouse scales the main-thread time it observes (4x for mobile), so other work on the machine
 * shows up as blocking time: each run is printed, and the median of each figure over the runs.
 * Prints figures only. The last run's reports are kept in .bench/lighthouse-<form factor>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import type { startLocalServer } from '../../functions/local/server.ts';

type Server = Awaited<ReturnType<typeof startLocalServer>>;

const CHROMIUM = '/usr/bin/chromium';
const MANAGER = { email: 'manager@maplestreet.example', password: 'Rounds-demo-2026!' };
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI', 'speed-index'],
] as const;

/** Chromium with a DevTools port (read back from the profile's DevToolsActivePort file). */
export async function launchChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'rounds-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // As Lighthouse's own launcher (chrome-launcher) runs it: a page is never treated as a
      // background tab (lower priority, throttled timers), and no side feature wakes up mid-run.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-ipc-flooding-protection',
      '--disable-extensions',
      '--disable-default-apps',
      '--disable-client-side-phishing-detection',
      '--disable-hang-monitor',
      '--metrics-recording-only',
      '--mute-audio',
      '--no-default-browser-check',
      '--password-store=basic',
      '--disable-features=Translate,OptimizationHints,MediaRouter,RenderDocument',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  function forward() {
    void stop().finally(() => process.exit(130));
  }
  process.once('SIGINT', forward);
  process.once('SIGTERM', forward);
  const portFile = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 600 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  const port = Number(existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : NaN);
  if (!Number.isInteger(port) || port <= 0) {
    await stop();
    throw new Error('Chromium did not open its DevTools port');
  }
  return { port, stop };
}

/** Signs the manager in through the login form, in the browser's default context (its profile). */
export async function signIn(port: number, baseUrl: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app$/);
    await page.close();
  } finally {
    // Over CDP, close() only disconnects Playwright; Chromium and its cookies stay.
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** The score and metrics of one run, the score out of 100. */
export interface Figures {
  score: number;
  FCP: number;
  LCP: number;
  TBT: number;
  CLS: number;
  SI: number;
}

function figures(lhr: Result): Figures {
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    ...(Object.fromEntries(METRICS.map(([name, id]) => [name, metric(id)])) as Omit<Figures, 'score'>),
  };
}

/** Each figure on its own: the median of several runs is taken figure by figure. */
export function medianOf(runs: Figures[]): Figures {
  const of = (k: keyof Figures) => median(runs.map((r) => r[k]));
  return { score: of('score'), FCP: of('FCP'), LCP: of('LCP'), TBT: of('TBT'), CLS: of('CLS'), SI: of('SI') };
}

export function describe(f: Figures): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  return `score ${String(Math.round(f.score)).padStart(3)}  FCP ${ms(f.FCP)}  LCP ${ms(f.LCP)}  TBT ${ms(f.TBT)}  CLS ${f.CLS.toFixed(3)}  SI ${ms(f.SI)}`;
}

/**
 * One Lighthouse run of `url` in the Chromium on `port` (already signed in). A run whose trace
 * Chromium garbled (NO_NAVSTART and the like, now and then on a loaded machine) is run again.
 */
export async function lighthouseRun(
  port: number,
  url: string,
  formFactor: 'desktop' | 'mobile',
): Promise<{ figures: Figures; report: string }> {
  const flags: Flags = {
    port,
    hostname: '127.0.0.1',
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  };
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      if (attempt < 3) continue;
      throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    }
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
      throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}: the sign-in did not hold`);
    return { figures: figures(lhr), report: result.report as string };
  }
}

export async function benchLighthouse(
  server: Server,
  { runs = 5, formFactors = ['desktop', 'mobile'] as ('desktop' | 'mobile')[] } = {},
): Promise<void> {
  console.log(`\n== Lighthouse performance of the day view (/app/schedule, manager; median of ${runs}) ==`);
  if (!existsSync(resolve('web/dist/index.html'))) {
    console.log('web/dist is missing: run `npm run build:web` first');
    return;
  }
  const chrome = await launchChromium();
  try {
    await signIn(chrome.port, server.url);
    for (const formFactor of formFactors) {
      const results: Figures[] = [];
      for (let run = 1; run <= runs; run++) {
        const { figures, report } = await lighthouseRun(
          chrome.port,
          `${server.url}/app/schedule`,
          formFactor,
        );
        results.push(figures);
        console.log(`${formFactor.padEnd(8)} run ${run}: ${describe(figures)}`);
        if (run === runs) writeFileSync(resolve(`.bench/lighthouse-${formFactor}.json`), report);
      }
      console.log(`${formFactor.padEnd(8)} median: ${describe(medianOf(results))}`);
    }
  } finally {
    await chrome.stop();
  }
}
