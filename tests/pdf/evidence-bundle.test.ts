import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { evidenceFiles } from '../../shared/documents/evidence-bundle.ts';
import { versionPrintJob } from '../../shared/documents/version-print.ts';
import { renderBrandedPdf } from '../../shared/pdf/branded-pdf.ts';
import type { Evidence } from '../../shared/schemas/documents.ts';
import { zipFiles } from '../../shared/zip/zip-writer.ts';
import { readPdf } from '../support/pdf-tools.ts';

import { DOC, LETTERHEAD, SHEET2, sheetFor, V2, version, ZONE } from './document-fixtures.ts';

/** Info-ZIP's unzip in a UTF-8 locale (names print as written). */
function unzip(args: string[]): string {
  try {
    return execFileSync('unzip', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('unzip is missing: apt-get install -y unzip');
    }
    throw err;
  }
}

describe('the evidence bundle', () => {
  it('zips every published version with its sheet, signatures, approvals, text, README and manifest', async () => {
    const v1 = version(1, 'Lock screens.', {
      publishedAt: '2027-01-10T15:00:00.000Z',
      events: [
        { at: '2027-01-09T15:00:00.000Z', byName: 'Dana Lee', action: 'submitted' },
        { at: '2027-01-09T18:00:00.000Z', byName: 'Ann Smith', action: 'approved' },
        { at: '2027-01-10T15:00:00.000Z', byName: 'Dana Lee', action: 'published' },
      ],
    });
    const evidence: Evidence = {
      document: DOC,
      versions: [
        { version: V2, sheet: SHEET2 },
        { version: v1, sheet: { ...sheetFor(v1), signed: [], missing: sheetFor(v1).missing } },
      ],
      exportedAt: '2027-04-01T16:30:00.000Z',
      exportedByName: 'Morgan Diaz',
    };
    const files = await evidenceFiles(evidence, LETTERHEAD, renderBrandedPdf, ZONE);
    const { dir, zip } = zipToTemp(files, evidence.exportedAt);

    expect(unzip(['-t', zip])).toContain('No errors detected');
    expect(unzip(['-Z1', zip]).trim().split('\n')).toEqual([
      'v1 Workstation Security Policy.pdf',
      'v1 signatures.csv',
      'v1 approvals.csv',
      'v1 hashed text.txt',
      'v2 Workstation Security Policy.pdf',
      'v2 signatures.csv',
      'v2 approvals.csv',
      'v2 hashed text.txt',
      'README.txt',
      'manifest.json',
    ]);
    const out = join(dir, 'out');
    unzip(['-q', zip, '-d', out]);
    const read = (name: string) => readFileSync(join(out, name));

    // Signatures: one row per person asked, quoted where needed, formulas defused.
    const csv = read('v2 signatures.csv').toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([
      'Status',
      'Name',
      'Role',
      'Typed name',
      'Signed at (UTC, ISO 8601)',
      'Signed at (Eastern Time (America/New_York))',
      'Client address',
      'SHA-256 of the text signed',
      'Same as the version hash',
      'User agent',
      'User id',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      [
        'Signed',
        'José Núñez',
        `'=HYPERLINK("x")`,
        '2027-03-04T20:01:00.000Z',
        'Thu, Mar 4, 2027 at 3:01 PM',
        '203.0.113.7',
        V2.contentHash,
        'yes',
        'Mozilla/5.0 (X11; Linux x86_64), "Chrome"',
      ],
      [
        'Signed',
        'Robin Park',
        'Robin A. Park',
        '2027-03-05T15:45:00.000Z',
        'Fri, Mar 5, 2027 at 10:45 AM',
        '203.0.113.7',
        V2.contentHash,
        'yes',
        'Mozilla/5.0 (X11; Linux x86_64), "Chrome"',
      ],
      ['Not signed', 'Kim Brown', '', '', '', '', '', '', ''],
      ['Not signed', 'Sam Ortiz', '', '', '', '', '', '', ''],
    ]);
    expect(rows[3]![2]).toBe('Front desk / staff');

    // Approvals: the whole history, a comment with a quote and a line break kept in one cell.
    const approvals = parseCsv(read('v2 approvals.csv').toString('utf8').slice(1));
    expect(approvals.map((r) => [r[2], r[3]])).toEqual([
      ['What', 'By'],
      ['Sent for approval', 'Dana Lee'],
      ['Sent back', 'Ann Smith'],
      ['Sent for approval', 'Dana Lee'],
      ['Approved', 'Ann Smith'],
      ['Published', 'Dana Lee'],
    ]);
    expect(approvals[2]![4]).toBe('Say "five minutes",\nnot "a few"');

    // The hashed text reproduces the content hash, as the README tells an auditor to check.
    for (const v of [v1, V2]) {
      const text = read(`v${v.number} hashed text.txt`);
      expect(createHash('sha256').update(text).digest('hex')).toBe(v.contentHash);
    }

    // Each PDF is the version with its signature sheet.
    const pdf = readPdf(read('v2 Workstation Security Policy.pdf'));
    expect(pdf.pages).toBe(2);
    expect(pdf.text(2)).toContain('Robin A. Park');
    expect(readPdf(read('v1 Workstation Security Policy.pdf')).text(2)).toContain('Signed: 0 of 2');

    const readme = read('README.txt').toString('utf8');
    expect(readme).toContain('Exported from Rounds by Morgan Diaz on Thu, Apr 1, 2027 at 12:30 PM');
    expect(readme).toContain(`Content hash: ${V2.contentHash}`);
    expect(readme).toContain('Checked at export: the SHA-256 of its "hashed text" file equals this hash.');
    expect(readme).toContain('sha256sum "v1 hashed text.txt"');
    expect(readme).not.toContain('does NOT');

    // The manifest: the facts, and a hash of every other file that matches what was unzipped.
    const manifest = JSON.parse(read('manifest.json').toString('utf8'));
    expect(manifest.document).toMatchObject({ id: DOC.id, title: DOC.title, versionInForce: 2 });
    expect(
      manifest.versions.map((v: { number: number; contentHash: string }) => [v.number, v.contentHash]),
    ).toEqual([
      [1, v1.contentHash],
      [2, V2.contentHash],
    ]);
    expect(manifest.versions[1].signed.map((s: { typedName: string }) => s.typedName)).toContain(
      '=HYPERLINK("x")',
    );
    expect(manifest.files).toHaveLength(files.length - 1);
    for (const f of manifest.files as { name: string; sha256: string; bytes: number }[]) {
      const bytes = read(f.name);
      expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
  });

  it('bundles a version that is an uploaded PDF: the original as signed, checked, and printed before its sheet', async () => {
    // The practice's own PDF, two pages, each saying which it is.
    const source = await PDFDocument.create();
    const font = await source.embedFont(StandardFonts.Helvetica);
    for (const n of [1, 2]) {
      source
        .addPage([612, 792])
        .drawText(`Privacy notice original page ${n}`, { x: 72, y: 700, font, size: 14 });
    }
    const original = await source.save();
    const hash = createHash('sha256').update(original).digest('hex');
    const file = {
      id: '01J00000000000000000000PDF1',
      name: 'Privacy: notice.PDF',
      size: original.length,
      sha256: hash,
    };
    const v1 = version(1, '', { blocks: [], file, contentHash: hash });
    const sheet = sheetFor(v1);
    const evidence: Evidence = {
      document: { ...DOC, latestVersion: 1, publishedVersion: 1 },
      versions: [{ version: v1, sheet }],
      exportedAt: '2027-04-01T16:30:00.000Z',
      exportedByName: 'Morgan Diaz',
    };
    const files = await evidenceFiles(evidence, LETTERHEAD, renderBrandedPdf, ZONE, { [file.id]: original });
    const { dir, zip } = zipToTemp(files, evidence.exportedAt);

    expect(unzip(['-t', zip])).toContain('No errors detected');
    // The original replaces the "hashed text", under a name every system accepts.
    expect(unzip(['-Z1', zip]).trim().split('\n')).toEqual([
      'v1 Workstation Security Policy.pdf',
      'v1 signatures.csv',
      'v1 approvals.csv',
      'v1 original - Privacy notice.pdf',
      'README.txt',
      'manifest.json',
    ]);
    const out = join(dir, 'out');
    unzip(['-q', zip, '-d', out]);
    const read = (name: string) => readFileSync(join(out, name));

    // The original is byte for byte what was uploaded, so sha256sum on it gives the content hash.
    expect(Buffer.compare(read('v1 original - Privacy notice.pdf'), Buffer.from(original))).toBe(0);
    expect(createHash('sha256').update(read('v1 original - Privacy notice.pdf')).digest('hex')).toBe(hash);

    const readme = read('README.txt').toString('utf8');
    expect(readme).toContain(`Content hash: ${hash}`);
    expect(readme).toContain('Checked at export: the SHA-256 of its "hashed text" file equals this hash.');
    expect(readme).not.toContain('does NOT');
    expect(readme).toContain('sha256sum "v1 original - Privacy notice.pdf"');
    const manifest = JSON.parse(read('manifest.json').toString('utf8'));
    expect(manifest.versions[0]).toMatchObject({ contentHash: hash, hashedTextReproducesHash: true });

    // The printed version: the original's pages first, then Rounds' own pages (title page, signature sheet).
    const printedAlone = readPdf(
      await renderBrandedPdf(
        versionPrintJob({
          letterhead: LETTERHEAD,
          document: evidence.document,
          version: v1,
          sheet,
          timeZone: ZONE,
        }),
      ),
    );
    const printed = readPdf(read('v1 Workstation Security Policy.pdf'));
    expect(printed.pages).toBe(2 + printedAlone.pages);
    expect(printed.text(1)).toContain('Privacy notice original page 1');
    expect(printed.text(2)).toContain('Privacy notice original page 2');
    expect(printed.text(3)).toContain('Maple Street Family Medicine');
    const last = printed.text(printed.pages).replace(/\s+/g, ' ');
    expect(last).toContain('Signature sheet · version 1');
    expect(last).toContain(hash);
  });

  it('says so when a version has no published text yet, and when stored text no longer matches', async () => {
    const tampered = { ...V2, blocks: [{ kind: 'paragraph' as const, text: [{ text: 'Changed later.' }] }] };
    const files = await evidenceFiles(
      {
        document: DOC,
        versions: [{ version: tampered, sheet: SHEET2 }],
        exportedAt: '2027-04-01T16:30:00.000Z',
        exportedByName: 'Morgan Diaz',
      },
      LETTERHEAD,
      async () => new Uint8Array([37, 80, 68, 70]),
    );
    const readme = files.find((f) => f.name === 'README.txt')!.bytes as string;
    expect(readme).toContain('does NOT equal this hash');
    // Without a zone the times are UTC, and say so.
    expect(readme).toContain('on Thu, Apr 1, 2027 at 4:30 PM (UTC;');

    const none = await evidenceFiles(
      { document: DOC, versions: [], exportedAt: '2027-04-01T16:30:00.000Z', exportedByName: 'Morgan Diaz' },
      LETTERHEAD,
      renderBrandedPdf,
    );
    expect(none.map((f) => f.name)).toEqual(['README.txt', 'manifest.json']);
    expect(none[0]!.bytes).toContain('no published version yet');
  });
});

/** Zips the files (dated `exportedAt`) into a fresh temp folder, as the browser saves them. */
function zipToTemp(files: { name: string; bytes: Uint8Array | string }[], exportedAt: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-evidence-'));
  const zip = join(dir, 'evidence.zip');
  writeFileSync(zip, zipFiles(files.map((f) => ({ ...f, modified: new Date(exportedAt) }))));
  return { dir, zip };
}
