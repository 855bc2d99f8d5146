/**
 * The files an auditor gets for one document (`GET /api/documents/:id/evidence`), ready to zip: per
 * published version the printed version with its signature sheet, the signatures and the approval
 * history as spreadsheets, and the exact text its content hash is computed from; then a README in
 * plain words and a machine-readable manifest with the SHA-256 of every other file.
 *
 * Pure apart from hashing (Web Crypto, present in browsers and Node): the renderer is passed in, so
 * the web can load pdf-lib on demand and tests can render in Node.
 */
import { csvText } from '../csv.ts';
import type { Letterhead, PrintJob } from '../pdf/branded-pdf.ts';
import { type PracticeRole, ROLE_LABELS } from '../roles.ts';
import type {
  DocumentVersion,
  Evidence,
  Signature,
  SignatureSheet,
  VersionEvent,
} from '../schemas/documents.ts';
import { versionContentText } from './content-hash.ts';
import { approvalsOf, isPublished, versionPrintJob, zonedDateTime, zoneLabel } from './version-print.ts';

export interface EvidenceFile {
  name: string;
  bytes: Uint8Array | string;
}

const ACTION_LABELS: Record<VersionEvent['action'], string> = {
  submitted: 'Sent for approval',
  approved: 'Approved',
  sent_back: 'Sent back',
  published: 'Published',
};

export async function evidenceFiles(
  evidence: Evidence,
  letterhead: Letterhead,
  render: (job: PrintJob) => Promise<Uint8Array>,
  timeZone = 'UTC',
  /** The bytes of versions that are uploaded PDFs, by file id: the PDF itself is what was signed. */
  originals: Readonly<Record<string, Uint8Array>> = {},
): Promise<EvidenceFile[]> {
  const doc = evidence.document;
  const title = fileSafe(doc.title);
  const zone = zoneLabel(timeZone);
  const files: EvidenceFile[] = [];
  const versions = [];
  for (const { version: v, sheet } of [...evidence.versions].sort(
    (a, b) => a.version.number - b.version.number,
  )) {
    if (!isPublished(v)) continue;
    const names = {
      pdf: `v${v.number} ${title}.pdf`,
      signatures: `v${v.number} signatures.csv`,
      approvals: `v${v.number} approvals.csv`,
      text: v.file ? `v${v.number} original - ${pdfName(v.file.name)}` : `v${v.number} hashed text.txt`,
    };
    // A PDF version's hash is of the PDF's bytes; a text version's of its canonical text.
    const text = v.file
      ? (originals[v.file.id] ?? `The PDF "${v.file.name}" could not be downloaded for this export.`)
      : versionContentText({ documentId: doc.id, number: v.number, blocks: v.blocks });
    const hash = v.contentHash ?? sheet.contentHash;
    const reproduced = (await sha256(text)) === hash;
    files.push(
      {
        name: names.pdf,
        bytes: await withOriginal(
          await render(versionPrintJob({ letterhead, document: doc, version: v, sheet, timeZone })),
          v.file ? originals[v.file.id] : undefined,
        ),
      },
      { name: names.signatures, bytes: signaturesCsv(sheet, hash, timeZone, zone) },
      { name: names.approvals, bytes: approvalsCsv(v, timeZone, zone) },
      { name: names.text, bytes: text },
    );
    versions.push({ v, sheet, hash, reproduced, names });
  }

  const example = versions[0]?.names.text ?? 'v1 hashed text.txt';
  const readme = [
    `Evidence for “${doc.title}”`,
    `${letterhead.name}`,
    `Exported from Rounds by ${evidence.exportedByName} on ${zonedDateTime(evidence.exportedAt, timeZone)} (${zone}; ${evidence.exportedAt} UTC).`,
    '',
    'WHAT IS IN THIS ZIP',
    '',
    'For each published version N (v1 is version 1):',
    `- "vN ${title}.pdf": the version as printed on the practice's letterhead. Its last page is the`,
    '  signature sheet: who approved and published it, its content hash, who signed, when, the name',
    '  each signer typed, and who has not signed yet.',
    '- "vN signatures.csv": one row per person asked to sign: signed or not, when (in UTC and on the',
    `  practice's clock), the name they typed, the address they signed from, their browser, and the`,
    '  content hash of the text they signed.',
    '- "vN approvals.csv": the version\'s history: who sent it for approval, who approved it or sent',
    '  it back (with their comments), who published it, and when.',
    '- "vN hashed text.txt": the exact text the version\'s content hash is computed from. A version',
    '  that is an uploaded PDF comes as that PDF instead ("vN original - <its name>.pdf"): its hash is',
    '  the SHA-256 of the PDF file itself.',
    '- manifest.json: the same facts for software, and the SHA-256 of every other file in this zip.',
    '',
    'A spreadsheet cell that would begin with = + - or @ starts with an apostrophe in the CSV files, so',
    'that a spreadsheet shows it as text instead of running it; manifest.json has every value as recorded.',
    '',
    'VERSIONS',
    '',
    ...(versions.length
      ? []
      : ['This document has no published version yet, so nobody has been asked to sign it.']),
    ...versions.flatMap(({ v, sheet, hash, reproduced }) => [
      `Version ${v.number}: published ${v.publishedAt ? zonedDateTime(v.publishedAt, timeZone) : ''}` +
        `${v.publishedByName ? ` by ${v.publishedByName}` : ''}.`,
      `  Approved by: ${
        approvalsOf(v)
          .map((a) => a.name)
          .join(', ') || 'no approval recorded'
      }.`,
      `  Signed by ${sheet.signed.length} of ${sheet.signed.length + sheet.missing.length} people asked.`,
      `  Content hash: ${hash}`,
      ...differing(sheet, hash),
      ...(reproduced
        ? ['  Checked at export: the SHA-256 of its "hashed text" file equals this hash.']
        : [
            '  Checked at export: the SHA-256 of its "hashed text" file does NOT equal this hash: the text',
            '  stored today is not the text that was published. Ask the practice to explain the difference.',
          ]),
      '',
    ]),
    'HOW TO CHECK A CONTENT HASH',
    '',
    'When a version is published, Rounds writes down which document and version it is, and its text,',
    'as one line of text (in JSON, a plain format for data, with every name in alphabetical order so',
    'the same text is always written the same way). It then computes the SHA-256 of that line: a',
    '64-character fingerprint. Changing anything in the text, even one letter or space, gives a',
    'completely different fingerprint, and no one can in practice make a different text with the same one.',
    '',
    'That fingerprint is the content hash. Each signature stores the content hash of the text the',
    "signer was shown and signed, so a signature whose hash equals the version's content hash was",
    'given to exactly that text.',
    '',
    'To check a version yourself, compute the SHA-256 of its "hashed text" file and compare it with',
    'the content hash above and in the signatures file. Do not open and save the file in an editor',
    'first: that can change its bytes. In a terminal, in the folder you unzipped:',
    `  Windows:  certutil -hashfile "${example}" SHA256`,
    `  macOS:    shasum -a 256 "${example}"`,
    `  Linux:    sha256sum "${example}"`,
    '(Windows prints the hash in groups or capitals on some versions; the letters and digits are what',
    'count.)',
    '',
  ].join('\r\n');
  files.push({ name: 'README.txt', bytes: readme });

  const manifest = {
    format: 'rounds-document-evidence/1',
    practice: letterhead.name,
    document: {
      id: doc.id,
      title: doc.title,
      folder: doc.folder,
      tags: doc.tags,
      versionInForce: doc.publishedVersion ?? null,
    },
    exportedAt: evidence.exportedAt,
    exportedByName: evidence.exportedByName,
    timeZone,
    contentHash: {
      algorithm: 'SHA-256',
      of: 'the UTF-8 bytes of each version\'s "hashed text" file: which document and version it is, and its blocks, as JSON with object keys sorted (versionContentText)',
    },
    versions: versions.map(({ v, sheet, hash, reproduced, names }) => ({
      number: v.number,
      status: v.status,
      publishedAt: v.publishedAt ?? null,
      publishedByName: v.publishedByName ?? null,
      contentHash: hash,
      hashedTextReproducesHash: reproduced,
      changeNote: v.changeNote ?? null,
      audience: sheet.audience ?? v.audience ?? null,
      signBy: v.signBy ?? null,
      approvers: v.approvers,
      events: v.events,
      signed: sheet.signed,
      missing: sheet.missing,
      files: names,
    })),
    files: await Promise.all(
      files.map(async (f) => ({ name: f.name, sha256: await sha256(f.bytes), bytes: byteLength(f.bytes) })),
    ),
  };
  files.push({ name: 'manifest.json', bytes: `${JSON.stringify(manifest, null, 2)}\n` });
  return files;
}

/** README lines naming signatures whose hash is not the version's: they signed some other text. */
function differing(sheet: SignatureSheet, hash: string): string[] {
  const names = sheet.signed.filter((s) => s.contentHash !== hash).map((s) => s.name);
  return names.length ? [`  WARNING: the signature of ${names.join(', ')} records a different hash.`] : [];
}

/** The signer's role, when the API sends it (see version-print.ts). */
type SignatureWithRole = Signature & { role?: PracticeRole };

function signaturesCsv(sheet: SignatureSheet, hash: string, timeZone: string, zone: string): string {
  return csvText([
    [
      'Status',
      'Name',
      'Role',
      'Typed name',
      'Signed at (UTC, ISO 8601)',
      `Signed at (${zone})`,
      'Client address',
      'SHA-256 of the text signed',
      'Same as the version hash',
      'User agent',
      'User id',
    ],
    ...[...sheet.signed]
      .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
      .map((s: SignatureWithRole) => [
        'Signed',
        s.name,
        s.role ? ROLE_LABELS[s.role] : '',
        s.typedName,
        s.signedAt,
        zonedDateTime(s.signedAt, timeZone),
        s.clientIp,
        s.contentHash,
        s.contentHash === hash ? 'yes' : 'NO',
        s.userAgent ?? '',
        s.userId,
      ]),
    ...[...sheet.missing]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ['Not signed', p.name, ROLE_LABELS[p.role], '', '', '', '', '', '', '', p.userId]),
  ]);
}

function approvalsCsv(v: DocumentVersion, timeZone: string, zone: string): string {
  return csvText([
    ['At (UTC, ISO 8601)', `At (${zone})`, 'What', 'By', 'Comment'],
    ...v.events.map((e) => [
      e.at,
      zonedDateTime(e.at, timeZone),
      ACTION_LABELS[e.action],
      e.byName,
      e.comment ?? '',
    ]),
  ]);
}

/** An uploaded PDF version prints as the PDF's own pages, then the title page and signature sheet. */
async function withOriginal(printed: Uint8Array, original: Uint8Array | undefined): Promise<Uint8Array> {
  if (!original) return printed;
  const { mergePdfs } = await import('../pdf/merge.ts');
  return mergePdfs([original, printed]);
}

/** A PDF's name, safe for a zip entry and ending in .pdf. */
function pdfName(name: string): string {
  const safe = fileSafe(name.replace(/\.pdf$/i, ''));
  return `${safe}.pdf`;
}

/** A title as part of a file name every system accepts: no path or reserved characters, not too long. */
export function fileSafe(title: string): string {
  const cleaned = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return [...cleaned].slice(0, 80).join('').trim() || 'Document';
}

function byteLength(bytes: Uint8Array | string): number {
  return typeof bytes === 'string' ? new TextEncoder().encode(bytes).length : bytes.length;
}

/** SHA-256 (hex) of text's UTF-8 bytes or of raw bytes. */
export async function sha256(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
