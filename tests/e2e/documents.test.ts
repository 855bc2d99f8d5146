import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PDF_BYTES } from '../support/files.ts';
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
    await page.getByLabel('Search the library').fill('lock');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Screen lock policy' }).waitFor();
    await context.close();
  });

  it('the manager makes a document of an uploaded PDF; its name and hash show, and the page fits a phone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rounds-e2e-pdf-'));
    const pdfPath = join(dir, 'Privacy notice.pdf');
    writeFileSync(pdfPath, PDF_BYTES);
    const notPdf = join(dir, 'notes.pdf');
    writeFileSync(notPdf, 'Plain words with a PDF name.');
    const { context, page } = await newPage(app, { width: 1366, height: 900 });
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.goto('/app/documents');
    await page.getByLabel('Title', { exact: true }).fill('Notice of privacy practices');
    await page.getByLabel('Folder', { exact: true }).selectOption({ label: 'Forms' });
    await page.getByRole('button', { name: 'Create and write' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notice of privacy practices' }).waitFor();

    // Switching to a PDF asks first when there is text: the text is not kept in this version.
    await page.getByRole('textbox', { name: 'Text' }).click();
    await page.keyboard.type('A few words to drop.');
    const usePdf = page.getByRole('radio', { name: /^Use a PDF/ });
    await usePdf.click();
    const ask = page.getByRole('alertdialog', { name: 'Use a PDF instead of the text?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Use a PDF' }).click();
    expect(await usePdf.isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Text' }).count()).toBe(0);

    // Only PDFs: a file named .pdf that is not one is refused in words before anything is sent.
    await page.getByLabel('Upload a PDF').setInputFiles(notPdf);
    await page.getByText('“notes.pdf” is not a PDF.').waitFor();

    // The PDF through the file chooser, as a person picks it.
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Upload a PDF').click();
    await (await chooser).setFiles(pdfPath);
    const panel = page.getByRole('region', { name: 'PDF of this version' });
    await panel.getByText('Privacy notice.pdf').waitFor();
    await panel.getByText('Its SHA-256 is recorded when you save the draft.').waitFor();
    await page.getByLabel('What changed').fill('The notice as the printer laid it out');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();

    // Read back from the server: the PDF's name, size and the SHA-256 of its bytes.
    const hash = createHash('sha256').update(PDF_BYTES).digest('hex');
    await page.reload();
    await panel.getByText('Privacy notice.pdf').waitFor();
    await panel.getByText(`PDF · ${PDF_BYTES.length} bytes`).waitFor();
    expect(await panel.locator('[data-sha256]').textContent()).toBe(hash);
    expect(await panel.locator('code').getAttribute('title')).toBe(hash);
    await panel.locator('code', { hasText: `${hash.slice(0, 12)}…` }).waitFor();
    await expectNoAxeViolations(page, 'a PDF draft');

    // "Open PDF" opens the file's short-lived link in a new tab (the file store serves it as a download).
    const opened = new Promise<Download>((resolve) =>
      context.once('page', (tab) => tab.once('download', resolve)),
    );
    await panel.getByRole('button', { name: 'Open PDF Privacy notice.pdf' }).click();
    const got = await opened;
    expect(got.suggestedFilename()).toBe('Privacy notice.pdf');
    expect(
      createHash('sha256')
        .update(readFileSync((await got.path())!))
        .digest('hex'),
    ).toBe(hash);

    // Choosing from Files offers the PDF just uploaded (and only PDFs).
    await panel.getByRole('button', { name: 'Replace' }).click();
    await panel.getByRole('button', { name: 'Choose from Files' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose a PDF from Files' });
    await picker.getByRole('radio', { name: /Privacy notice\.pdf/ }).check();
    await expectNoAxeViolations(page, 'the PDF picker');
    await picker.getByRole('button', { name: 'Use this PDF' }).click();
    await panel.locator('code', { hasText: `${hash.slice(0, 12)}…` }).waitFor();

    await page.setViewportSize(PHONE);
    await panel.getByText('Privacy notice.pdf').waitFor();
    const overflow = await sidewaysOverflow(page);
    expect(overflow, JSON.stringify(overflow)).toEqual([]);
    await expectNoAxeViolations(page, 'a PDF draft at 375 px');

    // The library says where the newest version stands.
    await page.goto('/app/documents');
    await page
      .getByRole('row', { name: /Notice of privacy practices/ })
      .getByText('Version 1 · Draft')
      .waitFor();
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
