import { type PDFDocument, type PDFFont, PDFName, type PDFPage, PDFString, type RGB, rgb } from 'pdf-lib';
import type { Inline } from '../documents/doc-blocks.ts';
import { type Fonts, flowText, type Line } from './text-flow.ts';

/** US Letter in points, with the margins every printed page keeps. */
export const PAGE = { width: 612, height: 792, margin: 54, footer: 36 } as const;
export const INK = rgb(0.11, 0.12, 0.15);
export const MUTED = rgb(0.38, 0.4, 0.45);
const LINK = rgb(0.1, 0.3, 0.75);

/** "#3446c6" as a pdf-lib color (a dark gray for anything else). */
export function hexColor(hex: string): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m
    ? rgb(
        Number.parseInt(m[1]!, 16) / 255,
        Number.parseInt(m[2]!, 16) / 255,
        Number.parseInt(m[3]!, 16) / 255,
      )
    : INK;
}

/**
 * Writes top to bottom across pages: keeps the cursor, starts a page (with its running head) when the
 * next thing does not fit, and draws laid-out lines with their links.
 */
export class PageWriter {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    /** Draws the top of a page (letterhead on the first, a running head after) and returns where text starts. */
    private readonly head: (page: PDFPage, index: number) => number,
  ) {
    this.newPage();
  }

  get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = this.head(this.page, this.pages.length - 1);
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < PAGE.margin + PAGE.footer) this.newPage();
  }

  /** Lays out and draws runs as a block of lines at `x` (offset from the margin), `width` wide. */
  text(
    runs: readonly Inline[],
    opts: { size: number; x?: number; width?: number; color?: RGB; gap?: number },
  ): void {
    const leading = opts.size * 1.35;
    for (const line of flowText(runs, this.fonts, opts.size, opts.width ?? this.width - (opts.x ?? 0))) {
      this.ensure(leading);
      this.drawLine(line, PAGE.margin + (opts.x ?? 0), this.y - opts.size, opts.size, opts.color ?? INK);
      this.y -= leading;
    }
    this.y -= opts.gap ?? 0;
  }

  /** Draws one laid-out line with its baseline at `baseline`. */
  drawLine(line: Line, x: number, baseline: number, size: number, color: RGB): void {
    let at = x;
    for (const seg of line.segments) {
      const c = seg.href ? LINK : color;
      this.page.drawText(seg.text, { x: at, y: baseline, size, font: seg.font, color: c });
      if (seg.href) {
        this.page.drawLine({
          start: { x: at, y: baseline - 1.5 },
          end: { x: at + seg.width, y: baseline - 1.5 },
          thickness: 0.5,
          color: c,
        });
        this.link(seg.href, [at, baseline - 3, at + seg.width, baseline + size]);
      }
      at += seg.width;
    }
  }

  /** A clickable area opening `href`. */
  private link(href: string, rect: [number, number, number, number]): void {
    const annot = this.doc.context.register(
      this.doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: rect,
        Border: [0, 0, 0],
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) },
      }),
    );
    const annots = this.page.node.lookup(PDFName.of('Annots'));
    if (annots && 'push' in annots) (annots as unknown as { push(v: unknown): void }).push(annot);
    else this.page.node.set(PDFName.of('Annots'), this.doc.context.obj([annot]));
  }

  /** Width of plain text in a face. */
  measure(text: string, font: PDFFont, size: number): number {
    return font.widthOfTextAtSize(text, size);
  }
}
