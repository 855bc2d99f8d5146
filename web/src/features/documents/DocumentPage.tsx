import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, type JSX, Match, Show, Switch } from 'solid-js';
import {
  type DocumentDetail,
  FOLDER_LABELS,
  type VersionStatus,
} from '../../../../shared/schemas/documents.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { getDocument } from './api.ts';
import { DraftEditor, type DraftHandle } from './DraftEditor.tsx';
import { HistorySection } from './HistorySection.tsx';
import { ApprovalStatus, isPendingApprover, ReviewPanel, SentBackNotice } from './ReviewPanel.tsx';
import { SignaturesSection } from './SignaturesSection.tsx';
import { SignPanel } from './SignPanel.tsx';
import { VersionBadge, VersionText } from './VersionText.tsx';
import { WorkflowActions } from './WorkflowActions.tsx';
import './documents.css';

type Tab = 'text' | 'history' | 'signatures';

/** What an owner or manager does next with the newest version, in one line. */
const NEXT_STEP: Record<VersionStatus, string> = {
  draft: 'Save your changes, then send it for approval.',
  in_review: 'Waiting for the approvers; the text is locked until they decide.',
  approved: 'Approved by everyone asked: publish it to put it in force.',
  published: 'In force. Changes start a new version.',
};

/** The version in force: the published one, which is `latest` itself once nothing newer is started. */
const inForce = (doc: DocumentDetail) =>
  doc.published ?? (doc.latest.status === 'published' ? doc.latest : undefined);

/** "Policies · in force: version 2, published Mar 4, 2027" under the title. */
function subtitle(doc: DocumentDetail): string {
  const force = inForce(doc);
  const parts = [FOLDER_LABELS[doc.folder]];
  parts.push(
    force ? `version ${force.number} in force since ${formatDate(force.publishedAt)}` : 'not published yet',
  );
  parts.push(`last changed ${formatDateTime(doc.updatedAt)} by ${doc.updatedByName}`);
  return parts.join(' · ');
}

/** The text tab: the draft in the editor, or the version read-only; the version in force and its signing. */
function TextPanel(props: { doc: DocumentDetail; admin: boolean; onEditor: (h: DraftHandle) => void }) {
  const force = () => inForce(props.doc);
  const editing = () => props.admin && props.doc.latest.status === 'draft';
  const olderInForce = () => {
    const f = force();
    return f && f.number !== props.doc.latest.number ? f : undefined;
  };
  return (
    <div class="stack-lg">
      <SentBackNotice doc={props.doc} />
      <Show
        when={editing()}
        fallback={
          <VersionText
            blocks={props.doc.latest.blocks}
            file={props.doc.latest.file}
            label={`Version ${props.doc.latest.number}`}
          />
        }
      >
        <DraftEditor doc={props.doc} onReady={props.onEditor} />
      </Show>
      <Show when={props.doc.latest.status === 'in_review' && props.admin}>
        <ApprovalStatus doc={props.doc} />
      </Show>
      <Show when={isPendingApprover(props.doc)}>
        <ReviewPanel doc={props.doc} />
      </Show>
      <Show when={olderInForce()}>
        {(f) => (
          <details
            class="doc-in-force"
            open={Boolean(props.doc.mySignOff?.asked && !props.doc.mySignOff.signedAt)}
          >
            <summary>
              Read version {f().number}, in force since {formatDate(f().publishedAt)}
            </summary>
            <VersionText blocks={f().blocks} file={f().file} label={`Version ${f().number}, in force`} />
          </details>
        )}
      </Show>
      <SignPanel doc={props.doc} />
    </div>
  );
}

/** Brings the approver's panel into view and puts the caret in its comment (the text may be long). */
function goToDecision() {
  const panel = document.getElementById('doc-review-title')?.closest('section');
  panel?.scrollIntoView({ block: 'start' });
  panel?.querySelector<HTMLElement>('textarea')?.focus({ preventScroll: true });
}

function DocumentView(props: { doc: DocumentDetail }) {
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'documents-write') : false;
  };
  const [tab, setTab] = createSignal<Tab>('text');
  let editor: DraftHandle | undefined;
  const beforeSubmit = async () => (editor?.dirty() ? editor.save() : true);
  const tabs = () => [
    { id: 'text', label: 'Document' },
    { id: 'history', label: 'History' },
    ...(admin() && props.doc.publishedVersion !== undefined
      ? [{ id: 'signatures', label: 'Signatures' }]
      : []),
  ];
  const panel = (id: Tab, body: () => JSX.Element) => <div {...tabPanelProps('doc-tab', id)}>{body()}</div>;
  const text = () => (
    <TextPanel
      doc={props.doc}
      admin={admin()}
      onEditor={(h) => {
        editor = h;
      }}
    />
  );
  return (
    <>
      <PageHeader
        title={props.doc.title}
        description={subtitle(props.doc)}
        actions={<A href="/app/documents">All documents</A>}
      />
      <div class="stack-lg">
        <Show when={isPendingApprover(props.doc)}>
          <Alert tone="info" title="Your approval is requested">
            Read version {props.doc.latest.number}, then approve it or send it back:{' '}
            <button type="button" class="link-button link" onClick={goToDecision}>
              go to your decision
            </button>
            .
          </Alert>
        </Show>
        <section class="card" aria-label="Version and actions">
          <div class="card-body doc-status">
            <VersionBadge number={props.doc.latest.number} status={props.doc.latest.status} />
            <Show when={props.doc.latest.changeNote}>
              <span class="muted break">{props.doc.latest.changeNote}</span>
            </Show>
            <Show when={admin() ? NEXT_STEP[props.doc.latest.status] : undefined}>
              {(hint) => <p class="doc-next muted small">{hint()}</p>}
            </Show>
            <WorkflowActions doc={props.doc} admin={admin()} beforeSubmit={beforeSubmit} />
          </div>
        </section>
        <section class="card">
          <div class="card-body">
            <Tabs
              label="Document"
              idPrefix="doc-tab"
              tabs={tabs()}
              selected={tab()}
              onSelect={(id) => setTab(id as Tab)}
              wrap
            />
            {/* The text stays mounted while another tab shows, so unsaved edits survive a look at history. */}
            <div {...tabPanelProps('doc-tab', 'text')} hidden={tab() !== 'text'}>
              {text()}
            </div>
            <Switch>
              <Match when={tab() === 'history'}>
                {panel('history', () => (
                  <LoadBoundary what="history" keys={['documentVersions']}>
                    <HistorySection doc={props.doc} />
                  </LoadBoundary>
                ))}
              </Match>
              <Match when={tab() === 'signatures'}>
                {panel('signatures', () => (
                  <LoadBoundary what="signatures" keys={['documentVersions', 'signatureSheet']}>
                    <SignaturesSection doc={props.doc} />
                  </LoadBoundary>
                ))}
              </Match>
            </Switch>
          </div>
        </section>
      </div>
    </>
  );
}

/**
 * One document: the version its reader works on (the draft in the editor for owners and managers),
 * its approval and publishing steps, signing, history with changes, and the signature sheets.
 */
export function DocumentPage() {
  const params = useParams<{ id: string }>();
  const doc = createAsync(() => getDocument(params.id));
  return (
    <div class="page">
      <LoadBoundary what="document" keys={['document']}>
        <Show when={doc()}>{(d) => <DocumentView doc={d()} />}</Show>
      </LoadBoundary>
    </div>
  );
}
