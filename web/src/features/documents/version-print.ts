/**
 * Prints one version of a document on the practice's letterhead, in the browser: the text, and for
 * a published version its signature sheet. pdf-lib is large, so the renderer loads on first print.
 */
import { versionPrintJob } from '../../../../shared/documents/version-print.ts';
import type {
  DocumentDetail,
  DocumentVersion,
  SignatureSheet,
} from '../../../../shared/schemas/documents.ts';
import type { FileDetail } from '../../../../shared/schemas/files.ts';
import type { Tenant } from '../../../../shared/schemas/tenants.ts';
import { api } from '../../lib/api.ts';
import { saveFile } from '../../lib/download.ts';
import { loadLetterhead } from '../../lib/letterhead.ts';

/** Renders the version (with its signature sheet when given) and saves "<title> v<n>.pdf". */
export async function printVersion(
  doc: DocumentDetail,
  version: DocumentVersion,
  sheet: SignatureSheet | undefined,
): Promise<void> {
  const [{ renderBrandedPdf }, letterhead, timeZone] = await Promise.all([
    import('../../../../shared/pdf/branded-pdf.ts'),
    loadLetterhead(),
    practiceTimeZone(),
  ]);
  const printed = await renderBrandedPdf(
    versionPrintJob({ letterhead, document: doc, version, ...(sheet ? { sheet } : {}), timeZone }),
  );
  const bytes = version.file ? await withUploadedPdf(version.file.id, printed) : printed;
  saveFile(bytes, `${doc.title} v${version.number}.pdf`, 'application/pdf');
}

/** An uploaded PDF version: its own pages first, then the title page and signature sheet. */
async function withUploadedPdf(fileId: string, printed: Uint8Array): Promise<Uint8Array> {
  const [{ mergePdfs }, original] = await Promise.all([
    import('../../../../shared/pdf/merge.ts'),
    fileBytes(fileId),
  ]);
  return mergePdfs([original, printed]);
}

/** A library file's bytes, fetched through its short-lived download link. */
export async function fileBytes(fileId: string): Promise<Uint8Array> {
  const { download } = await api<FileDetail>(`/files/${encodeURIComponent(fileId)}`);
  const res = await fetch(download.url);
  if (!res.ok) throw new Error('The PDF could not be downloaded. Try again.');
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The practice's zone, so printed times read as the office's clock wherever the page is printed;
 * the viewer's own zone if the practice cannot be read.
 */
export async function practiceTimeZone(): Promise<string> {
  try {
    return (await api<Tenant>('/tenant')).timeZone;
  } catch {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
}
