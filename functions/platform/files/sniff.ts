import { FILE_TYPE_LABELS, type FileType } from '../../../shared/schemas/files.ts';
import { readDelimiters } from '../../../shared/x12/x12-tokenizer.ts';

/** How many first bytes the type check reads: magic numbers plus enough text to judge it. */
export const SNIFF_BYTES = 8192;

export type SniffResult =
  | { ok: true; type: FileType /** 'x12' for EDI text (stored as text/plain). */; variant?: 'x12' }
  | { ok: false; message: string };

/** Formats we recognise only to name them in the refusal. */
const KNOWN_REFUSED: { label: string; test: (b: Uint8Array) => boolean }[] = [
  { label: 'a Windows program', test: (b) => starts(b, [0x4d, 0x5a]) },
  { label: 'a Linux program', test: (b) => starts(b, [0x7f, 0x45, 0x4c, 0x46]) },
  {
    label: 'a Mac program',
    test: (b) =>
      [
        [0xfe, 0xed, 0xfa, 0xce],
        [0xfe, 0xed, 0xfa, 0xcf],
        [0xce, 0xfa, 0xed, 0xfe],
        [0xcf, 0xfa, 0xed, 0xfe],
        [0xca, 0xfe, 0xba, 0xbe],
      ].some((m) => starts(b, m)),
  },
  { label: 'a script', test: (b) => starts(b, [0x23, 0x21]) },
  {
    label: 'a ZIP archive or Office document',
    test: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06]),
  },
  {
    label: 'an old Office document',
    test: (b) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
  { label: 'a GIF image', test: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]) },
  {
    label: 'a WebP image',
    test: (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 4) === 'WEBP',
  },
  {
    label: 'a TIFF image',
    test: (b) => starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  { label: 'a HEIC photo', test: (b) => ascii(b, 4, 4) === 'ftyp' && /^hei|^mif1/.test(ascii(b, 8, 4)) },
  { label: 'a gzip archive', test: (b) => starts(b, [0x1f, 0x8b]) },
  { label: 'a 7-Zip archive', test: (b) => starts(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { label: 'a RAR archive', test: (b) => starts(b, [0x52, 0x61, 0x72, 0x21]) },
];

/**
 * The file's type from its first bytes (never from its name): PDF, PNG, JPEG, or text (UTF-8
 * with no NUL bytes; CSV when its first line reads like a header of several columns; X12 EDI
 * starts with an ISA and is text, whatever delimiters it declares). `whole` says the bytes are the
 * entire file, so a multi-byte character cut at the end of a prefix is not held against it.
 * Anything else is refused with a sentence naming what it is, e.g. "This file is a Windows
 * program, not a PDF".
 */
export function sniffFile(bytes: Uint8Array, opts: { whole: boolean; declaredType?: string }): SniffResult {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' };
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: true, type: 'application/pdf' };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: 'image/png' };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: 'image/jpeg' };
  const wanted = declaredLabel(opts.declaredType);
  const known = KNOWN_REFUSED.find((k) => k.test(bytes));
  if (known) return { ok: false, message: refusal(`This file is ${known.label}`, wanted) };
  const text = textKind(bytes, opts.whole);
  if (text) return text;
  return { ok: false, message: refusal('This file is not a type Rounds can keep', wanted) };
}

const ACCEPTED = 'Upload a PDF, PNG, JPEG, CSV or plain-text file.';

function refusal(what: string, wanted: string | undefined): string {
  return `${what}${wanted ? `, not ${wanted}` : ''}. ${ACCEPTED}`;
}

/** "a PDF" for a declared type Rounds keeps; nothing for an unknown or empty one. */
function declaredLabel(type: string | undefined): string | undefined {
  const t = (type ?? '').toLowerCase().split(';')[0]!.trim();
  const label = FILE_TYPE_LABELS[t as FileType];
  if (!label) return undefined;
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

function textKind(bytes: Uint8Array, whole: boolean): SniffResult | undefined {
  if (bytes.includes(0)) return undefined;
  let body = bytes;
  if (starts(body, [0xef, 0xbb, 0xbf])) body = body.subarray(3);
  const checked = whole ? body : trimCutCharacter(body);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(checked);
  } catch {
    return undefined;
  }
  const x12 = x12Delimiters(text);
  // Control characters other than tab, line breaks and form feed mean binary, not text; except
  // those an X12 file's ISA declares as its delimiters (clearinghouses often use FS, GS or RS).
  const outsideDelimiters = x12
    ? text
        .split('')
        .filter((c) => !x12.includes(c))
        .join('')
    : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of the check
  if (/[\u0001-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(outsideDelimiters)) return undefined;
  if (x12) return { ok: true, type: 'text/plain', variant: 'x12' };
  return { ok: true, type: looksLikeCsv(text) ? 'text/csv' : 'text/plain' };
}

/**
 * The delimiters a text starting with an ISA declares (element, component, segment, repetition),
 * or undefined when it is not X12: the element separator is never a letter, digit or space, which
 * keeps prose that happens to start with "ISA" plain text.
 */
function x12Delimiters(text: string): string[] | undefined {
  const start = text.trimStart();
  if (!start.startsWith('ISA') || /^[A-Za-z0-9\s]$/.test(start[3] ?? ' ')) return undefined;
  const d = readDelimiters(start);
  return d ? [d.element, d.component, d.segment, d.repetition].filter(Boolean) : undefined;
}

/** A first line with at least two commas (or semicolons) and a second line with as many. */
function looksLikeCsv(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 2);
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length - 1);
    return counts[0]! >= 1 && counts.every((c) => c === counts[0]);
  });
}

/** Drops a UTF-8 sequence cut off at the end of a prefix (at most 3 bytes of it). */
function trimCutCharacter(b: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? b.subarray(0, b.length - back) : b;
  }
  return b;
}

function starts(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((m, i) => b[i] === m);
}

function ascii(b: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...b.subarray(from, from + length));
}
