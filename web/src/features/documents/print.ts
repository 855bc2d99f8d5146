import type {
  DocumentDetail,
  DocumentVersion,
  SignatureSheet,
} from '../../../../shared/schemas/documents.ts';

// The printer and the auditor export load on first use: the document page opens without their code.

/** Prints a version on the letterhead, with its signature sheet when there is one. */
export async function printDocumentVersion(
  doc: DocumentDetail,
  version: DocumentVersion,
  sheet: SignatureSheet | undefined,
): Promise<void> {
  const { printVersion } = await import('./version-print.ts');
  await printVersion(doc, version, sheet);
}

/** Downloads the auditor zip: every published version with its signatures. */
export async function exportDocumentEvidence(documentId: string): Promise<void> {
  const { exportEvidence } = await import('./evidence-export.ts');
  await exportEvidence(documentId);
}
