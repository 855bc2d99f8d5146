import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { PDFDocument } from 'pdf-lib';
import type { DocBlock } from '../../shared/documents/doc-blocks.ts';
import { renderBrandedPdf } from '../../shared/pdf/branded-pdf.ts';
import { solidPng } from '../support/pdf-tools.ts';

/** A handbook of about ten pages: headings, paragraphs, a list and a table per section. */
function tenPages(): DocBlock[] {
  const paragraph: DocBlock = {
    kind: 'paragraph',
    text: [
      { text: 'Staff keep patient information private at the front desk, on the phone and on screens. ' },
      { text: 'Questions go to the practice manager.', bold: true },
      { text: ' This section explains what that means day to day and whom to ask. '.repeat(3) },
    ],
  };
  return Array.from({ length: 24 }, (_, i): DocBlock[] => [
    { kind: 'heading', level: 2, text: [{ text: `Section ${i + 1}` }] },
    paragraph,
    paragraph,
    {
      kind: 'list',
      ordered: false,
      items: [[{ text: 'Lock the screen' }], [{ text: 'Log out at day end' }]],
    },
    {
      kind: 'table',
      rows: [
        [[{ text: 'Role' }], [{ text: 'Duty' }]],
        [[{ text: 'Front desk' }], [{ text: 'Checks the sign-in log daily' }]],
      ],
    },
  ]).flat();
}

/** `npm run bench -- pdf`: the branded renderer's time for a ten-page document, and its browser chunk. */
export async function benchPdf(outDir: string): Promise<void> {
  console.log('\n== Branded PDF (shared/pdf, pdf-lib; rendered in the browser, not in a Lambda) ==');
  const job = {
    letterhead: {
      name: 'Maple Street Family Medicine',
      addressLines: ['412 Maple Street', 'Columbus, OH 43215'],
      phone: '(614) 555-0142',
      primaryColor: '#1d3557',
      logo: { bytes: solidPng(240, 120, [29, 53, 87]), type: 'png' as const },
    },
    title: 'Employee Handbook',
    blocks: tenPages(),
    footer: 'Employee Handbook · version 2',
  };
  await renderBrandedPdf(job); // warm-up: first embeds and JIT
  const times: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    bytes = await renderBrandedPdf(job);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  console.log(
    `${pages}-page document: median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)}), ${(bytes.length / 1024).toFixed(0)} KB`,
  );
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'pdf-browser.js');
  await build({
    entryPoints: [resolve('shared/pdf/branded-pdf.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    outfile,
  });
  const code = readFileSync(outfile);
  console.log(
    `browser chunk (loaded only when printing): ${(code.length / 1024).toFixed(0)} KB, ${(gzipSync(code).length / 1024).toFixed(0)} KB gzipped; domain Lambdas carry none of it`,
  );
}
