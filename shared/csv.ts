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

/**
 * One cell of a CSV a spreadsheet opens as-is: a cell it would run as a formula (= + - @, tab,
 * return) gets a leading apostrophe (a name typed as "=HYPERLINK(…)" stays text); quoted when it
 * holds , " or a line break (RFC 4180).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && value.length > 1 ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text: UTF-8 with a byte-order mark (so Excel reads accents) and CRLF rows. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('')}`;
}
