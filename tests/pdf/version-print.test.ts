import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { versionContentText } from '../../shared/documents/content-hash.ts';
import { evidenceFiles } from '../../shared/documents/evidence-bundle.ts';
import { versionPrintJob } from '../../shared/documents/version-print.ts';
import { type Letterhead, renderBrandedPdf } from '../../shared/pdf/branded-pdf.ts';
import type {
  DocumentDto,
  DocumentVersion,
  Evidence,
  SignatureSheet,
} from '../../shared/schemas/documents.ts';
import { zipFiles } from '../../shared/zip/zip-writer.ts';
import { readPdf, solidPng } from '../support/pdf-tools.ts';

const ZONE = 'America/New_York';
const LETTERHEAD: Letterhead = {
  name: 'Maple Street Family Medicine',
  addressLines: ['412 Maple Street', 'Columbus, OH 43215'],
  phone: '(614) 555-0142',
  primaryColor: '#1d3557',
  logo: { bytes: solidPng(80, 40, [214, 40, 40]), type: 'png' },
};

const DOC: DocumentDto = {
  id: '01J0000000000000000000DOC1',
  title: 'Workstation Security Policy',
  folder: 'policies',
  tags: ['hipaa'],
  latestStatus: 'published',
  latestVersion: 2,
  publishedVersion: 2,
  publishedAt: '2027-03-04T14:12:00.000Z',
  updatedAt: '2027-03-04T14:12:00.000Z',
  updatedByName: 'Dana Lee',
  version: 7,
};

/** A version as the API returns it, its hash computed the way publishing does. */
function version(number: number, text: string, overrides: Partial<DocumentVersion> = {}): DocumentVersion {
  const blocks: DocumentVersion['blocks'] = [
    { kind: 'heading', level: 1, text: [{ text: 'Purpose' }] },
    { kind: 'paragraph', text: [{ text }] },
  ];
  const hashed = { documentId: DOC.id, title: DOC.title, number, blocks };
  return {
    number,
    status: 'published',
    blocks,
    createdAt: '2027-03-01T15:00:00.000Z',
    createdByName: 'Dana Lee',
    updatedAt: '2027-03-04T14:12:00.000Z',
    approvers: [
      {
        userId: '01J00000000000000000000AN1',
        name: 'Ann Smith',
        decision: 'approved',
        decidedAt: '2027-03-03T21:00:00.000Z',
      },
    ],
    events: [
      { at: '2027-03-02T14:00:00.000Z', byName: 'Dana Lee', action: 'submitted' },
      {
        at: '2027-03-02T16:30:00.000Z',
        byName: 'Ann Smith',
        action: 'sent_back',
        comment: 'Say "five minutes",\nnot "a few"',
      },
      { at: '2027-03-03T13:00:00.000Z', byName: 'Dana Lee', action: 'submitted' },
      { at: '2027-03-03T21:00:00.000Z', byName: 'Ann Smith', action: 'approved' },
      { at: '2027-03-04T14:12:00.000Z', byName: 'Dana Lee', action: 'published' },
    ],
    publishedAt: '2027-03-04T14:12:00.000Z',
    publishedByName: 'Dana Lee',
    contentHash: createHash('sha256').update(versionContentText(hashed)).digest('hex'),
    audience: { roles: ['staff', 'provider'], userIds: [] },
    signBy: '2027-03-18',
    ...overrides,
  };
}

function sheetFor(v: DocumentVersion): SignatureSheet {
  const hash = v.contentHash!;
  const signature = (userId: string, name: string, typedName: string, signedAt: string) => ({
    documentId: DOC.id,
    versionNumber: v.number,
    userId,
    name,
    typedName,
    signedAt,
    clientIp: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64), "Chrome"',
    contentHash: hash,
  });
  return {
    versionNumber: v.number,
    contentHash: hash,
    audience: v.audience!,
    signed: [
      signature('01J00000000000000000000RP1', 'Robin Park', 'Robin A. Park', '2027-03-05T15:45:00.000Z'),
      signature('01J00000000000000000000JO1', 'José Núñez', '=HYPERLINK("x")', '2027-03-04T20:01:00.000Z'),
    ],
    missing: [
      { userId: '01J00000000000000000000SO1', name: 'Sam Ortiz', role: 'provider' },
      { userId: '01J00000000000000000000KB1', name: 'Kim Brown', role: 'staff' },
    ],
  };
}

const V2 = version(2, 'Every workstation locks after five minutes idle.');
const SHEET2 = sheetFor(V2);

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
