import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { DocBlock } from '../../../../shared/documents/doc-blocks.ts';
import { type DocumentDetail, FOLDER_LABELS } from '../../../../shared/schemas/documents.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { RichTextEditor } from '../../components/rich-text/RichTextEditor.tsx';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { saveFile } from '../../lib/download.ts';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { loadLetterhead } from '../../lib/letterhead.ts';
import { mutate } from '../../lib/mutation.ts';
import { getDocument, saveDraft } from './api.ts';

/** Renders the version on the practice's letterhead in the browser (the renderer loads on first print). */
async function printVersion(doc: DocumentDetail, blocks: DocBlock[]): Promise<void> {
  const [{ renderBrandedPdf }, letterhead] = await Promise.all([
    import('../../../../shared/pdf/branded-pdf.ts'),
    loadLetterhead(),
  ]);
  const bytes = await renderBrandedPdf({
    letterhead,
    title: doc.title,
    subtitle: `${FOLDER_LABELS[doc.folder]} · version ${doc.latest.number} (draft)`,
    blocks,
    footer: `${doc.title} · version ${doc.latest.number} · printed ${formatDateTime(new Date().toISOString())}`,
  });
  saveFile(bytes, `${doc.title}.pdf`, 'application/pdf');
}

function Editor(props: { doc: DocumentDetail }) {
  const [blocks, setBlocks] = createSignal<DocBlock[]>(props.doc.latest.blocks);
  const [note, setNote] = createSignal(props.doc.latest.changeNote ?? '');
  const [version, setVersion] = createSignal(props.doc.version);
  const [failure, setFailure] = createSignal<string>();
  const [saving, setSaving] = createSignal(false);
  const [printing, setPrinting] = createSignal(false);
  const canWrite = () => {
    const m = me();
    return m ? canAccess(m, 'documents-write') : false;
  };
  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      const saved = await mutate(
        saveDraft(props.doc.id, { blocks: blocks(), changeNote: note() || undefined, version: version() }),
        ['documents', 'document'],
      );
      setVersion(saved.version);
      toast.success('Draft saved.');
    } catch (err) {
      setFailure(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const print = async () => {
    setPrinting(true);
    try {
      await printVersion(props.doc, blocks());
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <div class="stack-lg">
      <FormAlert message={failure()} />
      <Show
        when={canWrite()}
        fallback={<p class="muted">Only owners and managers edit documents. Print to read it on paper.</p>}
      >
        <RichTextEditor label="Text" initial={props.doc.latest.blocks} onChange={setBlocks} />
        <TextField
          label="What changed"
          name="changeNote"
          value={note()}
          onInput={setNote}
          optional
          hint="Shown with this version, e.g. “Screens now lock after 5 minutes”."
        />
      </Show>
      <div class="button-row">
        <Show when={canWrite()}>
          <Button variant="primary" busy={saving()} onClick={save}>
            Save draft
          </Button>
        </Show>
        <Button busy={printing()} onClick={print}>
          Print (PDF)
        </Button>
      </div>
    </div>
  );
}

/** One document: its draft in the editor, saved version-checked, printable on the letterhead. */
export function DocumentPage() {
  const params = useParams<{ id: string }>();
  const doc = createAsync(() => getDocument(params.id));
  return (
    <div class="page">
      <LoadBoundary what="document" keys={['document']}>
        <Show when={doc()}>
          {(d) => (
            <>
              <PageHeader
                title={d().title}
                description={`${FOLDER_LABELS[d().folder]} · version ${d().latest.number}, draft · last changed ${formatDateTime(d().updatedAt)} by ${d().updatedByName}`}
                actions={<A href="/app/documents">All documents</A>}
              />
              <section class="card">
                <div class="card-body">
                  <Editor doc={d()} />
                </div>
              </section>
            </>
          )}
        </Show>
      </LoadBoundary>
    </div>
  );
}
