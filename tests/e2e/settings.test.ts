import { describe, expect, it } from 'vitest';
import { apiCall, apiLogin, DEMO, expectNoAxeViolations, logInUi, newPage, useE2eApp } from './support.ts';

const app = useE2eApp('settings');

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('settings', () => {
  it('saves the profile, and a stale save reloads the form', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.owner, DEMO.password);
    await page.goto('/app/settings');
    await page.getByLabel('Phone').fill('(614) 555-0100');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();

    // Another admin renames the practice meanwhile; this form still holds the old version.
    const token = await apiLogin(app, DEMO.manager, DEMO.password);
    const tenant = (await apiCall(app, 'GET', '/tenant', { token })).body;
    const { id: _i, kind: _k, branding: _b, createdAt: _c, updatedAt: _u, ...profile } = tenant;
    const renamed = await apiCall(app, 'PUT', '/tenant/profile', {
      token,
      json: { ...profile, name: 'Maple Street Family Practice' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);

    await page.getByLabel('Website').fill('https://maplestreet.example');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Someone else changed this; reloaded').waitFor();
    await expect
      .poll(() => page.getByLabel('Practice name').inputValue())
      .toBe('Maple Street Family Practice');
    await context.close();
  });

  it('uploads a logo, checks its size, and applies the brand color', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.owner, DEMO.password);
    await page.goto('/app/settings?tab=branding');
    const file = page.getByLabel(/^(Upload|Replace) logo$/);
    await file.setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(1024 * 1024 + 1, 1),
    });
    await page.getByText('“huge.png” is larger than 1 MB. Use a smaller image.').waitFor();
    await file.setInputFiles({ name: 'notes.gif', mimeType: 'image/gif', buffer: PNG });
    await page.getByText('The logo must be a PNG or JPEG image; “notes.gif” is not one').waitFor();
    // The name and type say PNG; the server reads the content.
    await file.setInputFiles({
      name: 'scan.png',
      mimeType: 'image/png',
      buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    await page.getByText('A logo must be a PNG or JPEG image: this file is a PDF').waitFor();
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.letterhead img').waitFor({ state: 'attached' });

    await page.getByLabel('Primary color', { exact: true }).fill('not a color');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Use a color like #1f6feb').waitFor();
    await page.getByLabel('Primary color', { exact: true }).fill('#7a1f5c');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved').waitFor();
    await expect
      .poll(() =>
        page.locator('.shell').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--brand')),
      )
      .toBe('#7a1f5c');
    // The menu loads the saved logo from its public address.
    const avatar = page.locator('.shell .tenant-avatar img');
    await expect
      .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    expect(await avatar.getAttribute('src')).toMatch(/^\/api\/public\/logo\/[A-Za-z0-9_-]+\/[0-9A-Z]{26}$/);

    // Removing asks first, and the save takes the logo off.
    await page.getByRole('button', { name: 'Remove logo' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove logo' }).click();
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved').waitFor();
    await page.locator('.shell .tenant-avatar img').waitFor({ state: 'detached' });
    await context.close();
  });

  it('adds a location with validated hours, edits it, and archives it after confirming', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto('/app/settings?tab=locations');
    await page.getByRole('button', { name: 'Add location' }).click();
    const form = page.getByRole('form', { name: 'Add a location' });
    await form.getByLabel('Location name').fill('Eastside Clinic');
    await form.getByLabel('Address line 1').fill('12 Broad Street');
    await form.getByLabel('City').fill('Columbus');
    await form.getByLabel('State').fill('O');
    await form.getByLabel('ZIP code').fill('43215');
    await form.getByLabel('Phone').fill('(614) 555-0177');
    await form.getByLabel('Monday closes').fill('07:00');
    await form.getByRole('button', { name: 'Add location' }).click();
    await form.getByText('Use the two-letter state code, e.g. OH').waitFor();
    await form.getByText('Closing time must be after opening time').waitFor();
    await form.getByLabel('State').fill('oh');
    await form.getByLabel('Monday closes').fill('18:30');
    await form.getByLabel('Closed on Saturday').uncheck();
    await form.getByRole('button', { name: 'Add location' }).click();
    await page.getByText('Eastside Clinic added').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Eastside Clinic' })
      .filter({ hasText: 'Columbus, OH 43215' })
      .waitFor();

    await page.getByRole('button', { name: 'Edit Eastside Clinic' }).click();
    const edit = page.getByRole('form', { name: 'Edit Eastside Clinic' });
    expect(await edit.getByLabel('Monday closes').inputValue()).toBe('18:30');
    await edit.getByLabel('Address line 2').fill('Suite 4');
    await edit.getByRole('button', { name: 'Save location' }).click();
    await page.getByRole('row').filter({ hasText: '12 Broad Street, Suite 4' }).waitFor();

    await page.getByRole('button', { name: 'Archive Eastside Clinic' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Archive Eastside Clinic?' });
    await dialog.getByRole('button', { name: 'Archive location' }).click();
    await page.getByText('Eastside Clinic archived').waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Eastside Clinic' }).count()).toBe(0);
    await page.getByLabel('Show archived locations').check();
    await page
      .getByRole('row')
      .filter({ hasText: 'Eastside Clinic' })
      .filter({ hasText: 'Archived' })
      .waitFor();
    await context.close();
  });

  it('filters the audit log by action and checks the date range', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.owner, DEMO.password);
    await page.goto('/app/audit');
    await page.getByRole('row').filter({ hasText: 'signed in' }).first().waitFor();
    await page.getByLabel('Action').selectOption({ label: 'Invitations sent' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=team\.invited/);
    await expect
      .poll(async () => {
        const actions = await page.locator('tbody td[data-label="What"]').allTextContents();
        return actions.length > 0 && actions.every((a) => / invited .+ as /.test(a));
      })
      .toBe(true);
    const when = await page.locator('tbody td[data-label="When"] time').first().getAttribute('datetime');
    expect(when).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await page.getByLabel('From').fill('2026-03-10');
    await page.getByLabel('To').fill('2026-03-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('The end date must be on or after the start date').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForURL(/\/app\/audit$/);
    await context.close();
  });

  it("an association's settings show only what applies to it: profile, and the logo and color its team sees", async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.assocAdmin, DEMO.password);
    const settingsCard = page.locator('.module-card').filter({ hasText: 'Settings' });
    await settingsCard.waitFor();
    expect(await settingsCard.textContent()).toContain("Your association's profile, logo and color.");

    await page.goto('/app/settings');
    await page.getByRole('heading', { level: 2, name: 'Association profile' }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Profile', 'Branding']);
    const main = page.locator('main');
    expect(((await main.textContent()) ?? '').toLowerCase()).not.toMatch(/location|hours|printed|patient/);

    await page.goto('/app/settings?tab=branding');
    await page.getByText('Live preview: your association in the Rounds menu').waitFor();
    const text = ((await main.textContent()) ?? '').toLowerCase();
    expect(text).not.toMatch(/location|hours|print|patient|letter|handout/);
    expect(await page.getByLabel('Accent color', { exact: true }).count()).toBe(0);
    await page.getByLabel('Main color', { exact: true }).fill('#5b3f9e');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved').waitFor();
    await expectNoAxeViolations(page, 'association branding');
    await context.close();
  });
});
