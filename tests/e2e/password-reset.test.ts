import { describe, expect, it } from 'vitest';
import { systemKeys, tenantKeys } from '../../functions/platform/db/keys.ts';
import { expectNoAxeViolations, logInUi, newPage, PASSWORD, signUpPractice, useE2eApp } from './support.ts';

const NEW_PASSWORD = 'Quiet-Meadow-Compass-81';

const app = useE2eApp('password-reset');

/**
 * The reset link as delivered: read from the stored outbox message (the one SES sends). The
 * outbox page hides reset links from admins, so the test reads what the mail carries.
 */
async function resetLinkFor(email: string): Promise<string> {
  const entry = await app.platform.store.get<{ tenantId: string }>(systemKeys.login(email));
  const page = await app.platform.store.query<{ kind: string; to: string; text: string }>({
    partition: tenantKeys.outboxPartition({ tenantId: entry!.tenantId }),
    skPrefix: tenantKeys.outboxPrefix,
    limit: 50,
    newestFirst: true,
  });
  const mail = page.items.find((m) => m.kind === 'auth.password_reset' && m.to === email);
  const link = /(http:\/\/\S+\/reset\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  expect(link, mail?.text).toBeTruthy();
  return link!;
}

describe('forgot password', () => {
  it('asks for a link, resets with it, signs in with the new password; the used link says so', async () => {
    const email = await signUpPractice(app, 'Juniper Family Clinic');
    const { context, page } = await newPage(app);

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await expectNoAxeViolations(page, 'forgot password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await page.getByText('The link works once, for 30 minutes.').waitFor();
    await expectNoAxeViolations(page, 'check your email');

    const link = await resetLinkFor(email);
    expect(link.startsWith(app.url)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill('Quiet-Meadow-Compass-18');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('The two passwords do not match').waitFor();
    await expectNoAxeViolations(page, 'reset form with an error');
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password is changed' }).waitFor();
    await expectNoAxeViolations(page, 'password changed');

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Rounds' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match').waitFor();
    await logInUi(page, email, NEW_PASSWORD);

    // The link worked once.
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This reset link was already used' }).waitFor();
    await expectNoAxeViolations(page, 'used reset link');
    await page.getByRole('link', { name: 'Send me a new link' }).waitFor();
    await context.close();
  }, 90_000);

  it('a signed-in user changes the password on the account page; a wrong current one is named', async () => {
    const email = await signUpPractice(app, 'Aspen Pediatrics');
    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    await page.getByRole('link', { name: /Pat Rivera/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await expectNoAxeViolations(page, 'account page');

    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('not-my-password-at-all');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('This is not your current password').waitFor();
    await expectNoAxeViolations(page, 'account page with an error');

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions are signed out.').waitFor();
    // This session goes on with its fresh tokens, even after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    await page.getByRole('button', { name: 'Sign out of all sessions' }).click();
    await page.waitForURL(/\/login/);
    await logInUi(page, email, NEW_PASSWORD);
    await context.close();
  }, 90_000);
});
