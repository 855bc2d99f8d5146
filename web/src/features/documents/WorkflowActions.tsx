import { createSignal, Show } from 'solid-js';
import type { DocumentDetail } from '../../../../shared/schemas/documents.ts';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { getSignatureSheet, startNewVersion } from './api.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { exportDocumentEvidence, printDocumentVersion } from './print.ts';
import { SubmitDialog } from './SubmitDialog.tsx';

/**
 * What the shown version's status allows: send for approval, publish, start a new version, and for
 * everyone print; for owners and managers the auditor's evidence export.
 */
export function WorkflowActions(props: {
  doc: DocumentDetail;
  admin: boolean;
  /** Saves unsaved edits before the draft is sent (false when saving failed). */
  beforeSubmit?: () => Promise<boolean>;
}) {
  const [dialog, setDialog] = createSignal<'submit' | 'publish'>();
  const [busy, setBusy] = createSignal<'new' | 'print' | 'export'>();
  const latest = () => props.doc.latest;
  const run = async (what: 'new' | 'print' | 'export', work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } catch (err) {
      toast.error(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  const openSubmit = async () => {
    if (props.beforeSubmit && !(await props.beforeSubmit())) return;
    setDialog('submit');
  };
  const newVersion = async () => {
    const next = props.doc.latestVersion + 1;
    const ok = await confirm({
      title: `Start version ${next}?`,
      message: (
        <p>
          Version {next} starts as a draft copy of version {latest().number}. Version {latest().number} stays
          in force, unchanged, until version {next} is approved and published.
        </p>
      ),
      confirmLabel: `Start version ${next}`,
      danger: false,
    });
    if (!ok) return;
    await run('new', async () => {
      await startNewVersion(props.doc.id, props.doc.version);
      toast.success(`Version ${next} is a draft: edit it, then send it for approval.`);
    });
  };
  const print = () =>
    run('print', async () => {
      const v = latest();
      // The signature sheet prints with a published version; only owners and managers may read it.
      const sheet =
        v.status === 'published' && props.admin ? await getSignatureSheet(props.doc.id, v.number) : undefined;
      await printDocumentVersion(props.doc, v, sheet);
    });
  return (
    <div class="button-row doc-actions">
      <Show when={props.admin && latest().status === 'draft'}>
        <Button variant="primary" onClick={openSubmit}>
          Send for approval
        </Button>
      </Show>
      <Show when={props.admin && latest().status === 'approved'}>
        <Button variant="primary" onClick={() => setDialog('publish')}>
          Publish…
        </Button>
      </Show>
      <Show when={props.admin && latest().status === 'published'}>
        <Button busy={busy() === 'new'} onClick={newVersion}>
          Start a new version
        </Button>
      </Show>
      <Button busy={busy() === 'print'} onClick={print}>
        Print (PDF)
      </Button>
      <Show when={props.admin && props.doc.publishedVersion !== undefined}>
        <Button
          busy={busy() === 'export'}
          onClick={() => run('export', () => exportDocumentEvidence(props.doc.id))}
        >
          Evidence export (zip)
        </Button>
      </Show>
      {/* Mounted when opened: each loads the team only then. */}
      <Show when={props.admin && dialog() === 'submit'}>
        <SubmitDialog
          open={dialog() === 'submit'}
          documentId={props.doc.id}
          versionNumber={latest().number}
          version={props.doc.version}
          onClose={() => setDialog(undefined)}
        />
      </Show>
      <Show when={props.admin && dialog() === 'publish'}>
        <PublishDialog
          open={dialog() === 'publish'}
          documentId={props.doc.id}
          versionNumber={latest().number}
          version={props.doc.version}
          onClose={() => setDialog(undefined)}
        />
      </Show>
    </div>
  );
}
