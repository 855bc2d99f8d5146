import { type PDFDocument as Doc, PDFDocument, type PDFImage, type PDFPage, StandardFonts } from 'pdf-lib';
import type { DocBlock } from '../documents/doc-blocks.ts';
import { drawBlocks } from './blocks.ts';
import { hexColor, INK, MUTED, PAGE, PageWriter } from './page-writer.ts';
import { drawable, type Fonts } from './text-flow.ts';

/** Who the page comes from: the practice's name, address, phone, color and logo. */
export interface Letterhead {
  name: string;
  addressLines: readonly string[];
  phone?: string;
  /** "#rrggbb": the rule under the letterhead and the title. */
  primaryColor: string;
  logo?: { bytes: Uint8Array; type: 'png' | 'jpeg' };
}

/** One person on a signature sheet; without `signedAt` they have not signed. */
export interface SignatureRow {
  name: string;
  role: string;
  /** When, as the reader should see it ("Mar 4, 2027, 9:12 AM"). */
  signedAt?: string;
  typedName?: string;
  /** SHA-256 of the exact version signed (hex). */
  sha256?: string;
}

/** Everything a branded print needs; `blocks` is the body, `signatureSheet` an optional last page. */
export interface PrintJob {
  letterhead: Letterhead;
  title: string;
  subtitle?: string;
  blocks: readonly DocBlock[];
  /** Left side of every page's footer ("Employee handbook · version 2 · published Mar 1, 2027"). */
  footer?: string;
  signatureSheet?: { title: string; intro?: string; rows: readonly SignatureRow[] };
}

/**
 * The one renderer for printable output: the practice letterhead on the first page and a running head
 * after it, the body's rich text, an optional signature sheet, and "Page n of N" with the footer text on
 * every page. Pure JavaScript (pdf-lib), so the same code prints in the browser and in Node.
 */
export async function renderBrandedPdf(job: PrintJob): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(job.title);
  doc.setProducer('Rounds');
  doc.setCreator(job.letterhead.name);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await doc.embedFont(StandardFonts.HelveticaBoldOblique),
  };
  const logo = job.letterhead.logo ? await embedLogo(doc, job.letterhead.logo) : undefined;
  const head = (page: PDFPage, index: number) =>
    index === 0 ? drawLetterhead(page, fonts, job.letterhead, logo) : drawRunningHead(page, fonts, job);
  const w = new PageWriter(doc, fonts, head);

  w.text([{ text: job.title, bold: true }], {
    size: 20,
    color: hexColor(job.letterhead.primaryColor),
    gap: 2,
  });
  if (job.subtitle) w.text([{ text: job.subtitle }], { size: 10.5, color: MUTED, gap: 6 });
  w.y -= 6;
  drawBlocks(w, job.blocks);
  if (job.signatureSheet) drawSignatureSheet(w, job.signatureSheet);

  drawFooters(w.pages, fonts, job.footer);
  return doc.save();
}

async function embedLogo(doc: Doc, logo: NonNullable<Letterhead['logo']>): Promise<PDFImage> {
  return logo.type === 'png' ? doc.embedPng(logo.bytes) : doc.embedJpg(logo.bytes);
}

/** The first page's letterhead: logo and name at left, address and phone at right, a colored rule. */
function drawLetterhead(page: PDFPage, fonts: Fonts, lh: Letterhead, logo: PDFImage | undefined): number {
  const top = PAGE.height - PAGE.margin;
  let x = PAGE.margin;
  if (logo) {
    const scaled = logo.scaleToFit(120, 44);
    page.drawImage(logo, { x, y: top - scaled.height, width: scaled.width, height: scaled.height });
    x += scaled.width + 12;
  }
  page.drawText(drawable(fonts.bold, lh.name), { x, y: top - 18, size: 14, font: fonts.bold, color: INK });
  const right = [...lh.addressLines, ...(lh.phone ? [lh.phone] : [])];
  right.forEach((line, i) => {
    const text = drawable(fonts.regular, line);
    const width = fonts.regular.widthOfTextAtSize(text, 8.5);
    page.drawText(text, {
      x: PAGE.width - PAGE.margin - width,
      y: top - 9 - i * 11,
      size: 8.5,
      font: fonts.regular,
      color: MUTED,
    });
  });
  const ruleY = top - Math.max(48, right.length * 11 + 6);
  page.drawLine({
    start: { x: PAGE.margin, y: ruleY },
    end: { x: PAGE.width - PAGE.margin, y: ruleY },
    thickness: 2,
    color: hexColor(lh.primaryColor),
  });
  return ruleY - 22;
}

/** Later pages: the practice and the title, small, above a thin rule. */
function drawRunningHead(page: PDFPage, fonts: Fonts, job: PrintJob): number {
  const y = PAGE.height - PAGE.margin + 10;
  const text = drawable(fonts.regular, `${job.letterhead.name} · ${job.title}`);
  page.drawText(text, { x: PAGE.margin, y, size: 8.5, font: fonts.regular, color: MUTED });
  page.drawLine({
    start: { x: PAGE.margin, y: y - 6 },
    end: { x: PAGE.width - PAGE.margin, y: y - 6 },
    thickness: 0.75,
    color: hexColor(job.letterhead.primaryColor),
  });
  return y - 24;
}

/** "Page n of N" at right and the job's footer text at left, on every page. */
function drawFooters(pages: readonly PDFPage[], fonts: Fonts, footer: string | undefined): void {
  pages.forEach((page, i) => {
    const y = PAGE.margin - 18;
    const number = `Page ${i + 1} of ${pages.length}`;
    const width = fonts.regular.widthOfTextAtSize(number, 8.5);
    page.drawText(number, {
      x: PAGE.width - PAGE.margin - width,
      y,
      size: 8.5,
      font: fonts.regular,
      color: MUTED,
    });
    if (footer)
      page.drawText(drawable(fonts.regular, footer), {
        x: PAGE.margin,
        y,
        size: 8.5,
        font: fonts.regular,
        color: MUTED,
      });
  });
}

/** A new page listing who signed (name, role, when, typed name, hash) and who has not. */
function drawSignatureSheet(w: PageWriter, sheet: NonNullable<PrintJob['signatureSheet']>): void {
  w.newPage();
  w.text([{ text: sheet.title, bold: true }], { size: 15, gap: 4 });
  if (sheet.intro) w.text([{ text: sheet.intro }], { size: 9.5, color: MUTED, gap: 8 });
  const signed = sheet.rows.filter((r) => r.signedAt);
  const missing = sheet.rows.filter((r) => !r.signedAt);
  drawBlocks(w, [
    {
      kind: 'table',
      rows: [
        ['Name', 'Role', 'Signed', 'Typed name', 'SHA-256 of the version signed'].map((t) => [{ text: t }]),
        ...signed.map((r) => [
          [{ text: r.name }],
          [{ text: r.role }],
          [{ text: r.signedAt ?? '' }],
          [{ text: r.typedName ?? '' }],
          [{ text: r.sha256 ?? '' }],
        ]),
      ],
    },
  ]);
  w.text([{ text: `Signed: ${signed.length} of ${sheet.rows.length}`, bold: true }], { size: 10.5, gap: 4 });
  if (missing.length) {
    w.text([{ text: 'Not signed yet', bold: true }], { size: 10.5, gap: 2 });
    drawBlocks(w, [
      { kind: 'list', ordered: false, items: missing.map((r) => [{ text: `${r.name} (${r.role})` }]) },
    ]);
  }
}
