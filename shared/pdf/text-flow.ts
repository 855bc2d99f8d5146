import type { PDFFont } from 'pdf-lib';
import type { Inline } from '../documents/doc-blocks.ts';

/** The four faces of one family: a run's bold and italic pick one. */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

/** A piece of a line in one face. */
export interface Segment {
  text: string;
  font: PDFFont;
  width: number;
  href?: string;
}

/** One laid-out line: its pieces left to right and its width. */
export interface Line {
  segments: Segment[];
  width: number;
}

/** The face a run is set in. */
export function faceOf(fonts: Fonts, run: Pick<Inline, 'bold' | 'italic'>): PDFFont {
  if (run.bold && run.italic) return fonts.boldItalic;
  if (run.bold) return fonts.bold;
  if (run.italic) return fonts.italic;
  return fonts.regular;
}

const REPLACEMENTS: Record<string, string> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2011': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2713': 'v',
};
const supported = new WeakMap<PDFFont, Set<number>>();

/**
 * Text the standard PDF fonts can draw: they cover Windows-1252 (accents, curly quotes, dashes,
 * bullets), so a few look-alikes are swapped in and anything else becomes "?" instead of failing.
 */
export function drawable(font: PDFFont, text: string): string {
  let set = supported.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    supported.set(font, set);
  }
  let out = '';
  for (const ch of text) {
    const swapped = REPLACEMENTS[ch] ?? ch;
    out += [...swapped].every((c) => set.has(c.codePointAt(0)!) || c === ' ') ? swapped : '?';
  }
  return out;
}

interface Token {
  text: string;
  font: PDFFont;
  href?: string;
  space: boolean;
  breakAfter: boolean;
}

function tokensOf(runs: readonly Inline[], fonts: Fonts): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const font = faceOf(fonts, run);
    const lines = drawable(font, run.text.replace(/\r\n?/g, '\n')).split('\n');
    lines.forEach((lineText, i) => {
      for (const piece of lineText.split(/(\s+)/)) {
        if (piece)
          tokens.push({ text: piece, font, href: run.href, space: /^\s+$/.test(piece), breakAfter: false });
      }
      if (i < lines.length - 1) tokens.push({ text: '', font, space: false, breakAfter: true });
    });
  }
  return tokens;
}

/** Splits a word wider than the line into pieces that fit, character by character. */
function hardBreak(token: Token, size: number, maxWidth: number): Token[] {
  const pieces: Token[] = [];
  let current = '';
  for (const ch of token.text) {
    if (current && token.font.widthOfTextAtSize(current + ch, size) > maxWidth) {
      pieces.push({ ...token, text: current });
      current = '';
    }
    current += ch;
  }
  if (current) pieces.push({ ...token, text: current });
  return pieces;
}

/** Lays inline runs out in lines no wider than `maxWidth` at `size` points, breaking between words. */
export function flowText(runs: readonly Inline[], fonts: Fonts, size: number, maxWidth: number): Line[] {
  const lines: Line[] = [];
  let line: Segment[] = [];
  let width = 0;
  const finish = () => {
    while (line.length && /^\s+$/.test(line[line.length - 1]!.text)) width -= line.pop()!.width;
    const last = line[line.length - 1];
    const kept = last?.text.trimEnd();
    if (last && kept !== last.text) {
      // A trailing space inside a run (or a link) would widen the line and underline nothing.
      const trimmed = last.font.widthOfTextAtSize(kept!, size);
      width -= last.width - trimmed;
      last.text = kept!;
      last.width = trimmed;
    }
    lines.push({ segments: line, width });
    line = [];
    width = 0;
  };
  const place = (t: Token) => {
    const w = t.font.widthOfTextAtSize(t.text, size);
    if (t.space && line.length === 0) return;
    if (!t.space && line.length > 0 && width + w > maxWidth) finish();
    if (t.space && width + w > maxWidth) return;
    const last = line[line.length - 1];
    if (last && last.font === t.font && last.href === t.href) {
      last.text += t.text;
      last.width += w;
    } else {
      line.push({ text: t.text, font: t.font, width: w, ...(t.href ? { href: t.href } : {}) });
    }
    width += w;
  };
  for (const token of tokensOf(runs, fonts)) {
    if (token.breakAfter) {
      finish();
      continue;
    }
    const fits = token.space || token.font.widthOfTextAtSize(token.text, size) <= maxWidth;
    for (const t of fits ? [token] : hardBreak(token, size, maxWidth)) place(t);
  }
  if (line.length || lines.length === 0) finish();
  return lines;
}
