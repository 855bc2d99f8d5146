import { describe, expect, it } from 'vitest';
import { DEMO, expectNoAxeViolations, logInUi, newPage, useE2eApp } from './support.ts';

const app = useE2eApp('my-production');
/** The demo's Dr. Raman: her login is linked to her billing NPI (functions/local/seed-billing.ts). */
const RAMAN = 'praman@maplestreet.example';

describe('My production', () => {
  it('a provider opens her own production from the navigation, and no other billing page', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, RAMAN, DEMO.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Billing', exact: true }).count()).toBe(0);
    await nav.getByRole('link', { name: 'My production' }).click();
    await page.getByRole('heading', { level: 1, name: 'My production' }).waitFor();
    await page.getByText('Claims billed under NPI 1336421879').waitFor();
    const charges = page.locator('figure.chart-chargesCents .chart-value');
    expect(await charges.textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    await expectNoAxeViolations(page, 'my production');
    await page.goto('/app/billing/claims');
    await page.getByRole('heading', { level: 1, name: "You don't have access to this page" }).waitFor();
    await context.close();
  });
});
