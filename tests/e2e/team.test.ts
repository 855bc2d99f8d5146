import { describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PASSWORD,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('team');

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
    // "Today" carries the count of what is due for the front desk (the demo has some).
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links.map((l) => l.split('\n')[0])).toEqual(['Today', 'Schedule', 'Staff', 'Documents']);
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

    const confirmRole = owner.page.getByRole('alertdialog', {
      name: "Change Luis Ortega's role to Provider?",
    });
    await select.selectOption('provider');
    await owner.page.getByRole('button', { name: 'Apply role change for Luis Ortega' }).click();
    await confirmRole.getByRole('button', { name: 'Make Provider' }).click();
    await owner.page.getByText('Someone else changed this; reloaded').waitFor();
    await expect.poll(() => select.inputValue()).toBe('billing');
    // With the fresh version the change goes through.
    await select.selectOption('provider');
    await owner.page.getByRole('button', { name: 'Apply role change for Luis Ortega' }).click();
    await confirmRole.getByRole('button', { name: 'Make Provider' }).click();
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

  it('a role change asks first, naming the person and the change: Cancel leaves it, confirming applies it', async () => {
    const owner = await newPage(app);
    await logInUi(owner.page, DEMO.owner, DEMO.password);
    await owner.page.goto('/app/team');
    const select = owner.page.getByLabel('Role for Hannah Price');
    await select.waitFor();
    const token = await apiLogin(app, DEMO.owner, DEMO.password);
    const roleOf = async (name: string) =>
      (await apiCall(app, 'GET', '/team?limit=100', { token })).body.items.find((u: any) => u.name === name)
        .role as string;

    // Choosing in the select (by keyboard too) only stages the change.
    await select.focus();
    await owner.page.keyboard.press('ArrowDown');
    await select.selectOption('billing');
    const apply = owner.page.getByRole('button', { name: 'Apply role change for Hannah Price' });
    await apply.waitFor();
    expect(await owner.page.getByRole('alertdialog').count()).toBe(0);
    expect(await roleOf('Hannah Price')).toBe('staff');

    await apply.click();
    const dialog = owner.page.getByRole('alertdialog', { name: "Change Hannah Price's role to Billing?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('goes from Front desk / staff to Billing');
    expect(await owner.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await expectNoAxeViolations(owner.page, 'team: role change confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => select.inputValue()).toBe('staff');
    expect(await apply.count()).toBe(0);
    expect(await roleOf('Hannah Price')).toBe('staff');

    await select.selectOption('billing');
    await apply.click();
    await dialog.getByRole('button', { name: 'Make Billing' }).click();
    await owner.page.getByText('Hannah Price is now Billing').waitFor();
    expect(await roleOf('Hannah Price')).toBe('billing');
    await expect.poll(() => select.inputValue()).toBe('billing');
    await expectNoAxeViolations(owner.page, 'team page');
    await owner.context.close();
  });

  it('a manager is offered only what the API lets a manager do', async () => {
    const manager = await newPage(app);
    await logInUi(manager.page, DEMO.manager, DEMO.password);
    await manager.page.goto('/app/team');
    const members = manager.page.getByRole('table', { name: 'Team members' });
    const select = members.getByLabel('Role for Rosa Diaz');
    await select.waitFor();
    // Nobody is made owner by a manager (the API refuses it).
    const offered = await select.locator('option').allInnerTexts();
    expect(offered).toEqual(['Practice manager', 'Front desk / staff', 'Provider', 'Billing']);
    const inviteRoles = await manager.page
      .getByRole('form', { name: 'Invite someone' })
      .getByLabel('Role')
      .locator('option')
      .allInnerTexts();
    expect(inviteRoles).not.toContain('Owner');
    // The owner's row and the manager's own row are read-only.
    const ownerRow = members.getByRole('row').filter({ hasText: 'Dana Whitaker' });
    await ownerRow.waitFor();
    expect(await ownerRow.locator('select').count()).toBe(0);
    expect(await ownerRow.getByRole('button').count()).toBe(0);
    const selfRow = members.getByRole('row').filter({ hasText: 'Maria Lopez' });
    expect(await selfRow.locator('select').count()).toBe(0);
    expect(await selfRow.getByRole('button').count()).toBe(0);
    // Another member's row offers deactivation (after asking).
    await members.getByRole('button', { name: 'Deactivate Rosa Diaz' }).click();
    const dialog = manager.page.getByRole('alertdialog', { name: 'Deactivate Rosa Diaz?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await members.getByRole('row').filter({ hasText: 'Rosa Diaz' }).filter({ hasText: 'Active' }).waitFor();
    await manager.context.close();
  });

  it('the outbox filters patient reminders from staff mail, and its pager keeps the filter', async () => {
    // More staff mail than one page holds.
    const token = await apiLogin(app, DEMO.owner, DEMO.password);
    for (let i = 0; i < 22; i++) {
      const res = await apiCall(app, 'POST', '/team/invites', {
        token,
        json: { email: `temp${i}.${Date.now()}@maplestreet.example`, role: 'staff' },
      });
      expect(res.status).toBe(201);
    }
    const owner = await newPage(app);
    await logInUi(owner.page, DEMO.owner, DEMO.password);
    await owner.page.goto('/app/outbox');
    await owner.page.getByRole('heading', { level: 1, name: /^Outbox/ }).waitFor();
    const show = owner.page.getByLabel('Show');
    const messages = owner.page.locator('li.message');
    const allStaff = async () => (await messages.allInnerTexts()).every((t) => t.includes('Staff mail'));

    await show.selectOption({ label: 'Staff invitations and mail' });
    await owner.page.waitForURL(/show=staff/);
    await expect.poll(allStaff).toBe(true);
    expect(await messages.count()).toBe(20);
    const pager = owner.page.getByRole('navigation', { name: 'Messages pages' });
    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText('Page 2').waitFor();
    await expect.poll(allStaff).toBe(true);
    expect(await messages.count()).toBeGreaterThan(0);

    await show.selectOption({ label: 'Patient reminders' });
    await owner.page.waitForURL(/show=patients/);
    await expect
      .poll(async () => {
        const texts = await messages.allInnerTexts();
        return texts.length === 0
          ? 'empty'
          : texts.every((t) => t.includes('Patient mail'))
            ? 'patients'
            : 'mixed';
      })
      .not.toBe('mixed');
    // A reload keeps the filter.
    await owner.page.reload();
    await owner.page.getByRole('heading', { level: 1, name: /^Outbox/ }).waitFor();
    expect(await owner.page.getByLabel('Show').inputValue()).toBe('patients');
    await expectNoAxeViolations(owner.page, 'outbox, patient reminders');
    await owner.context.close();
  });
});
