import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** A solid-color RGB PNG of the given size: a logo whose pixels a test can find again. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Runs a poppler tool (pdftotext, pdfinfo, pdfimages, pdftoppm); .ci/run installs poppler-utils. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils (.ci/run does this)`);
    }
    throw err;
  }
}

/** What poppler reads in a PDF: its text per page, its info, its images, and page 1 as pixels. */
export function readPdf(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  const info = Object.fromEntries(
    poppler('pdfinfo', [file])
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [m[1]!, m[2]!.trim()]),
  );
  const pages = Number(info.Pages);
  const text = (page: number) =>
    poppler('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
  const images = poppler('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
  /** Page 1 rendered at 72 dpi (one pixel per point), as RGB rows. */
  const render = () => {
    poppler('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const offset = ppm.length - Number(w) * Number(h) * 3;
    return {
      width: Number(w),
      height: Number(h),
      pixel: (x: number, y: number) => [
        ...ppm.subarray(offset + (y * Number(w) + x) * 3, offset + (y * Number(w) + x) * 3 + 3),
      ],
    };
  };
  return { info, pages, text, images, render };
}
