import { describe, expect, it } from 'vitest';
import { CONSENT } from '../../shared/schemas/membership.ts';
import {
  DEMO,
  DESKTOP,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PASSWORD,
  PHONE,
  sidewaysOverflow,
  signUpPractice,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('membership');

describe('association membership', () => {
  it('an association creates a code; a practice joins with consent; the association sees it; the practice leaves', async () => {
    // The association admin creates an invite code.
    const assoc = await newPage(app);
    await logInUi(assoc.page, DEMO.assocAdmin, DEMO.password);
    await assoc.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Member practices' })
      .click();
    await assoc.page.getByRole('heading', { level: 1, name: 'Member practices' }).waitFor();
    const create = assoc.page.getByRole('form', { name: 'Create a code' });
    await create.getByLabel('Valid for (days)').fill('14');
    await create.getByLabel('Number of practices').fill('3');
    await create.getByRole('button', { name: 'Create code' }).click();
    const code = ((await assoc.page.getByTestId('new-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await assoc.page.getByRole('row').filter({ hasText: code }).filter({ hasText: '0 of 3' }).waitFor();

    // A practice owner (a new practice) reviews exactly what is shared, then joins.
    const email = await signUpPractice(app, 'Lakeview Pediatrics');
    const owner = await newPage(app);
    await logInUi(owner.page, email, PASSWORD);
    await owner.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Associations' })
      .click();
    await owner.page.getByRole('heading', { level: 1, name: 'Associations' }).waitFor();
    await owner.page.getByText('Not a member of any association').waitFor();
    await owner.page.getByRole('textbox', { name: 'Invite code' }).fill(code.toLowerCase());
    await owner.page.getByRole('button', { name: 'Review what is shared' }).click();
    const consent = owner.page.getByRole('form', { name: 'Join Ohio Valley Practice Association?' });
    await consent.waitFor();
    for (const item of [...CONSENT.shared, ...CONSENT.neverShared]) {
      await consent.getByText(item, { exact: true }).waitFor();
    }
    await expectNoAxeViolations(owner.page, 'consent screen');
    await owner.page.setViewportSize(PHONE);
    await expectNoAxeViolations(owner.page, 'consent screen at 375px');
    expect(await sidewaysOverflow(owner.page), 'consent screen at 375px').toEqual([]);
    await owner.page.setViewportSize(DESKTOP);

    // Consent is required.
    await consent.getByRole('button', { name: 'Join Ohio Valley Practice Association' }).click();
    await consent.getByText('You must agree to share aggregate data to join').waitFor();
    await consent.getByLabel('I agree to share exactly this').check();
    await consent.getByRole('button', { name: 'Join Ohio Valley Practice Association' }).click();
    await owner.page.getByText('Your practice joined Ohio Valley Practice Association').waitFor();
    await owner.page.getByRole('row').filter({ hasText: 'Ohio Valley Practice Association' }).waitFor();

    // The association lists the new member, and the code counts the use.
    await assoc.page.reload();
    await assoc.page
      .getByRole('row')
      .filter({ hasText: 'Lakeview Pediatrics' })
      .filter({ hasText: 'Pediatrics' })
      .waitFor();
    await assoc.page.getByRole('row').filter({ hasText: code }).filter({ hasText: '1 of 3' }).waitFor();

    // The practice leaves, after confirming.
    await owner.page.getByRole('button', { name: 'Leave Ohio Valley Practice Association' }).click();
    const dialog = owner.page.getByRole('alertdialog', { name: 'Leave Ohio Valley Practice Association?' });
    await dialog.getByRole('button', { name: 'Leave association' }).click();
    await owner.page.getByText('You left Ohio Valley Practice Association').waitFor();
    await owner.page.getByText('Not a member of any association').waitFor();

    await assoc.page.reload();
    await assoc.page.getByRole('row').filter({ hasText: 'Bluegrass Multispecialty Clinic' }).waitFor();
    expect(await assoc.page.getByRole('row').filter({ hasText: 'Lakeview Pediatrics' }).count()).toBe(0);

    // Revoking the code asks first.
    await assoc.page.getByRole('button', { name: `Revoke code ${code}` }).click();
    await assoc.page
      .getByRole('alertdialog', { name: `Revoke code ${code}?` })
      .getByRole('button', { name: 'Revoke code' })
      .click();
    await assoc.page.getByRole('row').filter({ hasText: code }).filter({ hasText: 'Revoked' }).waitFor();
    await owner.context.close();
    await assoc.context.close();
  });

  it('a practice manager sees memberships read-only', async () => {
    const manager = await newPage(app);
    await logInUi(manager.page, DEMO.manager, DEMO.password);
    await manager.page.goto('/app/membership');
    await manager.page.getByRole('row').filter({ hasText: 'Ohio Valley Practice Association' }).waitFor();
    await manager.page.getByText('Only the practice owner can join or leave an association.').waitFor();
    expect(await manager.page.getByRole('button', { name: /^Leave/ }).count()).toBe(0);
    expect(await manager.page.getByRole('textbox', { name: 'Invite code' }).count()).toBe(0);
    await manager.context.close();
  });
});
