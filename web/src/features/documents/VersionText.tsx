import { Show } from 'solid-js';
import type { DocBlock } from '../../../../shared/documents/doc-blocks.ts';
import {
  VERSION_STATUS_LABELS,
  type VersionFile,
  type VersionStatus,
} from '../../../../shared/schemas/documents.ts';
import { blocksToHtml } from '../../components/rich-text/html-blocks.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { PdfFileSummary } from './PdfFile.tsx';

const STATUS_TONES: Record<VersionStatus, Tone> = {
  draft: 'neutral',
  in_review: 'warning',
  approved: 'info',
  published: 'success',
};

/** "Version 3 · In review" as a colored badge. */
export function VersionBadge(props: { number: number; status: VersionStatus }) {
  return (
    <Badge tone={STATUS_TONES[props.status]}>
      Version {props.number} · {VERSION_STATUS_LABELS[props.status]}
    </Badge>
  );
}

/**
 * A version's content, read-only: its text, or for a version that is an uploaded PDF the PDF's name,
 * size and SHA-256 with a button that opens it. The editor's own HTML writer escapes every run and
 * keeps only safe links, so the text reads exactly as it was written and printed.
 *
 * The PDF is not embedded in the page: the Content-Security-Policy has `object-src 'none'` and frames
 * only from 'self' (the files bucket is another origin), and the file links answer with
 * `frame-ancestors 'none'` and as attachments, so an <object> or <iframe> would stay empty.
 */
export function VersionText(props: { blocks: readonly DocBlock[]; label: string; file?: VersionFile }) {
  return (
    <Show
      when={props.file}
      fallback={<article class="doc-text" aria-label={props.label} innerHTML={blocksToHtml(props.blocks)} />}
    >
      {(file) => (
        <section class="doc-pdf" aria-label={props.label}>
          <p class="muted small doc-pdf-lead">
            This version is an uploaded PDF: it is what people read and sign.
          </p>
          <PdfFileSummary file={file()} />
        </section>
      )}
    </Show>
  );
}
