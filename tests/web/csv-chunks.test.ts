import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../shared/csv.ts';
import { importIdentity, readRowDates } from '../../shared/import-identity.ts';
import { dateOrderOf, readDate, tenantLocale } from '../../shared/locale.ts';
import {
  columnKey,
  csvField,
  MAX_CHUNK_CHARS,
  splitCsv,
  toCsv,
} from '../../web/src/features/imports/csv-chunks.ts';

describe('CSV serialiser', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Blue Cross, Blue Shield')).toBe('"Blue Cross, Blue Shield"');
    expect(csvField('Katherine "Kate"')).toBe('"Katherine ""Kate"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(
      toCsv([
        ['a', 'b'],
        ['c,d', ''],
      ]),
    ).toBe('a,b\r\n"c,d",\r\n');
  });

  it('round-trips commas, quotes and line breaks through parseCsv', () => {
    const rows = [
      ['first_name', 'last_name', 'note'],
      ['Katherine "Kate"', 'Johnson, Jr.', 'Prefers mornings\r\nCall first'],
      ['"', ',', '\n'],
      ['Alan', 'Turing', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual([rows[0], rows[1], ['"', ',', ''], rows[3]]);
    // parseCsv trims cells, so a lone line break comes back empty; inside text it survives.
    expect(csvRecords(toCsv(rows)).records[0]).toEqual({
      first_name: 'Katherine "Kate"',
      last_name: 'Johnson, Jr.',
      note: 'Prefers mornings\r\nCall first',
    });
  });
});

describe('splitCsv', () => {
  const header = 'First Name,Last Name,Date of Birth';
  const fileOf = (n: number) =>
    [header, ...Array.from({ length: n }, (_, i) => `P${i},"Last, ${i}",1980-01-01`)].join('\n');

  it('cuts a file into chunks of at most 100 data rows, each with the header, numbered for the whole file', () => {
    const split = splitCsv(`\uFEFF${fileOf(230)}\n\n`);
    expect(split.columns).toEqual(['first_name', 'last_name', 'date_of_birth']);
    expect(split.rows).toBe(230);
    expect(split.chunks.map((c) => [c.firstRow, c.rows])).toEqual([
      [2, 100],
      [102, 100],
      [202, 30],
    ]);
    for (const chunk of split.chunks) {
      const parsed = parseCsv(chunk.csv);
      expect(parsed[0]).toEqual(['First Name', 'Last Name', 'Date of Birth']);
      expect(parsed).toHaveLength(chunk.rows + 1);
    }
    const third = parseCsv(split.chunks[2]!.csv);
    // Row 202 of the file (header = row 1) is the 201st patient, P200.
    expect(third[1]).toEqual(['P200', 'Last, 200', '1980-01-01']);
  });

  it('numbers rows as the spreadsheet does when the file has blank rows', () => {
    const split = splitCsv('a,b\n1,2\n\n3,4\n5,6\n,\n7,8\n');
    expect(split.rows).toBe(4);
    // Rows 2, 4–5 and 7: a blank row ends a chunk, so an error in "3,4" names row 4.
    expect(split.chunks.map((c) => [c.firstRow, c.rows])).toEqual([
      [2, 1],
      [4, 2],
      [7, 1],
    ]);
    expect(parseCsv(split.chunks[1]!.csv)[1]).toEqual(['3', '4']);
    expect(() => splitCsv(`a\n\n\n${'x'.repeat(200)}`, 100, 120)).toThrow(/Row 4 is too long/);
  });

  it('sets aside a row repeating an earlier one (any chunk), naming both rows', () => {
    const file =
      'First Name,Last Name,Date of Birth\nAda,Byron,1815-12-10\nAlan,Turing,1912-06-23\nada,BYRON,1815-12-10\nGrace,Hopper,1906-12-09\n';
    const split = splitCsv(file, 2, MAX_CHUNK_CHARS, (r) => importIdentity('patients', r, 'month/day/year'));
    expect(split.rows).toBe(4);
    expect(split.repeats).toEqual([{ row: 4, of: 2 }]);
    expect(split.chunks.map((c) => [c.firstRow, c.rows])).toEqual([
      [2, 2],
      [5, 1],
    ]);
    // Without an identity every row is sent (the API still catches repeats inside a chunk).
    expect(splitCsv(file).repeats).toEqual([]);
  });

  it('keeps a multi-line field inside one row and one chunk', () => {
    const split = splitCsv('a,b\r\n1,"two\r\nlines"\r\n3,4\r\n', 1);
    expect(split.chunks.map((c) => parseCsv(c.csv)[1])).toEqual([
      ['1', 'two\r\nlines'],
      ['3', '4'],
    ]);
    expect(split.chunks.map((c) => c.firstRow)).toEqual([2, 3]);
  });

  it('starts a new chunk before one would pass the request size limit', () => {
    const split = splitCsv(fileOf(10), 100, 120);
    expect(split.chunks.length).toBeGreaterThan(1);
    expect(split.chunks.every((c) => c.csv.length <= 120)).toBe(true);
    expect(split.chunks.reduce((n, c) => n + c.rows, 0)).toBe(10);
    expect(() => splitCsv(`a\n${'x'.repeat(200)}`, 100, 120)).toThrow(/Row 2 is too long/);
  });

  it('gives a header-only or empty file no chunks', () => {
    expect(splitCsv(header)).toMatchObject({ rows: 0, chunks: [] });
    expect(splitCsv('')).toEqual({ columns: [], headers: [], rows: 0, chunks: [], repeats: [] });
    expect(columnKey('  Member  ID ')).toBe('member_id');
  });
});

describe('dates as the practice writes them', () => {
  const US = 'month/day/year' as const;

  it('a US practice reads slashed dates month first; every region is a US one', () => {
    expect(tenantLocale({ region: 'pacific' })).toBe('en-US');
    expect(dateOrderOf('en-US')).toBe(US);
    expect(dateOrderOf('en-GB')).toBe('day/month/year');
    expect(readDate('03/14/1985', US)).toEqual({ ok: true, date: '1985-03-14', format: US });
    expect(readDate('3/4/1985', US)).toEqual({ ok: true, date: '1985-03-04', format: US });
    expect(readDate(' 1985-03-14 ', US)).toEqual({ ok: true, date: '1985-03-14', format: 'year-month-day' });
    expect(readDate('2024-02-29', US)).toMatchObject({ ok: true, date: '2024-02-29' });
  });

  it('never guesses: 03/04 is March 4 even though April 3 would fit, and 14/03 is not a US date', () => {
    expect(readDate('03/04/1985', US)).toMatchObject({ ok: true, date: '1985-03-04' });
    expect(readDate('03/04/1985', 'day/month/year')).toMatchObject({ ok: true, date: '1985-04-03' });
    expect(readDate('14/03/1985', US)).toEqual({
      ok: false,
      format: US,
      message: '“14/03/1985” is not a date (read as month/day/year: there is no month 14)',
    });
  });

  it('refuses impossible dates, two-digit years and other shapes, saying why', () => {
    expect(readDate('13/40/1985', US)).toMatchObject({
      ok: false,
      message: '“13/40/1985” is not a date (read as month/day/year: there is no month 13)',
    });
    expect(readDate('02/30/1985', US)).toMatchObject({
      ok: false,
      message: '“02/30/1985” is not a date (read as month/day/year: February 1985 has no day 30)',
    });
    expect(readDate('2023-02-29', US)).toMatchObject({
      ok: false,
      message: '“2023-02-29” is not a date (read as year-month-day: February 2023 has no day 29)',
    });
    expect(readDate('03/14/85', US)).toEqual({
      ok: false,
      message: 'Write the year with four digits, like 03/14/1985',
    });
    expect(readDate('March 14, 1985', US)).toEqual({
      ok: false,
      message: 'Use a date like 03/14/1985 or 1985-03-14',
    });
    expect(readDate('', US)).toEqual({ ok: false, message: 'Required' });
  });

  it('reads the date columns of each kind, naming the column of a date that is not one', () => {
    const row = { first_name: 'Ada', date_of_birth: '12/10/1815', date: '13/40/2027', time: '09:00' };
    expect(readRowDates('patients', row, US)).toEqual({
      row: { ...row, date_of_birth: '1815-12-10' },
      read: [{ column: 'date_of_birth', text: '12/10/1815', date: '1815-12-10', format: US }],
      errors: [],
    });
    expect(readRowDates('appointments', row, US).errors).toEqual([
      { field: 'date', message: '“13/40/2027” is not a date (read as month/day/year: there is no month 13)' },
    ]);
  });

  it('a birth date written either way is the same patient, so the repeat is set aside', () => {
    const file =
      'First Name,Last Name,Date of Birth\nAda,Byron,12/10/1815\nAlan,Turing,6/23/1912\nada,BYRON,1815-12-10\n';
    const split = splitCsv(file, 100, MAX_CHUNK_CHARS, (r) => importIdentity('patients', r, US));
    expect(split.repeats).toEqual([{ row: 4, of: 2 }]);
    expect(
      importIdentity(
        'patients',
        { first_name: 'Alan', last_name: 'Turing', date_of_birth: '06/23/1912' },
        US,
      ),
    ).toBe(
      importIdentity(
        'patients',
        { first_name: 'Alan', last_name: 'Turing', date_of_birth: '1912-06-23' },
        US,
      ),
    );
  });
});
