import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  DEMO,
  type E2eApp,
  logInUi,
  newPage,
  PASSWORD,
  startE2e,
  takePageErrors,
} from './support.ts';

let app: E2eApp;
beforeAll(async () => {
  app = await startE2e('team');
});
afterEach(() => {
  expect(takePageErrors(), 'uncaught errors in the page').toEqual([]);
});
afterAll(async () => {
  await app?.close();
});

describe('team invitations', () => {
  it('an owner invites staff; the link from the outbox is accepted in another browser; staff sees no admin pages', async () => {
    const owner = await newPage(app);
    await logInUi(owner.page, DEMO.owner, DEMO.password);
    await owner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await owner.page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();

    const email = `sam.${Date.now()}@maplestreet.example`;
    const invite = owner.page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(email);
    await invite.getByLabel('Role').selectOption({ label: 'Front desk / staff' });
    await invite.getByLabel('Name').fill('Sam Okafor');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await owner.page.getByText(`Invitation sent to ${email}`).waitFor();
    const row = owner.page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    expect(await row.textContent()).toContain('Pending');

    // The outbox holds the invitation email; the accept link is in its text.
    await owner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await owner.page.getByRole('heading', { level: 1, name: /^Outbox/ }).waitFor();
    const message = owner.page.locator('li.message').filter({ hasText: email });
    await message.locator('summary').click();
    const text = (await message.locator('.message-text').textContent()) ?? '';
    const link = /(http:\/\/\S+\/invite\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link, text).toBeTruthy();
    expect(link!.startsWith(app.url)).toBe(true);

    // A second browser (the invitee's) accepts and is signed in.
    const staff = await newPage(app);
    await staff.page.goto(link!);
    await staff.page
      .getByRole('heading', { level: 1, name: 'Join Maple Street Family Medicine on Rounds' })
      .waitFor();
    expect(await staff.page.getByLabel('Your name').inputValue()).toBe('Sam Okafor');
    await staff.page.getByLabel('Choose a password').fill(PASSWORD);
    await staff.page.getByRole('button', { name: 'Accept invitation' }).click();
    await staff.page.waitForURL(/\/app$/);
    const nav = staff.page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Schedule']);
    await staff.page.goto('/app/audit');
    await staff.page.getByRole('heading', { level: 1, name: "You don't have access to this page" }).waitFor();
    await staff.page.goto('/app/settings');
    await staff.page.getByRole('heading', { level: 1, name: "You don't have access to this page" }).waitFor();

    // The link works once.
    await staff.page.goto(link!);
    await staff.page
      .getByRole('heading', { level: 1, name: 'This invitation is invalid or has expired' })
      .waitFor();

    // Back on the owner's team page the invitation is accepted.
    await owner.page.goto('/app/team');
    await owner.page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Accepted' }).waitFor();
    await staff.context.close();
    await owner.context.close();
  });

  it('a stale role change is refused and the list reloads; deactivation asks first', async () => {
    const owner = await newPage(app);
    await logInUi(owner.page, DEMO.owner, DEMO.password);
    await owner.page.goto('/app/team');
    const select = owner.page.getByLabel('Role for Luis Ortega');
    await select.waitFor();

    // Someone else changes Luis's role after this page loaded.
    const managerToken = await apiLogin(app, DEMO.manager, DEMO.password);
    const team = await apiCall(app, 'GET', '/team?limit=100', { token: managerToken });
    const luis = team.body.items.find((u: any) => u.name === 'Luis Ortega');
    const changed = await apiCall(app, 'PATCH', `/team/${luis.id}/role`, {
      token: managerToken,
      json: { role: 'billing', version: luis.version },
    });
    expect(changed.status).toBe(200);

    await select.selectOption('provider');
    await owner.page.getByText('Someone else changed this; reloaded').waitFor();
    await expect.poll(() => select.inputValue()).toBe('billing');
    // With the fresh version the change goes through.
    await select.selectOption('provider');
    await owner.page.getByText('Luis Ortega is now Provider').waitFor();

    // Deactivate: a confirmation dialog; Cancel changes nothing, confirming does.
    const deactivate = owner.page.getByRole('button', { name: 'Deactivate Luis Ortega' });
    await deactivate.click();
    const dialog = owner.page.getByRole('alertdialog', { name: 'Deactivate Luis Ortega?' });
    await dialog.waitFor();
    expect(await owner.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await owner.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await owner.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Deactivate Luis Ortega',
    );
    await deactivate.click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await owner.page.getByText('Luis Ortega deactivated').waitFor();
    await owner.page.getByLabel('Show').selectOption('deactivated');
    await owner.page
      .getByRole('row')
      .filter({ hasText: 'Luis Ortega' })
      .filter({ hasText: 'Deactivated' })
      .waitFor();
    await owner.context.close();
  });
});
