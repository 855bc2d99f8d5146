import { describe, expect, it } from 'vitest';
import { logInUi, newPage, PASSWORD, signUpPractice, useE2eApp } from './support.ts';

const app = useE2eApp('session-cookie', { seed: false });

describe('the session in the browser', () => {
  it('keeps the refresh token in an httpOnly cookie no script can read; a reload stays signed in', async () => {
    const email = await signUpPractice(app, 'Birch Lane Clinic');
    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'rounds_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(cookie!.value.length).toBeGreaterThan(20);
    const stored = await page.evaluate(() => ({
      cookies: document.cookie,
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
    }));
    expect(stored.cookies).not.toContain('rounds_refresh');
    expect(JSON.stringify(stored)).not.toContain(cookie!.value);
    expect(stored.local.map(([k]) => k)).not.toContain('rounds.refresh');

    // The access token is in memory only: a reload renews it from the cookie.
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/auth/refresh') refreshes.push(r.postData() ?? '');
    });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(refreshes).toEqual(['{}']);

    // Signing out revokes it and the cookie goes; /app then asks to sign in.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/login$/);
    expect((await context.cookies()).filter((c) => c.name === 'rounds_refresh')).toEqual([]);
    await page.goto('/app');
    await page.waitForURL(/\/login\?next=%2Fapp/);
    await context.close();
  }, 90_000);

  it('a refresh token an earlier version left in localStorage moves into the cookie', async () => {
    const email = await signUpPractice(app, 'Cedar Row Clinic');
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { refreshToken } = (await login.json()) as { refreshToken: string };
    const { context, page } = await newPage(app);
    await page.goto('/login');
    await page.evaluate((token) => localStorage.setItem('rounds.refresh', token), refreshToken);
    await page.goto('/app');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('rounds.refresh'))).toBeNull();
    expect((await context.cookies()).find((c) => c.name === 'rounds_refresh')?.value).toBe(refreshToken);
    await context.close();
  }, 90_000);
});
