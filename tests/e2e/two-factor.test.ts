import { describe, expect, it } from 'vitest';
import { totpCode } from '../../functions/platform/identity/totp.ts';
import { expectNoAxeViolations, logInUi, newPage, PASSWORD, signUpPractice, useE2eApp } from './support.ts';

const app = useE2eApp('two-factor', { seed: false });

describe('two-factor sign-in', () => {
  it('is set up from the Account page, then sign-in asks for the code after the password', async () => {
    const email = await signUpPractice(app, 'Linden Pediatrics');
    const { context, page } = await newPage(app);
    await logInUi(page, email, PASSWORD);
    await page.getByRole('link', { name: /Pat Rivera/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByText('Off.').waitFor();

    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const setup = page.getByRole('form', { name: 'Set up two-factor sign-in' });
    await setup.waitFor();
    await expectNoAxeViolations(page, 'two-factor set-up');
    // The key as a person types it into the app (grouped by four).
    const key = ((await page.locator('#totp-key').textContent()) ?? '').replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await setup.getByText(`otpauth://totp/Rounds:${encodeURIComponent(email)}?secret=${key}`).waitFor({
      state: 'attached',
    });

    const codeField = setup.getByLabel('Enter the 6-digit code the app now shows');
    await codeField.fill(totpCode(key, Date.now(), 5));
    await setup.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await setup.getByText('That code is not correct.').first().waitFor();
    await codeField.fill(totpCode(key, Date.now()));
    await setup.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();

    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .getByRole('listitem')
      .allTextContents();
    expect(codes).toHaveLength(10);
    await expectNoAxeViolations(page, 'recovery codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await section.getByText('You have 10 of 10 recovery codes left.').waitFor();
    await expect(page.getByRole('list', { name: 'Recovery codes' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in code step');

    const codeStep = page.getByRole('form', { name: 'Sign-in code' });
    await codeStep.getByLabel('6-digit code').fill(totpCode(key, Date.now(), 4));
    await codeStep.getByRole('button', { name: 'Verify and sign in' }).click();
    await codeStep.getByText('That code is not correct.').waitFor();
    await expectNoAxeViolations(page, 'sign-in code step with an error');
    await codeStep.getByLabel('6-digit code').fill(totpCode(key, Date.now()));
    await codeStep.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(/\/app(\/|$)/);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.close();
  }, 120_000);
});
