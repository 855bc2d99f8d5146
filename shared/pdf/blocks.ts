import { rgb } from 'pdf-lib';
import type { DocBlock, Inline } from '../documents/doc-blocks.ts';
import { INK, PAGE, type PageWriter } from './page-writer.ts';
import { flowText } from './text-flow.ts';

const BODY = 10.5;
const HEADING = { 1: 17, 2: 14, 3: 12 } as const;
const CELL_PAD = 4;
const RULE = rgb(0.8, 0.82, 0.86);
const SHADE = rgb(0.94, 0.95, 0.97);

/** Draws rich-text blocks in reading order, starting pages as they fill. */
export function drawBlocks(w: PageWriter, blocks: readonly DocBlock[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        const size = HEADING[block.level];
        w.y -= size * 0.5;
        // Keep a heading with the first lines after it.
        w.ensure(size * 1.35 + BODY * 3);
        w.text(
          block.text.map((r) => ({ ...r, bold: true })),
          { size, gap: 4 },
        );
        break;
      }
      case 'paragraph':
        w.text(block.text, { size: BODY, gap: 6 });
        break;
      case 'list':
        drawList(w, block.items, block.ordered);
        break;
      case 'table':
        drawTable(w, block.rows);
        break;
    }
  }
}

function drawList(w: PageWriter, items: readonly (readonly Inline[])[], ordered: boolean): void {
  const indent = 18;
  items.forEach((item, i) => {
    const marker = ordered ? `${i + 1}.` : '\u2022';
    w.ensure(BODY * 1.35);
    w.page.drawText(marker, {
      x: PAGE.margin + 4,
      y: w.y - BODY,
      size: BODY,
      font: w.fonts.regular,
      color: INK,
    });
    w.text(item, { size: BODY, x: indent, gap: 2 });
  });
  w.y -= 4;
}

/** A table with a shaded header row; a row never splits across pages, the header repeats on each. */
function drawTable(w: PageWriter, rows: readonly (readonly (readonly Inline[])[])[]): void {
  const columns = Math.max(...rows.map((r) => r.length));
  const colWidth = w.width / columns;
  const size = BODY - 1;
  const leading = size * 1.3;
  const layout = (row: readonly (readonly Inline[])[], header: boolean) => {
    const cells = Array.from({ length: columns }, (_, c) =>
      flowText(
        (row[c] ?? []).map((r) => (header ? { ...r, bold: true } : r)),
        w.fonts,
        size,
        colWidth - 2 * CELL_PAD,
      ),
    );
    return { cells, height: Math.max(...cells.map((l) => l.length)) * leading + 2 * CELL_PAD, header };
  };
  const header = layout(rows[0]!, true);
  const drawRow = (r: ReturnType<typeof layout>) => {
    const top = w.y;
    if (r.header) {
      w.page.drawRectangle({
        x: PAGE.margin,
        y: top - r.height,
        width: w.width,
        height: r.height,
        color: SHADE,
      });
    }
    r.cells.forEach((lines, c) => {
      lines.forEach((line, i) => {
        w.drawLine(
          line,
          PAGE.margin + c * colWidth + CELL_PAD,
          top - CELL_PAD - size - i * leading,
          size,
          INK,
        );
      });
    });
    for (let c = 0; c <= columns; c++) {
      const x = PAGE.margin + c * colWidth;
      w.page.drawLine({ start: { x, y: top }, end: { x, y: top - r.height }, thickness: 0.5, color: RULE });
    }
    w.page.drawLine({
      start: { x: PAGE.margin, y: top },
      end: { x: PAGE.margin + w.width, y: top },
      thickness: 0.5,
      color: RULE,
    });
    w.page.drawLine({
      start: { x: PAGE.margin, y: top - r.height },
      end: { x: PAGE.margin + w.width, y: top - r.height },
      thickness: 0.5,
      color: RULE,
    });
    w.y = top - r.height;
  };
  w.ensure(header.height * 2);
  drawRow(header);
  for (const row of rows.slice(1)) {
    const r = layout(row, false);
    const before = w.pages.length;
    w.ensure(r.height);
    if (w.pages.length > before) drawRow(header);
    drawRow(r);
  }
  w.y -= 8;
}
