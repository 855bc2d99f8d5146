/** One parsed row and its row number as a spreadsheet shows it (blank rows count; the first row is 1). */
export interface NumberedRow {
  row: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF rows.
 * Returns the non-blank rows of trimmed cells, each with its spreadsheet row number.
 */
export function parseNumberedCsv(text: string): NumberedRow[] {
  const rows: NumberedRow[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let number = 1;
  const endRow = () => {
    row.push(cell.trim());
    if (row.some((c) => c !== '')) rows.push({ row: number, cells: row });
    number++;
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  endRow();
  return rows;
}

/** Rows of trimmed cells; blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  return parseNumberedCsv(text).map((r) => r.cells);
}

/** Header-keyed records (header names lower-cased, spaces → underscores). */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [head = [], ...body] = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = head.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  return {
    header,
    records: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))),
  };
}
