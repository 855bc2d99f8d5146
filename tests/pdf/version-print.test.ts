import { describe, expect, it } from 'vitest';
import { versionPrintJob } from '../../shared/documents/version-print.ts';
import { renderBrandedPdf } from '../../shared/pdf/branded-pdf.ts';
import { readPdf } from '../support/pdf-tools.ts';

import { DOC, LETTERHEAD, SHEET2, sheetFor, V2, version, ZONE } from './document-fixtures.ts';

describe('a version printed with its signature sheet', () => {
  it('prints the text on the letterhead, then who signed which text and who has not', async () => {
    const job = versionPrintJob({
      letterhead: LETTERHEAD,
      document: DOC,
      version: V2,
      sheet: SHEET2,
      timeZone: ZONE,
    });
    expect(job.subtitle).toBe('Policies · version 2 · published Thu, Mar 4, 2027');
    const bytes = await renderBrandedPdf(job);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = readPdf(bytes);
    expect(pdf.pages).toBe(2);
    expect(pdf.info.Title).toBe('Workstation Security Policy');
    expect(pdf.images).toEqual([{ page: 1, width: 80, height: 40 }]);

    const first = pdf.text(1).replace(/\s+/g, ' ');
    for (const text of [
      'Maple Street Family Medicine',
      'Workstation Security Policy',
      'Policies · version 2 · published Thu, Mar 4, 2027',
      'Every workstation locks after five minutes idle.',
      'Page 1 of 2',
    ]) {
      expect(first).toContain(text);
    }

    const sheet = pdf.text(2).replace(/\s+/g, ' ');
    for (const text of [
      'Signature sheet · version 2',
      // The practice's clock: 14:12 UTC is 9:12 AM in New York in early March (EST).
      'published Thu, Mar 4, 2027 at 9:12 AM by Dana Lee.',
      'Approved by Ann Smith (Wed, Mar 3, 2027 at 4:00 PM).',
      V2.contentHash!,
      'Asked to sign: everyone who is Front desk / staff and everyone who is Provider, by Thu, Mar 18, 2027.',
      'Times are Eastern Time (America/New_York).',
      'Robin Park',
      'Robin A. Park',
      'Signed: 2 of 4',
      'Not signed yet',
      'Kim Brown (Front desk / staff)',
      'Sam Ortiz (Provider)',
      'Page 2 of 2',
    ]) {
      expect(sheet).toContain(text);
    }
    // "é" and "ú" are in the standard fonts' character set, so names print as written.
    expect(sheet).toContain('José Núñez');
    // Signed in the order they signed: José (Mar 4) before Robin (Mar 5); missing people have no time.
    expect(sheet.indexOf('José Núñez')).toBeLessThan(sheet.indexOf('Robin Park'));
    expect(job.signatureSheet?.rows.filter((r) => !r.signedAt).map((r) => r.name)).toEqual([
      'Kim Brown',
      'Sam Ortiz',
    ]);
  });

  it('prints a draft without a signature sheet and says it is a draft', async () => {
    const draft = version(3, 'Screens lock after two minutes.', {
      status: 'draft',
      publishedAt: undefined,
      publishedByName: undefined,
      contentHash: undefined,
      events: [],
      approvers: [],
    });
    const job = versionPrintJob({ letterhead: LETTERHEAD, document: DOC, version: draft, sheet: SHEET2 });
    expect(job.subtitle).toBe('Policies · version 3 (draft)');
    expect(job.signatureSheet).toBeUndefined();
    const pdf = readPdf(await renderBrandedPdf(job));
    expect(pdf.pages).toBe(1);
    expect(pdf.text(1)).toContain('Workstation Security Policy · version 3 (draft)');
  });

  it('warns when a signature records a different hash, and names a replaced version', () => {
    const v1 = version(1, 'Lock screens.');
    const sheet = sheetFor(v1);
    sheet.signed[0] = { ...sheet.signed[0]!, contentHash: 'f'.repeat(64) };
    const job = versionPrintJob({
      letterhead: LETTERHEAD,
      document: DOC,
      version: v1,
      sheet,
      timeZone: ZONE,
    });
    expect(job.subtitle).toContain('replaced by version 2');
    expect(job.signatureSheet?.intro).toContain('Warning: Robin Park signed a text whose hash differs');
  });
});
