import { createEffect, createSignal, createUniqueId, For, on, Show } from 'solid-js';
import type { FileDto } from '../../../../shared/schemas/files.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { mutate } from '../../lib/mutation.ts';
import { listFiles, uploadFile } from './api.ts';
import { fileSize } from './PdfFile.tsx';

const isPdf = (f: FileDto) => f.status === 'ready' && f.contentType === 'application/pdf';

/** Whether the file's first bytes are a PDF's ("%PDF-"), whatever its name or the type the system gives it. */
async function startsLikePdf(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

const NOT_A_PDF = (name: string) =>
  `“${name}” is not a PDF. Choose a PDF file (most programs make one with Print, then Save as PDF).`;

/**
 * Where a PDF version's content comes from: a PDF uploaded now (kept in Files too) or one already in
 * Files. Only PDFs get through: the picker offers only PDFs, and the first bytes are checked before
 * anything is sent.
 */
export function PdfChooser(props: { onChosen: (file: FileDto) => void; onCancel?: () => void }) {
  const inputId = createUniqueId();
  let input: HTMLInputElement | undefined;
  const [uploading, setUploading] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [picking, setPicking] = createSignal(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    if (!(await startsLikePdf(file))) {
      setError(NOT_A_PDF(file.name));
      if (input) input.value = '';
      return;
    }
    setUploading(file.name);
    try {
      const saved = await mutate(uploadFile(file), 'files');
      if (!isPdf(saved)) {
        setError(NOT_A_PDF(file.name));
        return;
      }
      props.onChosen(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setUploading(undefined);
      if (input) input.value = '';
    }
  };
  return (
    <div class="doc-pdf-chooser stack">
      <Show when={error()}>
        <Alert tone="error">{error()}</Alert>
      </Show>
      <div class="doc-pdf-ways">
        <div class="field">
          <label for={inputId} class="field-label">
            Upload a PDF
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            class="doc-file-input"
            accept="application/pdf,.pdf"
            aria-describedby={`${inputId}-hint`}
            disabled={Boolean(uploading())}
            onChange={(e) => upload(e.currentTarget.files?.[0])}
          />
          <p id={`${inputId}-hint`} class="field-hint">
            A PDF up to 10 MB. It is kept in Files too.
          </p>
        </div>
        <div class="doc-pdf-or">
          <span class="muted small">or</span>
          <Button onClick={() => setPicking(true)} disabled={Boolean(uploading())}>
            Choose from Files
          </Button>
        </div>
      </div>
      <Show when={uploading()}>
        {(name) => (
          <p class="doc-pdf-busy" role="status">
            <Spinner size="sm" label="" /> Uploading “{name()}”…
          </p>
        )}
      </Show>
      <Show when={props.onCancel}>
        {(cancel) => (
          <div>
            <Button size="sm" variant="ghost" onClick={() => cancel()()} disabled={Boolean(uploading())}>
              Keep the current PDF
            </Button>
          </div>
        )}
      </Show>
      <FilesPdfPicker
        open={picking()}
        onClose={() => setPicking(false)}
        onChoose={(f) => {
          setPicking(false);
          setError(undefined);
          props.onChosen(f);
        }}
      />
    </div>
  );
}

/** Files are listed in pages of this many (PDFs among them are kept); at most this many pages per click. */
const FETCH_SIZE = 50;
const FETCHES_PER_CLICK = 4;

/**
 * The practice's ready PDFs, newest first, in a dialog: one to choose, and older ones on request.
 * Files has no type filter, so each request's page is sifted for PDFs (and a page without any leads
 * to the next, a few at most).
 */
function FilesPdfPicker(props: { open: boolean; onClose: () => void; onChoose: (file: FileDto) => void }) {
  const [pdfs, setPdfs] = createSignal<FileDto[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>(undefined);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [chosen, setChosen] = createSignal<string>();
  const name = createUniqueId();
  const more = async () => {
    setLoading(true);
    setError(undefined);
    try {
      let next = cursor() ?? undefined;
      let found = 0;
      for (let i = 0; i < FETCHES_PER_CLICK; i++) {
        const page = await listFiles('date', next, FETCH_SIZE);
        const fresh = page.items.filter(isPdf);
        found += fresh.length;
        setPdfs((list) => [...list, ...fresh.filter((f) => !list.some((x) => x.id === f.id))]);
        setCursor(page.nextCursor);
        next = page.nextCursor ?? undefined;
        if (found > 0 || !next) break;
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };
  // Read afresh each time it opens: a PDF may have been uploaded since.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setPdfs([]);
        setCursor(undefined);
        setChosen(undefined);
        void more();
      },
    ),
  );
  const use = () => {
    const f = pdfs().find((x) => x.id === chosen());
    if (f) props.onChoose(f);
  };
  return (
    <Dialog
      open={props.open}
      title="Choose a PDF from Files"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button variant="primary" disabled={!chosen()} onClick={use}>
            Use this PDF
          </Button>
        </>
      }
    >
      <div class="stack">
        <Show when={error()}>
          <Alert tone="error">{error()}</Alert>
        </Show>
        <Show
          when={pdfs().length > 0}
          fallback={
            <Show when={!loading() && !error()}>
              <p class="muted">No PDFs in Files yet. Upload one instead.</p>
            </Show>
          }
        >
          <fieldset class="fieldset">
            <legend class="visually-hidden">PDFs in Files, newest first</legend>
            <ul class="doc-file-options">
              <For each={pdfs()}>
                {(f) => (
                  <li>
                    <label class="choice" classList={{ selected: chosen() === f.id }}>
                      <input
                        type="radio"
                        name={name}
                        value={f.id}
                        checked={chosen() === f.id}
                        onChange={() => setChosen(f.id)}
                      />
                      <span class="choice-text">
                        <span class="choice-title break">{f.name}</span>
                        <span class="choice-desc">
                          {fileSize(f.size)} · added {formatDateTime(f.readyAt ?? f.createdAt)} by{' '}
                          {f.createdByName}
                        </span>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
          </fieldset>
        </Show>
        <Show when={loading()}>
          <p class="doc-pdf-busy" role="status">
            <Spinner size="sm" label="" /> Looking for PDFs…
          </p>
        </Show>
        <Show when={!loading() && cursor()}>
          <div>
            <Button size="sm" onClick={more}>
              Show older PDFs
            </Button>
          </div>
        </Show>
      </div>
    </Dialog>
  );
}
