import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from '../../shared/zip/zip-writer.ts';

/** Info-ZIP's unzip, a reader written by other people, run in a UTF-8 locale so names print as written. */
function unzip(args: string[]): string {
  try {
    return execFileSync('unzip', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('unzip is missing: apt-get install -y unzip');
    }
    throw err;
  }
}

function written(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rounds-zip-')), 'test.zip');
  writeFileSync(file, bytes);
  return file;
}

describe('zip writer', () => {
  const pdfLike = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
  const entries = [
    { name: 'README.txt', bytes: 'Plain text\r\nwith two lines\r\n' },
    { name: 'Café Policies – résumé ✓.pdf', bytes: pdfLike },
    { name: 'empty.txt', bytes: '' },
    { name: 'v1/signatures.csv', bytes: 'Name,Signed\r\n"Lee, Dana",2027-03-04\r\n' },
  ];

  it('writes an archive unzip tests clean, with UTF-8 names, an empty file and the exact bytes back', () => {
    const file = written(zipFiles(entries.map((e) => ({ ...e, modified: new Date(2027, 2, 4, 9, 12, 30) }))));
    // -t reads every entry and checks its CRC-32 against the headers.
    const test = unzip(['-t', file]);
    expect(test).toContain('No errors detected');
    for (const e of entries) expect(test).toContain(`testing: ${e.name}`);
    // The central directory lists each name as written, in order.
    expect(unzip(['-Z1', file]).trim().split('\n')).toEqual(entries.map((e) => e.name));
    // DOS time keeps the local wall clock to 2 seconds.
    expect(unzip(['-Z', '-T', file, 'empty.txt'])).toContain('20270304.091230');
    for (const e of entries) {
      const back = execFileSync('unzip', ['-p', file, e.name]);
      expect(Buffer.compare(back, Buffer.from(e.bytes))).toBe(0);
    }
  });

  it('marks names as UTF-8 (flag bit 11) and repeats local headers in the central directory', () => {
    const zip = zipFiles([{ name: 'é.txt', bytes: 'x' }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(6, true) & 0x0800).toBe(0x0800);
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    const central = view.getUint32(end + 16, true);
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    expect(view.getUint16(central + 8, true) & 0x0800).toBe(0x0800);
    expect(view.getUint32(central + 16, true)).toBe(nodeCrc32(Buffer.from('x')));
  });

  it('computes the same CRC-32 as zlib', () => {
    for (const data of [new Uint8Array(0), Buffer.from('123456789'), Buffer.from([0, 255, 128, 1])]) {
      expect(crc32(data)).toBe(nodeCrc32(data));
    }
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('refuses names that escape the folder, folders and duplicates', () => {
    const bad = [
      '../evil.txt',
      'a/../../evil.txt',
      '/etc/passwd',
      '\\windows\\evil',
      'C:evil.txt',
      'dir/',
      '',
    ];
    for (const name of bad)
      expect(() => zipFiles([{ name, bytes: 'x' }]), name).toThrow(/cannot be a file name/);
    expect(() =>
      zipFiles([
        { name: 'a.txt', bytes: '1' },
        { name: 'A.txt', bytes: '2' },
      ]),
    ).toThrow(/Two files in the zip are named “A.txt”/);
    // A dotted name that stays inside is fine.
    expect(() => zipFiles([{ name: 'v1..final.txt', bytes: 'x' }])).not.toThrow();
  });

  it('writes a valid empty archive', () => {
    const zip = zipFiles([]);
    expect(zip.length).toBe(22);
    expect(Buffer.from(zip.subarray(0, 4)).toString('hex')).toBe('504b0506');
  });
});
