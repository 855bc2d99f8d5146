import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('documents-signing');

/** The seeded front desk: Kim Nguyen signs; the other four have not. */
const FRONT_DESK = 5;
const TITLE = 'Front desk privacy policy';

describe('Documents: approval, publishing and signatures', () => {
  it('manager writes a policy, the owner approves it, the front desk signs, the manager sees who is missing', async () => {
    // The manager writes the policy and sends it to the owner.
    const manager = await newPage(app);
    const m = manager.page;
    await logInUi(m, DEMO.manager, DEMO.password);
    await m.goto('/app/documents');
    await m.getByLabel('Title', { exact: true }).fill(TITLE);
    await m.getByRole('button', { name: 'Create and write' }).click();
    await m.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await m.getByText('Version 1 · Draft').waitFor();
    await m.getByRole('textbox', { name: 'Text' }).click();
    await m.keyboard.type('Close the privacy screen before a patient steps up to the desk.');
    await m.getByLabel('What changed').fill('First version');
    // Sending saves the unsaved text first.
    await m.getByRole('button', { name: 'Send for approval' }).click();
    await m.getByText('Draft saved.').waitFor();
    const submit = m.getByRole('dialog', { name: 'Send version 1 for approval' });
    await submit.getByRole('button', { name: 'Send for approval' }).click();
    await submit.getByText('Choose at least one approver').waitFor();
    await expectNoAxeViolations(m, 'send for approval dialog');
    await submit.getByLabel(/Dana Whitaker/).check();
    await submit.getByLabel('Message to the approvers').fill('Please check the wording of the second rule.');
    await submit.getByRole('button', { name: 'Send for approval' }).click();
    await m.getByText('Version 1 sent to 1 approver.').waitFor();
    await m.getByText('Version 1 · In review').first().waitFor();
    await m.getByText('Waiting for 1 of 1 approver.', { exact: false }).waitFor();
    expect(await m.getByRole('textbox', { name: 'Text' }).count()).toBe(0);

    // The owner approves (a comment is needed only to send it back).
    const owner = await newPage(app);
    const o = owner.page;
    await logInUi(o, DEMO.owner, DEMO.password);
    await o.goto(m.url());
    await o.getByRole('heading', { name: 'Your approval is requested' }).first().waitFor();
    await o.getByRole('article', { name: 'Version 1' }).getByText('Close the privacy screen').waitFor();
    await o.getByRole('button', { name: 'Send back' }).click();
    await o.getByText('Say what should change before sending it back').waitFor();
    await expectNoAxeViolations(o, 'approver panel');
    await o.getByRole('button', { name: 'Approve' }).click();
    await o.getByText('You approved version 1.').waitFor();
    await o.getByText('Version 1 · Approved').first().waitFor();
    await owner.context.close();

    // The manager publishes it to the front desk.
    await m.reload();
    await m.getByText('Version 1 · Approved').first().waitFor();
    await m.getByRole('button', { name: 'Publish…' }).click();
    const publish = m.getByRole('dialog', { name: 'Publish version 1' });
    await publish.getByText('It cannot be undone').waitFor();
    await publish.getByLabel('Front desk / staff', { exact: true }).check();
    await expectNoAxeViolations(m, 'publish dialog');
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await m.getByText(/Version 1 is published/).waitFor();
    await m.getByText('Version 1 · Published').first().waitFor();
    await m.getByRole('button', { name: 'Start a new version' }).waitFor();

    // The front desk reads and signs it on a phone.
    const desk = await newPage(app);
    const d = desk.page;
    await logInUi(d, DEMO.staff, DEMO.password);
    await d.setViewportSize(PHONE);
    // The library marks what waits for her signature.
    const documentUrl = m.url();
    await d.goto('/app/documents');
    await d
      .getByRole('row', { name: new RegExp(TITLE) })
      .getByText('Awaiting your signature')
      .waitFor();
    await d.goto(documentUrl);
    await d.getByRole('heading', { name: 'Read and sign' }).waitFor();
    expect(await sidewaysOverflow(d)).toEqual([]);
    await expectNoAxeViolations(d, 'read and sign at 375 px');
    await d.getByLabel('Your full name').fill('Kim Nguyen');
    await d.getByRole('button', { name: 'Sign version 1' }).click();
    await d.getByText('Tick the box to confirm you have read the whole document').waitFor();
    await d.getByLabel(/I have read and understood version 1/).check();
    await d.getByRole('button', { name: 'Sign version 1' }).click();
    await d.getByText(/You signed version 1 on /).waitFor();
    await desk.context.close();

    // The manager sees one signature and who is missing, and reminds them.
    await m.reload();
    await m.getByRole('tab', { name: 'Signatures' }).click();
    await m.getByText(`1 of ${FRONT_DESK} signed`).waitFor();
    const signed = m.getByRole('table', { name: 'Signed version 1' });
    await signed.getByText('Kim Nguyen').first().waitFor();
    const missing = m.getByRole('table', { name: 'Not signed version 1' });
    expect(await missing.getByRole('row').count()).toBe(FRONT_DESK); // the header row and four people
    await missing.getByText('Luis Ortega').waitFor();
    await expectNoAxeViolations(m, 'signature sheet');
    // Printed with its signature sheet, and the auditor's zip.
    const pdf = m.waitForEvent('download');
    await m.getByRole('button', { name: 'Print (PDF)' }).click();
    expect(
      readFileSync((await (await pdf).path())!)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const zip = m.waitForEvent('download');
    await m.getByRole('button', { name: 'Evidence export (zip)' }).click();
    expect(
      readFileSync((await (await zip).path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await m.getByRole('button', { name: `Remind the ${FRONT_DESK - 1} who have not signed` }).click();
    await m.getByRole('alertdialog').getByRole('button', { name: 'Send reminders' }).click();
    await m.getByText(`Reminded ${FRONT_DESK - 1} people.`).waitFor();
    await m.setViewportSize(PHONE);
    expect(await sidewaysOverflow(m)).toEqual([]);
    await expectNoAxeViolations(m, 'signature sheet at 375 px');
    await manager.context.close();
  }, 120_000);

  it('a new version starts from the published text and its history shows what changed', async () => {
    const token = await apiLogin(app, DEMO.manager, DEMO.password);
    const paragraph = (text: string) => ({ kind: 'paragraph', text: [{ text }] });
    const created = await apiCall(app, 'POST', '/documents', {
      token,
      json: {
        title: 'Opening checklist',
        folder: 'procedures',
        blocks: [paragraph('Unlock the front door at 8 AM.'), paragraph('Turn on the check-in kiosk.')],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const me = (await apiCall(app, 'GET', '/me', { token })).body;
    const team = (await apiCall(app, 'GET', '/team?status=active&limit=100', { token })).body.items;
    const ownerId = team.find((u: { role: string }) => u.role === 'owner').id;
    expect(me.user.id).not.toBe(ownerId);
    const submitted = await apiCall(app, 'POST', `/documents/${id}/submit`, {
      token,
      json: { approverIds: [ownerId], version: created.body.version },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const ownerToken = await apiLogin(app, DEMO.owner, DEMO.password);
    const approved = await apiCall(app, 'POST', `/documents/${id}/review`, {
      token: ownerToken,
      json: { decision: 'approve', version: submitted.body.version },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const published = await apiCall(app, 'POST', `/documents/${id}/publish`, {
      token,
      json: { audience: { roles: [], userIds: [] }, version: approved.body.version },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto(`/app/documents/${id}`);
    await page.getByText('Version 1 · Published').first().waitFor();
    // Published text is read-only.
    expect(await page.getByRole('textbox', { name: 'Text' }).count()).toBe(0);
    await page
      .getByRole('article', { name: 'Version 1' })
      .getByText('Unlock the front door at 8 AM.')
      .waitFor();

    await page.getByRole('button', { name: 'Start a new version' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Start version 2?' });
    await ask.getByRole('button', { name: 'Start version 2' }).click();
    await page.getByText('Version 2 · Draft').first().waitFor();
    const text = page.getByRole('textbox', { name: 'Text' });
    await text.getByText('Unlock the front door at 8 AM.').waitFor();
    // The version in force stays readable below the draft.
    await page.getByText('Read version 1, in force since').waitFor();
    await text.getByText('Unlock the front door at 8 AM.').click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'at 8 AM.'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('at 7:30 AM.');
    await page.getByLabel('What changed').fill('Open earlier');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();

    await page.getByRole('tab', { name: 'History' }).click();
    const versions = page.getByRole('table', { name: 'Versions, newest first' });
    await versions.getByText('Open earlier').waitFor();
    await versions.getByRole('button', { name: 'Show version 2' }).click();
    await page.getByText('1 part changed.').waitFor();
    const diff = page.getByRole('list', { name: 'Changes from version 1 to version 2' });
    expect(await diff.locator('del').first().textContent()).toContain('8');
    expect(await diff.locator('ins').first().textContent()).toContain('7:30');
    await page.getByText('1 unchanged part').waitFor();
    await versions.getByRole('button', { name: 'Show version 1' }).click();
    await page.getByText(/Dana Whitaker approved · /).waitFor();
    await page.getByText(/Maria Lopez published it · /).waitFor();
    await expectNoAxeViolations(page, 'version history');
    await page.setViewportSize(PHONE);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('an approver who is not an admin reads the version in review and sends it back with a comment', async () => {
    const token = await apiLogin(app, DEMO.manager, DEMO.password);
    const created = await apiCall(app, 'POST', '/documents', {
      token,
      json: {
        title: 'Sharps disposal procedure',
        folder: 'procedures',
        blocks: [
          {
            kind: 'paragraph',
            text: [{ text: 'Replace the sharps container when it is three quarters full.' }],
          },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const team = (await apiCall(app, 'GET', '/team?status=active&limit=100', { token })).body.items;
    const raman = team.find((u: { name: string }) => u.name === 'Dr. Priya Raman');
    const submitted = await apiCall(app, 'POST', `/documents/${id}/submit`, {
      token,
      json: { approverIds: [raman.id], version: created.body.version },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    const provider = await newPage(app);
    const p = provider.page;
    await logInUi(p, 'praman@maplestreet.example', DEMO.password);
    await p.goto(`/app/documents/${id}`);
    await p.getByRole('heading', { name: 'Your approval is requested' }).first().waitFor();
    await p.getByRole('article', { name: 'Version 1' }).getByText('three quarters full').waitFor();
    // Providers never see the editor or the owner's workflow buttons.
    expect(await p.getByRole('textbox', { name: 'Text' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Publish…' }).count()).toBe(0);
    await expectNoAxeViolations(p, 'approver who is not an admin');
    await p.getByRole('button', { name: 'go to your decision' }).click();
    await p.keyboard.type('Say who replaces it on weekends.');
    expect(await p.getByLabel('Comment').inputValue()).toBe('Say who replaces it on weekends.');
    await p.getByRole('button', { name: 'Send back' }).click();
    await p.getByText('Version 1 went back to its author with your comment.').waitFor();
    await provider.context.close();

    const manager = await newPage(app);
    const m = manager.page;
    await logInUi(m, DEMO.manager, DEMO.password);
    await m.goto(`/app/documents/${id}`);
    await m.getByText('Sent back for changes').waitFor();
    await m.getByText('Say who replaces it on weekends.').waitFor();
    await m.getByText('Version 1 · Draft').waitFor();
    await m.getByRole('textbox', { name: 'Text' }).waitFor();
    await manager.context.close();
  }, 90_000);
});
