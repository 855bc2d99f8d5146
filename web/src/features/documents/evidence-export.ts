/**
 * The auditor's evidence for one document as one zip, built in the browser: every published
 * version printed with its signature sheet, the signatures and approvals as spreadsheets, the text
 * each content hash covers, a README and a manifest (shared/documents/evidence-bundle.ts).
 */
import { evidenceFiles, fileSafe } from '../../../../shared/documents/evidence-bundle.ts';
import type { Evidence } from '../../../../shared/schemas/documents.ts';
import { localParts } from '../../../../shared/time.ts';
import { zipFiles } from '../../../../shared/zip/zip-writer.ts';
import { api } from '../../lib/api.ts';
import { saveFile } from '../../lib/download.ts';
import { loadLetterhead } from '../../lib/letterhead.ts';
import { fileBytes, practiceTimeZone } from './version-print.ts';

/** Fetches the evidence, renders and zips it, and saves "<title> evidence <YYYY-MM-DD>.zip". */
export async function exportEvidence(documentId: string): Promise<void> {
  const [evidence, { renderBrandedPdf }, letterhead, timeZone] = await Promise.all([
    api<Evidence>(`/documents/${encodeURIComponent(documentId)}/evidence`),
    import('../../../../shared/pdf/branded-pdf.ts'),
    loadLetterhead(),
    practiceTimeZone(),
  ]);
  const uploads = evidence.versions.flatMap(({ version }) => (version.file ? [version.file.id] : []));
  const originals = Object.fromEntries(
    await Promise.all(uploads.map(async (id) => [id, await fileBytes(id)] as const)),
  );
  const files = await evidenceFiles(evidence, letterhead, renderBrandedPdf, timeZone, originals);
  const modified = new Date(evidence.exportedAt);
  const zip = zipFiles(files.map((f) => ({ ...f, modified })));
  const day = localParts(modified.getTime(), timeZone).date;
  saveFile(zip, `${fileSafe(evidence.document.title)} evidence ${day}.zip`, 'application/zip');
}
