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
  const bytes = await renderBrandedPdf(
    versionPrintJob({ letterhead, document: doc, version, ...(sheet ? { sheet } : {}), timeZone }),
  );
  saveFile(bytes, `${doc.title} v${version.number}.pdf`, 'application/pdf');
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
