import { PDFDocument } from 'pdf-lib';

/**
 * One PDF of several, pages in order: a version that is an uploaded PDF prints as that PDF followed
 * by Rounds' pages (title page with letterhead, then its signature sheet). An encrypted or damaged
 * upload is copied as far as pdf-lib can read it.
 */
export async function mergePdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const bytes of parts) {
    const src = await PDFDocument.load(bytes, { ignoreEncryption: true });
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  return out.save();
}
