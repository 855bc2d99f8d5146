import { createSignal, createUniqueId, Show } from 'solid-js';
import { blocksPlainText } from '../../../../shared/documents/content-hash.ts';
import type { DocBlock } from '../../../../shared/documents/doc-blocks.ts';
import type { DocumentDetail, VersionFile } from '../../../../shared/schemas/documents.ts';
import { RichTextEditor } from '../../components/rich-text/RichTextEditor.tsx';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { ApiError } from '../../lib/api.ts';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { mutate } from '../../lib/mutation.ts';
import { saveDraft } from './api.ts';
import { PdfChooser } from './PdfChooser.tsx';
import { PdfFileSummary } from './PdfFile.tsx';

/** What the page asks of the editor before the draft leaves it (sending for approval saves first). */
export interface DraftHandle {
  dirty: () => boolean;
  save: () => Promise<boolean>;
}

type Content = 'text' | 'pdf';
/** The PDF chosen for the draft: its hash is known once the draft is saved with it. */
type ChosenPdf = Pick<VersionFile, 'id' | 'name' | 'size'> & { sha256?: string };

const hasText = (blocks: readonly DocBlock[]) =>
  blocksPlainText(blocks).trim() !== '' || blocks.some((b) => b.kind === 'table');

/** The server's word on the content (a PDF that is not one, or text next to a PDF), else its message. */
function saveError(err: unknown): string {
  if (isStale(err)) return STALE_MESSAGE;
  if (err instanceof ApiError) {
    const issue = err.details.find((d) => d.path === 'fileId' || d.path === 'blocks');
    if (issue) return issue.message;
  }
  return errorMessage(err);
}

/**
 * The draft's content and change note, saved version-checked. The content is text written here or
 * an uploaded PDF (from Files, or uploaded on the spot); a PDF version has no text of its own.
 */
export function DraftEditor(props: { doc: DocumentDetail; onReady?: (handle: DraftHandle) => void }) {
  const [content, setContent] = createSignal<Content>(props.doc.latest.file ? 'pdf' : 'text');
  const [blocks, setBlocks] = createSignal<DocBlock[]>(props.doc.latest.blocks);
  const [pdf, setPdf] = createSignal<ChosenPdf | undefined>(props.doc.latest.file);
  const [replacing, setReplacing] = createSignal(false);
  const [note, setNote] = createSignal(props.doc.latest.changeNote ?? '');
  const [dirty, setDirty] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [saving, setSaving] = createSignal(false);
  const radios = createUniqueId();
  let textRadio: HTMLInputElement | undefined;
  let pdfPanel: HTMLElement | undefined;

  /** The chosen PDF with its hash when the saved draft has it. */
  const shownPdf = () => {
    const f = pdf();
    const saved = props.doc.latest.file;
    return f && !f.sha256 && saved?.id === f.id ? { ...f, sha256: saved.sha256 } : f;
  };

  const useText = () => {
    setContent('text');
    setReplacing(false);
    setFailure(undefined);
    setDirty(true);
  };
  const usePdf = async (radio: HTMLInputElement) => {
    if (hasText(blocks())) {
      // The radio stays on the text until the author agrees to drop it.
      radio.checked = false;
      if (textRadio) textRadio.checked = true;
      const ok = await confirm({
        title: 'Use a PDF instead of the text?',
        message: (
          <p>
            Version {props.doc.latest.number} will be the PDF only: the text written here is dropped from this
            version when you save it. Earlier versions keep theirs.
          </p>
        ),
        confirmLabel: 'Use a PDF',
        cancelLabel: 'Keep the text',
      });
      if (!ok) return;
    }
    setContent('pdf');
    setFailure(undefined);
    setDirty(true);
  };
  const chosen = (f: ChosenPdf) => {
    setPdf({ id: f.id, name: f.name, size: f.size });
    setReplacing(false);
    setFailure(undefined);
    setDirty(true);
    queueMicrotask(() => pdfPanel?.focus());
  };

  const save = async (): Promise<boolean> => {
    const asPdf = content() === 'pdf';
    const file = pdf();
    if (asPdf && !file) {
      setFailure('Upload a PDF or choose one from Files first, or write the text instead.');
      return false;
    }
    setSaving(true);
    setFailure(undefined);
    try {
      // The page's document is re-read after each save, so its version is the one to check against.
      const saved = await mutate(
        saveDraft(props.doc.id, {
          blocks: asPdf ? [] : blocks(),
          fileId: asPdf ? file!.id : null,
          changeNote: note().trim() || undefined,
          version: props.doc.version,
        }),
        ['documents', 'document', 'documentVersions', 'documentVersion'],
      );
      if (saved.latest.file) setPdf(saved.latest.file);
      setDirty(false);
      toast.success('Draft saved.');
      return true;
    } catch (err) {
      setFailure(saveError(err));
      return false;
    } finally {
      setSaving(false);
    }
  };
  props.onReady?.({ dirty, save });
  return (
    <div class="stack">
      <FormAlert message={failure()} />
      <fieldset class="fieldset">
        <legend class="legend">Content of version {props.doc.latest.number}</legend>
        <div class="choice-grid doc-content-choice">
          <label class="choice" classList={{ selected: content() === 'text' }}>
            <input
              ref={textRadio}
              type="radio"
              name={radios}
              value="text"
              checked={content() === 'text'}
              onChange={useText}
            />
            <span class="choice-text">
              <span class="choice-title">Write the text</span>
              <span class="choice-desc">Headings, lists and tables, written here.</span>
            </span>
          </label>
          <label class="choice" classList={{ selected: content() === 'pdf' }}>
            <input
              type="radio"
              name={radios}
              value="pdf"
              checked={content() === 'pdf'}
              onChange={(e) => usePdf(e.currentTarget)}
            />
            <span class="choice-text">
              <span class="choice-title">Use a PDF</span>
              <span class="choice-desc">An uploaded PDF is the version: people read and sign that file.</span>
            </span>
          </label>
        </div>
      </fieldset>
      <Show
        when={content() === 'pdf'}
        fallback={
          <RichTextEditor
            label="Text"
            initial={blocks()}
            onChange={(b) => {
              setBlocks(b);
              setDirty(true);
            }}
          />
        }
      >
        <section class="doc-pdf" aria-label="PDF of this version" tabindex="-1" ref={pdfPanel}>
          <Show
            when={!replacing() && shownPdf()}
            fallback={
              <PdfChooser onChosen={chosen} onCancel={pdf() ? () => setReplacing(false) : undefined} />
            }
          >
            {(f) => (
              <div class="stack">
                <PdfFileSummary
                  file={f()}
                  pendingHashNote="Its SHA-256 is recorded when you save the draft."
                />
                <div class="button-row">
                  <Button size="sm" onClick={() => setReplacing(true)}>
                    Replace
                  </Button>
                  <Button size="sm" onClick={useText}>
                    Use text instead
                  </Button>
                </div>
              </div>
            )}
          </Show>
        </section>
      </Show>
      <TextField
        label="What changed"
        name="changeNote"
        value={note()}
        onInput={(v) => {
          setNote(v);
          setDirty(true);
        }}
        optional
        hint="Shown with this version, e.g. “Screens now lock after 5 minutes”."
      />
      <div class="button-row">
        <Button variant="primary" busy={saving()} onClick={save}>
          Save draft
        </Button>
      </div>
    </div>
  );
}
