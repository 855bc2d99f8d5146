import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('documents');

describe('Documents', () => {
  it('the manager writes a policy with headings and bold, saves it, reads it back and prints it', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();

    // The form checks in the browser first, in words.
    await page.getByRole('button', { name: 'Create and write' }).click();
    await page.getByText('Required').waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Screen lock policy');
    await page.getByLabel('Folder', { exact: true }).selectOption({ label: 'Policies' });
    await page.getByLabel('Tags').fill('HIPAA, IT');
    await page.getByRole('button', { name: 'Create and write' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screen lock policy' }).waitFor();

    const text = page.getByRole('textbox', { name: 'Text' });
    await text.click();
    await page.getByLabel('Text style').selectOption('h2');
    await page.keyboard.type('Purpose');
    await page.keyboard.press('Enter');
    await page.getByLabel('Text style').selectOption('p');
    await page.keyboard.type('Screens lock after ');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('five minutes');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(' without use.');
    await page.getByLabel('What changed').fill('First version');
    await expectNoAxeViolations(page, 'document editor');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();

    // Read back from the server: the heading, the paragraph after it and the bold words, in order.
    await page.reload();
    const saved = page.getByRole('textbox', { name: 'Text' });
    await saved.locator('h2', { hasText: 'Purpose' }).waitFor();
    expect(await saved.locator('strong').textContent()).toBe('five minutes');
    expect(
      await saved.evaluate((el) => [...el.children].map((c) => `${c.tagName} ${c.textContent}`)),
    ).toEqual(['H2 Purpose', 'P Screens lock after five minutes without use.']);

    // Printed on the letterhead, in the browser.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Print (PDF)' }).click();
    const file = await (await download).path();
    expect(readFileSync(file!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The library finds it in its folder and by a word of its title.
    await page.getByRole('link', { name: 'All documents' }).click();
    await page.getByRole('tab', { name: 'Policies' }).click();
    await page.getByRole('link', { name: 'Screen lock policy' }).waitFor();
    await page.getByLabel('Search titles').fill('lock');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Screen lock policy' }).waitFor();
    await context.close();
  });

  it('the front desk reads documents but cannot write them; the library fits a phone', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    await page.setViewportSize(PHONE);
    await page.goto('/app/documents');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create and write' }).count()).toBe(0);
    const overflow = await sidewaysOverflow(page);
    expect(overflow, JSON.stringify(overflow)).toEqual([]);
    await expectNoAxeViolations(page, 'documents at 375 px');
    await context.close();
  });
});
