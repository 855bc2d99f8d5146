import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

/** A 16×16 checkered PNG: the practice's logo. */
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAJElEQVR42mP4dNAPjmRNw+EIlzjDINRAjCJk8cGoYTQeBoUGAH6mVRBoS176AAAAAElFTkSuQmCC',
  'base64',
);
/** A light primary color: white text would fail contrast on it, so the page must pick dark text. */
const PRIMARY = '#f2c14e';
const PRACTICE = 'Maple Street Family Medicine';
const WRITTEN_OUT =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} at \d{1,2}:\d{2} (AM|PM) \(Eastern Time\)$/;

const app = useE2eApp('reminder');
let token = '';
let mailText = '';
let address = '';
let logoUrl = '';

/** Uploads the logo as Settings → Branding does: start, the signed form, the content check. */
async function uploadLogo(token: string): Promise<string> {
  const started = await apiCall(app, 'POST', '/files/logo', {
    token,
    json: { name: 'logo.png', size: LOGO.length, type: 'image/png' },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(started.body.upload.fields as Record<string, string>))
    form.append(k, v);
  form.append('file', new Blob([new Uint8Array(LOGO)]), 'logo.png');
  const sent = await fetch(`${app.url}${started.body.upload.url}`, { method: 'POST', body: form });
  expect(sent.status).toBe(204);
  const done = await apiCall(app, 'POST', `/files/logo/${started.body.id}/complete`, { token });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return started.body.id;
}

beforeAll(async () => {
  const owner = await apiLogin(app, DEMO.owner, DEMO.password);
  // The practice's own brand, set as a manager would in Settings → Branding.
  const tenant = await apiCall(app, 'GET', '/tenant', { token: owner });
  const branded = await apiCall(app, 'PUT', '/tenant/branding', {
    token: owner,
    json: {
      logoFileId: await uploadLogo(owner),
      primaryColor: PRIMARY,
      accentColor: '#1d3557',
      version: tenant.body.version,
    },
  });
  expect(branded.status, JSON.stringify(branded.body)).toBe(200);
  logoUrl = branded.body.branding.logoUrl;
  // Run the reminder job as if four days had passed: the seeded week's reminders fall due.
  const later = new Date(Date.now() + 4 * 24 * 3600_000);
  const sent = await SCHEDULED_JOB_BODIES['appointment-reminders']({
    ...app.platform,
    clock: { now: () => later },
  });
  expect(sent.sent).toBeGreaterThan(0);
  const outbox = await apiCall(app, 'GET', '/outbox?limit=100', { token: owner });
  const mail = outbox.body.items.find(
    (m: { kind: string; text: string }) => m.kind === 'appointment.reminder',
  );
  mailText = mail.text;
  token = /\/r\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  address = (await apiCall(app, 'GET', `/scheduling/reminder-links/${token}`)).body.locationAddress.line1;
}, 300_000);

describe('the reminder link a patient gets', () => {
  it("wears the practice's name, logo and color, writes the date out, and needs no sign-in", async () => {
    const { context, page } = await newPage(app, PHONE);
    await page.goto(`/r/${token}`);
    await page.getByRole('heading', { name: `Your visit at ${PRACTICE}` }).waitFor();

    // The practice's brand, not Rounds': its name and logo on a band of its color, no Rounds mark or menu.
    const header = page.getByRole('banner');
    await header.getByText(PRACTICE, { exact: true }).waitFor();
    const logo = header.getByRole('img', { name: `${PRACTICE} logo` });
    expect(await logo.getAttribute('src')).toBe(logoUrl);
    // Loaded from its public address (no sign-in on this page).
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(16);
    const band = await header.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color };
    });
    expect(band).toEqual({ background: 'rgb(242, 193, 78)', color: 'rgb(17, 24, 39)' });
    const confirmButton = page.getByRole('button', { name: 'Confirm my visit' });
    expect(await confirmButton.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(242, 193, 78)',
    );
    expect(await page.locator('svg.logo').count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.locator('a[href="/login"], a[href^="/app"]').count()).toBe(0);
    await page.getByRole('contentinfo').getByText(`Sent by ${PRACTICE} using Rounds`).waitFor();
    expect(await page.title()).toBe(`Your visit · ${PRACTICE}`);

    // The date written for the patient: the same words as the mail, in the location's zone.
    const when = ((await page.locator('.patient-when').textContent()) ?? '').trim();
    expect(when).toMatch(WRITTEN_OUT);
    expect(mailText).toContain(when);
    await page.getByText(address).waitFor();
    expect(await page.getByRole('link', { name: /\(\d{3}\) \d{3}-\d{4}/ }).getAttribute('href')).toMatch(
      /^tel:\d{10}$/,
    );

    await expectNoAxeViolations(page, 'reminder link');
    expect(await sidewaysOverflow(page)).toEqual([]);
    await context.close();
  });

  it('confirms, then cancels after asking', async () => {
    const { context, page } = await newPage(app, PHONE);
    await page.goto(`/r/${token}`);
    await page.getByRole('heading', { name: `Your visit at ${PRACTICE}` }).waitFor();
    await page.getByRole('button', { name: 'Confirm my visit' }).click();
    await page.getByText('Thank you: your visit is confirmed.').waitFor();
    await page.getByText('Status: Confirmed').waitFor();
    await page.getByRole('button', { name: 'Cancel my visit' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this visit?' });
    await dialog.getByRole('button', { name: 'Cancel visit' }).click();
    await page.getByText('Your visit is cancelled.').waitFor();
    await page.getByText('Status: Cancelled').waitFor();
    await expectNoAxeViolations(page, 'reminder link after cancelling');
    await context.close();
  });

  it('a wrong link says so plainly', async () => {
    const { context, page } = await newPage(app);
    await page.goto(`/r/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    await expectNoAxeViolations(page, 'dead reminder link');
    await context.close();
  });
});
