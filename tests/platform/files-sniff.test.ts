import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffFile } from '../../functions/platform/files/sniff.ts';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const padded = (head: Uint8Array, length = 64) => {
  const out = new Uint8Array(length);
  out.set(head);
  return out;
};

describe('content sniffing (first bytes, never the name)', () => {
  it.each([
    ['PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['PNG', padded(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)), 'image/png'],
    ['JPEG', padded(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46)), 'image/jpeg'],
    ['CSV', text('last,first,dob\nDoe,Jane,1980-01-01\n'), 'text/csv'],
    ['plain text', text('Front desk opens at 8.\nPhones forward at 5.\n'), 'text/plain'],
    ['UTF-8 text with a BOM', text('\ufeffNotes: café, naïve, 😀\n'), 'text/plain'],
  ])('accepts %s', (_name, input, type) => {
    expect(sniffFile(input, { whole: true })).toMatchObject({ ok: true, type });
  });

  it('reads X12 as text', () => {
    const x12 = text(
      'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*P*:~GS*HC*',
    );
    expect(sniffFile(x12, { whole: true })).toEqual({ ok: true, type: 'text/plain', variant: 'x12' });
  });

  it('reads X12 whose ISA declares control characters as delimiters as text, and only those', () => {
    // GS between elements, US between components, RS after each segment: as some clearinghouses send.
    const isa =
      'ISA\u001d00\u001d          \u001d00\u001d          \u001dZZ\u001dSUBMITTER      \u001dZZ\u001dRECEIVER       \u001d260101\u001d1200\u001d^\u001d00501\u001d000000001\u001d0\u001dP\u001d\u001f\u001e';
    const x12 = `${isa}GS\u001dHP\u001dPAYER\u001e`;
    expect(sniffFile(text(x12), { whole: true })).toEqual({ ok: true, type: 'text/plain', variant: 'x12' });
    // Any other control character still means binary.
    expect(sniffFile(text(`${x12}CLP\u0002`), { whole: true }).ok).toBe(false);
    // Prose that starts with "ISA" is plain text, not X12.
    expect(sniffFile(text('ISAAC notes: call back Monday.\n'), { whole: true })).toEqual({
      ok: true,
      type: 'text/plain',
    });
  });

  it('refuses a Windows program renamed .pdf, naming what it is', () => {
    const exe = padded(bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0));
    const out = sniffFile(exe, { whole: true, declaredType: 'application/pdf' });
    expect(out).toEqual({
      ok: false,
      message: 'This file is a Windows program, not a PDF. Upload a PDF, PNG, JPEG, CSV or plain-text file.',
    });
  });

  it.each([
    ['a Linux program', padded(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1))],
    ['a ZIP archive or Office document', padded(bytes(0x50, 0x4b, 0x03, 0x04, 20, 0))],
    ['a GIF image', text('GIF89a\u0001\u0000')],
    ['a script', text('#!/bin/sh\nrm -rf /\n')],
  ])('refuses %s', (label, input) => {
    const out = sniffFile(input, { whole: true, declaredType: 'application/pdf' });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toContain(`This file is ${label}, not a PDF.`);
  });

  it('refuses binary that is not text: NUL bytes, invalid UTF-8, control characters', () => {
    for (const input of [text('hello\u0000world'), bytes(0x68, 0x69, 0xc3, 0x28), text('a\u0002b')]) {
      const out = sniffFile(input, { whole: true });
      expect(out).toEqual({
        ok: false,
        message: 'This file is not a type Rounds can keep. Upload a PDF, PNG, JPEG, CSV or plain-text file.',
      });
    }
  });

  it('an unknown declared type is not named back', () => {
    const out = sniffFile(padded(bytes(0x4d, 0x5a)), {
      whole: true,
      declaredType: 'application/x-msdownload',
    });
    expect(!out.ok && out.message).toBe(
      'This file is a Windows program. Upload a PDF, PNG, JPEG, CSV or plain-text file.',
    );
  });

  it('a prefix may end inside a multi-byte character; a whole file may not', () => {
    const full = text(`${'a'.repeat(SNIFF_BYTES - 1)}é`); // é is 2 bytes: the prefix cuts it
    const prefix = full.subarray(0, SNIFF_BYTES);
    expect(sniffFile(prefix, { whole: false })).toMatchObject({ ok: true, type: 'text/plain' });
    expect(sniffFile(prefix, { whole: true }).ok).toBe(false);
  });

  it('an empty file is refused', () => {
    expect(sniffFile(new Uint8Array(), { whole: true })).toEqual({
      ok: false,
      message: 'The file is empty.',
    });
  });
});
