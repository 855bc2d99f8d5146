import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  type E2eApp,
  expectNoAxeViolations,
  newPage,
  PHONE,
  sidewaysOverflow,
  startE2e,
} from './support.ts';

let app: E2eApp;
let token = '';

beforeAll(async () => {
  app = await startE2e('reminder');
  // Run the reminder job as if four days had passed: the seeded week's reminders fall due.
  const later = new Date(Date.now() + 4 * 24 * 3600_000);
  const sent = await SCHEDULED_JOB_BODIES['appointment-reminders']({
    ...app.platform,
    clock: { now: () => later },
  });
  expect(sent.sent).toBeGreaterThan(0);
  const owner = await apiLogin(app, DEMO.owner, DEMO.password);
  const outbox = await apiCall(app, 'GET', '/outbox?limit=100', { token: owner });
  const mail = outbox.body.items.find(
    (m: { kind: string; text: string }) => m.kind === 'appointment.reminder',
  );
  token = /\/r\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}, 120_000);

afterAll(() => app?.close());

describe('the reminder link a patient gets', () => {
  it('confirms, then cancels after asking, without signing in', async () => {
    const { context, page } = await newPage(app, PHONE);
    await page.goto(`/r/${token}`);
    await page.getByRole('heading', { name: 'Your visit at Maple Street Family Medicine' }).waitFor();
    await expectNoAxeViolations(page, 'reminder link');
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm my visit' }).click();
    await page.getByText('Thank you: your visit is confirmed.').waitFor();
    await page.getByText('Status: Confirmed').waitFor();
    await page.getByRole('button', { name: 'Cancel my visit' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this visit?' });
    await dialog.getByRole('button', { name: 'Cancel visit' }).click();
    await page.getByText('Your visit is cancelled.').waitFor();
    await page.getByText('Status: Cancelled').waitFor();
    await context.close();
  });

  it('a wrong link says so plainly', async () => {
    const { context, page } = await newPage(app);
    await page.goto(`/r/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    await context.close();
  });
});
