import { A } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { RemittanceImportResult, RemittancePreview } from '../../../../shared/schemas/billing.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { formatCents, formatCount } from '../../lib/number-format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { importRemittances, listRemittances, previewRemittances, type RemittanceDto } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { claimsHref } from './links.ts';
import { Day, Money, paymentMethodText } from './parts.tsx';
import './billing.css';

/** The API takes at most 5,000,000 characters of text: a file larger in bytes is refused before it is read. */
const MAX_BYTES = 5_000_000;

type PreviewRow = RemittancePreview['remittances'][number];
type Problem = RemittancePreview['problems'][number];

/** Why a chosen file cannot be sent, from its size and text; undefined when it may be. */
function fileProblem(f: File): string | undefined {
  if (f.size === 0) return `“${f.name}” is empty.`;
  if (f.size > MAX_BYTES) {
    return `“${f.name}” is larger than 5 MB (${(f.size / 1_000_000).toFixed(1)} MB). Ask your billing service or clearinghouse for one file per payment, then import them one by one.`;
  }
  return undefined;
}

function textProblem(name: string, text: string): string | undefined {
  if (text.includes('\u0000'))
    return `“${name}” is not a text file. An 835 is plain text starting with “ISA”.`;
  if (text.trim() === '') return `“${name}” is empty.`;
  return undefined;
}

/** The parser's messages may start with the place already ("Segment 3 (ST): …"): said once is enough. */
const withoutPlace = (message: string) => message.replace(/^segment \d+( \([A-Z0-9]+\))?:\s*/i, '');

/** "Segment 12 (CLP): …" in a list: where in the file, and what is wrong, in words. */
function Problems(props: { problems: Problem[]; title: string }) {
  return (
    <Alert title={props.title}>
      <p>
        Nothing was imported. Ask whoever sent the file for a corrected one; segment numbers count from the
        ISA at the top.
      </p>
      <ul class="billing-problems">
        <For each={props.problems}>
          {(p) => (
            <li>
              <span class="strong nowrap">
                Segment {p.segment}
                <Show when={p.segmentId}> ({p.segmentId})</Show>:
              </span>{' '}
              {withoutPlace(p.message)}
            </li>
          )}
        </For>
      </ul>
    </Alert>
  );
}

/** A 400 from the import names each bad segment as a field path ("segment 12"): back to problems. */
function problemsOf(err: unknown): Problem[] {
  if (!(err instanceof ApiError)) return [];
  return err.details.map((d) => {
    const n = /segment (\d+)/.exec(d.path);
    return { segment: n ? Number(n[1]) : 0, segmentId: '', message: d.message };
  });
}

function PreviewTable(props: { rows: PreviewRow[]; done: boolean }) {
  return (
    <DataTable<PreviewRow>
      caption="Remittances in the file"
      rows={props.rows}
      empty={<p class="muted">The file holds no remittance.</p>}
      columns={[
        {
          header: 'Payer',
          cell: (r) => (
            <span class="who">
              <span class="strong break">{r.payerName}</span>
              <span class="muted small mono">{r.payerId}</span>
            </span>
          ),
        },
        { header: 'Trace', cell: (r) => <span class="mono break-any">{r.traceNumber}</span> },
        { header: 'Date', cell: (r) => <Day date={r.paymentDate} /> },
        {
          header: 'Amount',
          cell: (r) => (
            <span class="who">
              <Money cents={r.paymentCents} class="strong" />
              <span class="muted small">{paymentMethodText(r.paymentMethod)}</span>
              <Show when={r.providerAdjustmentsCents !== 0}>
                <span class="muted small">
                  Provider adjustments {formatCents(r.providerAdjustmentsCents)}
                </span>
              </Show>
            </span>
          ),
          class: 'num',
        },
        { header: 'Claims', cell: (r) => r.claims.toLocaleString('en-US'), class: 'num' },
        {
          header: 'Known claims',
          cell: (r) => (
            <span title="Claims Rounds already has, from an earlier remittance">
              {r.knownClaims.toLocaleString('en-US')}
            </span>
          ),
          class: 'num',
        },
        { header: 'Denied', cell: (r) => r.denied.toLocaleString('en-US'), class: 'num' },
        { header: 'Reversals', cell: (r) => r.reversals.toLocaleString('en-US'), class: 'num' },
        {
          header: 'Status',
          cell: (r) => (r.alreadyImported ? <Badge>Imported before</Badge> : <Badge tone="info">New</Badge>),
        },
      ]}
    />
  );
}

function Result(props: { result: RemittanceImportResult }) {
  const r = () => props.result;
  return (
    <Alert tone="success" title={r().imported > 0 ? 'Imported' : 'Nothing new to import'}>
      <p>
        <Show
          when={r().imported > 0}
          fallback={<>Every remittance in the file was imported before; nothing changed.</>}
        >
          {formatCount(r().imported, 'remittance')} with {formatCount(r().claims, 'claim')} and{' '}
          {formatCents(r().paymentCents)} in payments.
        </Show>
        <Show when={r().imported > 0 && r().skipped > 0}>
          {' '}
          {formatCount(r().skipped, 'remittance')} imported before {r().skipped === 1 ? 'was' : 'were'}{' '}
          skipped.
        </Show>
      </p>
      <p class="billing-links">
        <A href="/app/billing">See the overview</A>
        <A href={claimsHref({ state: 'denied' })}>Work the denied claims</A>
        <A href={claimsHref()}>All open claims</A>
      </p>
    </Alert>
  );
}

/** Choose → preview → import, then the result; a new file starts over. */
function ImportFlow() {
  const [fileName, setFileName] = createSignal<string>();
  const [text, setText] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [reading, setReading] = createSignal(false);
  const [preview, setPreview] = createSignal<RemittancePreview>();
  const [importing, setImporting] = createSignal(false);
  const [result, setResult] = createSignal<RemittanceImportResult>();
  const [failure, setFailure] = createSignal<{ message: string; problems: Problem[] }>();
  let seq = 0;

  const reset = () => {
    setProblem(undefined);
    setPreview(undefined);
    setResult(undefined);
    setFailure(undefined);
    setText(undefined);
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    const id = ++seq;
    reset();
    setFileName(f.name);
    const tooBig = fileProblem(f);
    if (tooBig) {
      setProblem(tooBig);
      return;
    }
    setReading(true);
    try {
      const body = await f.text();
      const bad = textProblem(f.name, body);
      if (bad) {
        setProblem(bad);
        return;
      }
      const p = await previewRemittances({ fileName: f.name, text: body });
      if (id !== seq) return;
      setText(body);
      setPreview(p);
    } catch (err) {
      if (id === seq) setProblem(errorMessage(err));
    } finally {
      if (id === seq) setReading(false);
    }
  };

  const fresh = () => (preview()?.remittances ?? []).filter((r) => !r.alreadyImported);
  const blocked = (): string | undefined => {
    const p = preview();
    if (!p) return undefined;
    if (p.problems.length) return 'Fix the problems above first: a file with any problem is refused whole.';
    if (p.remittances.length === 0) return 'The file holds no remittance to import.';
    if (fresh().length === 0) return 'Everything in this file was imported before.';
    return undefined;
  };

  const run = async () => {
    const body = text();
    if (!body || blocked()) return;
    setImporting(true);
    setFailure(undefined);
    try {
      setResult(await importRemittances({ fileName: fileName(), text: body }));
    } catch (err) {
      setFailure({ message: errorMessage(err), problems: problemsOf(err) });
    } finally {
      setImporting(false);
    }
  };

  return (
    <div class="stack-lg">
      <Section
        id="billing-file"
        title="1. Choose the 835 file"
        description="The electronic remittance advice (ERA) your payer or clearinghouse sends with each payment."
      >
        <div class={`field${problem() ? ' field-invalid' : ''}`}>
          <div class="billing-file">
            <input
              id="billing-file-input"
              name="file"
              type="file"
              class="file-input"
              accept=".835,.txt,.edi,.x12,.era,text/plain"
              disabled={reading() || importing()}
              aria-describedby={`billing-file-hint${problem() ? ' billing-file-error' : ''}`}
              aria-invalid={problem() ? 'true' : undefined}
              onChange={(e) => {
                const input = e.currentTarget;
                void choose(input.files?.[0]).finally(() => {
                  // Choosing the same file again, corrected, reads it afresh.
                  input.value = '';
                });
              }}
            />
            <label class="btn btn-secondary file-label" for="billing-file-input">
              Choose a file
            </label>
            <span class="billing-file-name">
              <Show when={fileName()} fallback={<span class="muted">No file chosen</span>}>
                <span class="strong break-any">{fileName()}</span>
              </Show>
            </span>
          </div>
          <p class="field-hint" id="billing-file-hint">
            An X12 835 file (it starts with “ISA”), up to 5 MB. Nothing is saved until you import it.
          </p>
          <Show when={problem()}>
            <p class="field-error" id="billing-file-error" role="alert">
              <span aria-hidden="true">! </span>
              {problem()}
            </p>
          </Show>
        </div>
        <Show when={reading()}>
          <p class="billing-progress" role="status">
            <Spinner size="sm" label="" /> Reading the file…
          </p>
        </Show>
      </Section>

      <Show when={preview()}>
        {(p) => (
          <Section
            id="billing-preview"
            title="2. Check what it holds"
            description="What importing would add. Claims Rounds does not know yet are created from the remittance."
          >
            <div class="stack">
              <Show when={p().problems.length > 0}>
                <Problems
                  problems={p().problems}
                  title={`The file has ${formatCount(p().problems.length, 'problem')}`}
                />
              </Show>
              <Show when={p().remittances.length > 0}>
                <PreviewTable rows={p().remittances} done={Boolean(result())} />
              </Show>
              <Switch>
                <Match when={result()}>{(r) => <Result result={r()} />}</Match>
                <Match when={true}>
                  <Show when={failure()}>
                    {(f) => (
                      <Show
                        when={f().problems.length}
                        fallback={<Alert title="The import failed">{f().message}</Alert>}
                      >
                        <Problems problems={f().problems} title={f().message} />
                      </Show>
                    )}
                  </Show>
                  <div class="billing-import-action">
                    <Button
                      variant="primary"
                      busy={importing()}
                      disabled={Boolean(blocked())}
                      onClick={run}
                      aria-describedby="billing-import-why"
                    >
                      {importing() ? 'Importing…' : `Import ${formatCount(fresh().length, 'remittance')}`}
                    </Button>
                    <p id="billing-import-why" class="muted small" aria-live="polite">
                      <Show
                        when={blocked()}
                        fallback={
                          importing()
                            ? 'Importing: this takes a few seconds for a large file. Keep this page open.'
                            : `${formatCents(fresh().reduce((s, r) => s + r.paymentCents, 0))} in payments. A remittance imported before is skipped.`
                        }
                      >
                        {blocked()}
                      </Show>
                    </p>
                  </div>
                </Match>
              </Switch>
            </div>
          </Section>
        )}
      </Show>
    </div>
  );
}

function RemittanceList() {
  const list = createPagedList(
    () => 'all',
    (cursor) => listRemittances(cursor, PAGE_SIZE),
  );
  return (
    <>
      <DataTable<RemittanceDto>
        caption="Imported remittances"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title="Nothing imported yet">
              Choose an 835 file above: each remittance in it appears here once imported.
            </EmptyState>
          </Show>
        }
        columns={[
          { header: 'Paid on', cell: (r) => <Day date={r.paymentDate} /> },
          { header: 'Payer', cell: (r) => <span class="break">{r.payerName}</span> },
          { header: 'Trace', cell: (r) => <span class="mono break-any">{r.traceNumber}</span> },
          {
            header: 'Amount',
            cell: (r) => (
              <span class="who">
                <Money cents={r.paymentCents} class="strong" />
                <span class="muted small">{paymentMethodText(r.paymentMethod)}</span>
              </span>
            ),
            class: 'num',
          },
          { header: 'Claims', cell: (r) => r.claims.toLocaleString('en-US'), class: 'num' },
          {
            header: 'Imported',
            cell: (r) => (
              <span class="who">
                <span class="small">
                  <time datetime={r.importedAt}>{formatDateTime(r.importedAt)}</time> by {r.importedBy}
                </span>
                <Show when={r.fileName}>
                  <span class="muted small break-any">{r.fileName}</span>
                </Show>
              </span>
            ),
          },
        ]}
      />
      <ListPager label="Imported remittances" list={list} />
    </>
  );
}

/** 835 import: choose, preview in words, import; and every remittance imported so far. */
export function ImportPage() {
  return (
    <div class="page billing">
      <PageHeader
        title="Import remittances"
        description="Bring in the 835 files payers send with their payments: claims, denials and balances update from them."
      />
      <BillingNav />
      <div class="stack-lg">
        <ImportFlow />
        <Section id="billing-imported" title="Imported remittances" description="Newest payment first.">
          <LoadBoundary what="imported remittances" keys={[listRemittances.key]}>
            <RemittanceList />
          </LoadBoundary>
        </Section>
      </div>
    </div>
  );
}
