import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { DocumentDetail, VersionSummary } from '../../../../shared/schemas/documents.ts';
import { Button } from '../../components/ui/Button.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createPagedList } from '../../lib/paging.ts';
import { getSignatureSheet, getVersion, listVersions } from './api.ts';
import { printDocumentVersion } from './print.ts';
import { VersionDiffView } from './VersionDiffView.tsx';
import { VersionBadge } from './VersionText.tsx';
import { approverState, eventSentence } from './version-events.ts';

/** One version: its approval history as sentences and what changed from the version before. */
function VersionDetail(props: { doc: DocumentDetail; n: number }) {
  const version = createAsync(() => getVersion(props.doc.id, props.n));
  const before = createAsync(async () => (props.n > 1 ? getVersion(props.doc.id, props.n - 1) : undefined));
  const [printing, setPrinting] = createSignal(false);
  const print = async () => {
    const v = version();
    if (!v) return;
    setPrinting(true);
    try {
      const sheet = v.status === 'published' ? await getSignatureSheet(props.doc.id, v.number) : undefined;
      await printDocumentVersion(props.doc, v, sheet);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Show when={version()}>
      {(v) => (
        <section class="stack doc-version-detail" aria-labelledby="doc-version-detail-title">
          <div class="doc-sheet-head">
            <h2 id="doc-version-detail-title" class="card-title">
              <VersionBadge number={v().number} status={v().status} />
            </h2>
            <Button size="sm" busy={printing()} onClick={print}>
              Print version {v().number} (PDF)
            </Button>
          </div>
          <Show when={v().changeNote}>
            <p>
              <span class="muted">What changed: </span>
              {v().changeNote}
            </p>
          </Show>
          <div>
            <h3 class="subheading">Approval history</h3>
            <ul class="doc-events">
              <li>
                {v().createdByName} started it · {formatDateTime(v().createdAt)}
              </li>
              <For each={v().events}>
                {(e) => (
                  <li>
                    {eventSentence(e)}
                    <Show when={e.comment}>
                      <span class="doc-comment">“{e.comment}”</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={v().status === 'in_review'}>
              <ul class="doc-events muted">
                <For each={v().approvers.filter((a) => a.decision === 'pending')}>
                  {(a) => (
                    <li>
                      {a.name} {approverState(a)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
          <div>
            <h3 class="subheading">
              {props.n > 1 ? `Changes from version ${props.n - 1}` : 'The first version'}
            </h3>
            <Show
              when={props.n > 1}
              fallback={<p class="muted">There is no earlier version to compare with.</p>}
            >
              <Show when={before()}>
                {(b) => (
                  <Show
                    when={!b().file && !v().file}
                    fallback={<p>{pdfChange(b().file?.name, v().file?.name, props.n)}</p>}
                  >
                    <VersionDiffView
                      before={b().blocks}
                      after={v().blocks}
                      label={`Changes from version ${props.n - 1} to version ${props.n}`}
                    />
                  </Show>
                )}
              </Show>
            </Show>
          </div>
        </section>
      )}
    </Show>
  );
}

/** What changed when either version is an uploaded PDF (no word-by-word difference to show). */
function pdfChange(before: string | undefined, after: string | undefined, n: number): string {
  if (before && after) {
    return before === after
      ? `Both versions are the PDF “${after}”.`
      : `Version ${n} replaces the PDF “${before}” with “${after}”. Open both to compare them.`;
  }
  return after
    ? `Version ${n} is the uploaded PDF “${after}” instead of written text.`
    : `Version ${n} is written text instead of the PDF “${before}”.`;
}

/** Every version newest first; choosing one shows its history and its changes. */
export function HistorySection(props: { doc: DocumentDetail }) {
  const list = createPagedList(
    () => props.doc.id,
    (cursor) => listVersions(props.doc.id, cursor, 20),
    'number',
  );
  const [chosen, setChosen] = createSignal<number>();
  return (
    <div class="stack-lg">
      <div>
        <DataTable
          caption="Versions, newest first"
          loading={list.loading()}
          rows={list.items()}
          rowClass={(v) => (v.number === chosen() ? 'doc-row-chosen' : undefined)}
          empty={<p class="muted">No versions yet.</p>}
          columns={[
            {
              header: 'Version',
              cell: (v: VersionSummary) => <VersionBadge number={v.number} status={v.status} />,
            },
            {
              header: 'What changed',
              cell: (v: VersionSummary) => <span class="break">{v.changeNote ?? '—'}</span>,
            },
            {
              header: 'Published',
              cell: (v: VersionSummary) =>
                v.publishedAt ? `${formatDateTime(v.publishedAt)} by ${v.publishedByName ?? '—'}` : '—',
            },
            {
              header: 'Started',
              cell: (v: VersionSummary) => `${formatDateTime(v.createdAt)} by ${v.createdByName}`,
            },
            {
              header: 'Actions',
              headerHidden: true,
              class: 'cell-actions',
              cell: (v: VersionSummary) => (
                <Button
                  size="sm"
                  aria-pressed={v.number === chosen() ? 'true' : 'false'}
                  onClick={() => setChosen(v.number)}
                >
                  Show version {v.number}
                </Button>
              ),
            },
          ]}
        />
        <ListPager label="Versions" list={list} />
      </div>
      <Show when={chosen()}>
        {(n) => (
          <LoadBoundary what="version" keys={['documentVersion']}>
            <VersionDetail doc={props.doc} n={n()} />
          </LoadBoundary>
        )}
      </Show>
    </div>
  );
}
