import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../shared/documents/doc-blocks.ts';
import { type PrintJob, renderBrandedPdf } from '../../shared/pdf/branded-pdf.ts';
import { readPdf, solidPng } from '../support/pdf-tools.ts';

const RED: [number, number, number] = [214, 40, 40];
const LETTERHEAD: PrintJob['letterhead'] = {
  name: 'Maple Street Family Medicine',
  addressLines: ['412 Maple Street', 'Columbus, OH 43215'],
  phone: '(614) 555-0142',
  primaryColor: '#1d3557',
  logo: { bytes: solidPng(80, 40, RED), type: 'png' },
};

const POLICY: DocBlock[] = [
  { kind: 'heading', level: 1, text: [{ text: 'Purpose' }] },
  {
    kind: 'paragraph',
    text: [
      { text: 'Every workstation locks after ' },
      { text: 'five minutes', bold: true },
      { text: ' idle. See ' },
      { text: 'the HHS guidance', href: 'https://www.hhs.gov/hipaa' },
      { text: ' for why.' },
    ],
  },
  {
    kind: 'list',
    ordered: true,
    items: [[{ text: 'Lock the screen' }], [{ text: 'Log out at day end', italic: true }]],
  },
  {
    kind: 'table',
    rows: [
      [[{ text: 'Role' }], [{ text: 'Duty' }]],
      [[{ text: 'Front desk' }], [{ text: 'Checks the sign-in log daily' }]],
    ],
  },
];

describe('branded PDF', () => {
  it('prints the letterhead, logo, title, rich text and page numbers', async () => {
    const bytes = await renderBrandedPdf({
      letterhead: LETTERHEAD,
      title: 'Workstation Security Policy',
      subtitle: 'Version 2 · published Mar 1, 2027',
      blocks: POLICY,
      footer: 'Workstation Security Policy · version 2',
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = readPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.info.Title).toBe('Workstation Security Policy');
    const page = pdf.text(1).replace(/\s+/g, ' ');
    for (const text of [
      'Maple Street Family Medicine',
      '412 Maple Street',
      '(614) 555-0142',
      'Workstation Security Policy',
      'Every workstation locks after five minutes idle.',
      '1. Lock the screen',
      'Checks the sign-in log daily',
      'Page 1 of 1',
    ]) {
      expect(page).toContain(text);
    }
    // The logo is the one image, at its own size, drawn top left: its red is where the page begins.
    expect(pdf.images).toEqual([{ page: 1, width: 80, height: 40 }]);
    const png = pdf.render();
    expect([png.width, png.height]).toEqual([612, 792]);
    expect(png.pixel(54 + 10, 54 + 10)).toEqual(RED);
    // The link is a real link: an annotation on the page that opens the address.
    const loaded = await PDFDocument.load(bytes);
    const annots = loaded.getPage(0).node.Annots();
    const uris = (annots?.asArray() ?? []).map((ref) => {
      const action = loaded.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict);
      return action.lookup(PDFName.of('URI'), PDFString).decodeText();
    });
    expect(uris).toEqual(['https://www.hhs.gov/hipaa']);
  });

  it('flows a long document over pages, with a running head and "Page n of N"', async () => {
    const paragraph: DocBlock = {
      kind: 'paragraph',
      text: [
        {
          text: 'Staff keep patient information private at the desk, on the phone and on screens. '.repeat(6),
        },
      ],
    };
    const blocks: DocBlock[] = Array.from({ length: 12 }, (_, i) => [
      { kind: 'heading', level: 2, text: [{ text: `Section ${i + 1}` }] } as DocBlock,
      paragraph,
      paragraph,
      paragraph,
      paragraph,
    ]).flat();
    const pdf = readPdf(
      await renderBrandedPdf({ letterhead: LETTERHEAD, title: 'Employee Handbook', blocks }),
    );
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    expect(pdf.text(2)).toContain('Maple Street Family Medicine · Employee Handbook');
    expect(pdf.text(pdf.pages)).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    expect(pdf.text(pdf.pages).replace(/\s+/g, ' ')).toContain('Section 12');
  });

  it('ends with a signature sheet: who signed the exact version, and who has not', async () => {
    const hash = 'a3f1'.repeat(16);
    const pdf = readPdf(
      await renderBrandedPdf({
        letterhead: LETTERHEAD,
        title: 'Employee Handbook',
        blocks: POLICY,
        signatureSheet: {
          title: 'Signature sheet · version 2',
          rows: [
            {
              name: 'Kim Nguyen',
              role: 'Front desk / staff',
              signedAt: 'Mar 4, 2027, 9:12 AM',
              typedName: 'Kim Nguyen',
              sha256: hash,
            },
            { name: 'Dr. Priya Raman', role: 'Provider' },
            { name: 'Bill Ing', role: 'Billing' },
          ],
        },
      }),
    );
    expect(pdf.pages).toBe(2);
    const sheet = pdf.text(2).replace(/\s+/g, ' ');
    expect(sheet).toContain('Signature sheet · version 2');
    expect(sheet).toContain('Kim Nguyen');
    expect(sheet).toContain('Mar 4, 2027, 9:12 AM');
    expect(pdf.text(2).replace(/\s+/g, '')).toContain(hash);
    expect(sheet).toContain('Signed: 1 of 3');
    expect(sheet).toContain('Not signed yet');
    expect(sheet).toContain('Dr. Priya Raman (Provider)');
  });

  it('draws text the standard fonts lack as "?" instead of failing', async () => {
    const pdf = readPdf(
      await renderBrandedPdf({
        letterhead: { ...LETTERHEAD, logo: undefined },
        title: 'Café rules 🙂 诊所',
        blocks: [{ kind: 'paragraph', text: [{ text: 'Naïve “quotes” — fine' }] }],
      }),
    );
    const page = pdf.text(1);
    expect(page).toContain('Café rules ? ??');
    expect(page).toContain('Naïve “quotes” — fine');
    expect(pdf.images).toEqual([]);
  });
});
