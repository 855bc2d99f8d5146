import { createSignal, Show } from 'solid-js';
import type { VersionFile } from '../../../../shared/schemas/documents.ts';
import { Button } from '../../components/ui/Button.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { getFile } from './api.ts';

/** "2.4 MB", "18 KB", "512 bytes". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Opens a library file in a new tab through its short-lived link. The tab opens during the click
 * (popup blockers allow that) and is pointed at the link once the API hands it out.
 *
 * The link is served as an attachment (functions/platform/files), so browsers save the PDF rather
 * than show it; and the Content-Security-Policy (`object-src 'none'`, frames only from 'self', the
 * file response's own `frame-ancestors 'none'`) rules out embedding it in the page.
 */
export async function openPdf(fileId: string): Promise<void> {
  const tab = window.open('', '_blank');
  if (tab) tab.opener = null;
  try {
    const { download } = await getFile(fileId);
    const url = new URL(download.url, window.location.href).href;
    if (tab) tab.location.replace(url);
    else window.location.assign(url);
  } catch (err) {
    tab?.close();
    throw err;
  }
}

/**
 * An uploaded PDF's facts: its name, size and (once it is a version's content) the SHA-256 of its
 * bytes, short on screen with the whole hash in the tooltip and for screen readers; and "Open PDF".
 */
export function PdfFileSummary(props: {
  file: Pick<VersionFile, 'id' | 'name' | 'size'> & { sha256?: string };
  /** Says where the hash comes from when the file is not saved yet. */
  pendingHashNote?: string;
}) {
  const [opening, setOpening] = createSignal(false);
  const open = async () => {
    setOpening(true);
    try {
      await openPdf(props.file.id);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setOpening(false);
    }
  };
  return (
    <div class="doc-pdf-file">
      <span class="doc-pdf-icon" aria-hidden="true">
        PDF
      </span>
      <div class="doc-pdf-facts">
        <p class="doc-pdf-name break">{props.file.name}</p>
        <p class="muted small">PDF · {fileSize(props.file.size)}</p>
        <Show
          when={props.file.sha256}
          fallback={
            <Show when={props.pendingHashNote}>
              <p class="muted small">{props.pendingHashNote}</p>
            </Show>
          }
        >
          {(hash) => (
            <p class="small doc-pdf-hash">
              SHA-256{' '}
              <code class="code" title={hash()} aria-hidden="true">
                {hash().slice(0, 12)}…
              </code>
              <span class="visually-hidden" data-sha256>
                {hash()}
              </span>
            </p>
          )}
        </Show>
      </div>
      <Button
        size="sm"
        class="doc-pdf-open"
        busy={opening()}
        onClick={open}
        aria-label={`Open PDF ${props.file.name}`}
      >
        Open PDF
      </Button>
    </div>
  );
}
