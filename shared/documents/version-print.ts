import type { DocBlock } from './doc-blocks.ts';
/**
 * One document version as a print job for the branded renderer: the text on the letterhead and,
 * for a published version, a signature sheet that says which text was signed (its content hash),
 * who approved and published it, who signed when, and who has not. Pure: the web prints it, the
 * evidence export puts it in the auditor's zip, and tests render it in Node.
 */

import { staffDate, staffDateTime } from '../locale.ts';
import type { Letterhead, PrintJob, SignatureRow } from '../pdf/branded-pdf.ts';
import { type PracticeRole, ROLE_LABELS } from '../roles.ts';
import {
  type DocumentDto,
  type DocumentVersion,
  FOLDER_LABELS,
  type Signature,
  type SignatureSheet,
  VERSION_STATUS_LABELS,
} from '../schemas/documents.ts';
import { localParts } from '../time.ts';

export interface VersionPrintInput {
  letterhead: Letterhead;
  document: DocumentDto;
  version: DocumentVersion;
  /** Who signed and who has not; printed as the last page of a published version. */
  sheet?: SignatureSheet;
  /** The practice's zone (IANA), so times read as the office's clock; UTC when left out. */
  timeZone?: string;
}

/** A version that went in force: published text never changes, so it is what people sign. */
export const isPublished = (v: DocumentVersion) => v.status === 'published' || v.publishedAt !== undefined;

export function versionPrintJob(input: VersionPrintInput): PrintJob {
  const { document: doc, version: v, sheet } = input;
  const zone = input.timeZone ?? 'UTC';
  const published = isPublished(v);
  const state = published
    ? `published ${v.publishedAt ? zonedDate(v.publishedAt, zone) : ''}`.trim()
    : `(${VERSION_STATUS_LABELS[v.status].toLowerCase()})`;
  const joiner = published ? ' · ' : ' ';
  const replaced =
    published && doc.publishedVersion !== undefined && doc.publishedVersion > v.number
      ? ` · replaced by version ${doc.publishedVersion}`
      : '';
  return {
    letterhead: input.letterhead,
    title: doc.title,
    subtitle: `${FOLDER_LABELS[doc.folder]} · version ${v.number}${joiner}${state}${replaced}`,
    blocks: v.file ? attachedPdfNote(v.file) : v.blocks,
    footer: `${doc.title} · version ${v.number}${joiner}${state}`,
    ...(published && sheet
      ? {
          signatureSheet: {
            title: `Signature sheet · version ${v.number}`,
            intro: sheetIntro(doc, v, sheet, zone),
            rows: sheetRows(sheet, zone),
          },
        }
      : {}),
  };
}

/** The signer's role, when the API sends it: signatures recorded before roles were kept have none. */
type SignatureWithRole = Signature & { role?: PracticeRole };

/** Signed first, in the order they signed; then those still to sign, by name. */
function sheetRows(sheet: SignatureSheet, zone: string): SignatureRow[] {
  const signed = [...sheet.signed]
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
    .map((s: SignatureWithRole) => ({
      name: s.name,
      role: s.role ? ROLE_LABELS[s.role] : '',
      signedAt: zonedDateTime(s.signedAt, zone),
      typedName: s.typedName,
      sha256: s.contentHash,
    }));
  const missing = [...sheet.missing]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, role: ROLE_LABELS[p.role] }));
  return [...signed, ...missing];
}

/**
 * What a reader needs to trust the sheet, one sentence each: which text (the hash), who approved
 * and published it, whom it asks to sign, which clock the times are on, and any signature that
 * records a different text.
 */
function sheetIntro(doc: DocumentDto, v: DocumentVersion, sheet: SignatureSheet, zone: string): string {
  const hash = v.contentHash ?? sheet.contentHash;
  const lines: string[] = [];
  const publication = v.events.filter((e) => e.action === 'published').at(-1);
  const publishedAt = v.publishedAt ?? publication?.at;
  const publishedBy = v.publishedByName ?? publication?.byName;
  lines.push(
    `Version ${v.number} of “${doc.title}”` +
      (publishedAt ? `, published ${zonedDateTime(publishedAt, zone)}` : '') +
      (publishedBy ? ` by ${publishedBy}.` : '.'),
  );
  const approvals = approvalsOf(v);
  lines.push(
    approvals.length
      ? `Approved by ${listed(approvals.map((a) => (a.at ? `${a.name} (${zonedDateTime(a.at, zone)})` : a.name)))}.`
      : 'No approval is recorded for this version.',
  );
  lines.push(
    `Content hash (SHA-256 of this version's text): ${hash}. ` +
      'Each signature records the hash of the exact text its signer read.',
  );
  const audience = sheet.audience ?? v.audience;
  if (audience) {
    const who = [
      ...audience.roles.map((r) => `everyone who is ${ROLE_LABELS[r]}`),
      ...(audience.userIds.length
        ? [`${audience.userIds.length} ${audience.userIds.length === 1 ? 'person' : 'people'} by name`]
        : []),
    ];
    if (who.length)
      lines.push(`Asked to sign: ${listed(who)}${v.signBy ? `, by ${staffDate(v.signBy)}` : ''}.`);
  }
  const differing = sheet.signed.filter((s) => s.contentHash !== hash);
  if (differing.length)
    lines.push(
      `Warning: ${listed(differing.map((s) => s.name))} signed a text whose hash differs from this version's.`,
    );
  lines.push(`Times are ${zoneLabel(zone)}.`);
  // One paragraph: the renderer's fonts draw no line breaks inside a run.
  return lines.join(' ');
}

/** The approvals of the round that let the version through, with when each was given. */
export function approvalsOf(v: DocumentVersion): { name: string; at?: string }[] {
  const decided = v.approvers.filter((a) => a.decision === 'approved');
  if (decided.length)
    return decided.map((a) => ({ name: a.name, ...(a.decidedAt ? { at: a.decidedAt } : {}) }));
  // No approvers kept: read the history after the last time it was sent for approval.
  const lastSubmitted = v.events.map((e) => e.action).lastIndexOf('submitted');
  return v.events
    .slice(lastSubmitted + 1)
    .filter((e) => e.action === 'approved')
    .map((e) => ({ name: e.byName, at: e.at }));
}

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** An instant on the practice's clock as staff read it: "Thu, Mar 4, 2027 at 9:12 AM". */
export function zonedDateTime(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const local = localParts(at, timeZone);
  return staffDateTime(local.date, local.time);
}

/** The day of an instant on the practice's clock: "Thu, Mar 4, 2027". */
export function zonedDate(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : staffDate(localParts(at, timeZone).date);
}

/** "Eastern Time (America/New_York)": the clock's everyday name and the exact zone. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC') return 'UTC';
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(0)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ? `${name} (${timeZone})` : timeZone;
}

/** The body of a version that is an uploaded PDF: the PDF's pages come first, this page says so. */
function attachedPdfNote(file: NonNullable<DocumentVersion['file']>): DocBlock[] {
  return [
    {
      kind: 'paragraph',
      text: [
        { text: 'This version is the uploaded PDF ' },
        { text: `“${file.name}”`, bold: true },
        { text: `, printed on the pages before this one. SHA-256 of the file: ${file.sha256}.` },
      ],
    },
  ];
}
