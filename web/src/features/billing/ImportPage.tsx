import { createSignal, Match, Show, Switch } from 'solid-js';
import type { RemittanceImportResult, RemittancePreview } from '../../../../shared/schemas/billing.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { formatCents, formatCount } from '../../lib/number-format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { importRemittances, listRemittances, previewRemittances, type RemittanceDto } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { Day, Money, paymentMethodText } from './parts.tsx';
import './billing.css';

import { DocumentsX12Dialog, readDocumentsFile } from './import-from-documents.tsx';
import {
  fileProblem,
  PreviewTable,
  type Problem,
  Problems,
  problemsOf,
  Result,
  textProblem,
} from './import-parts.tsx';

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
  const [picking, setPicking] = createSignal(false);
  let seq = 0;

  const reset = () => {
    setProblem(undefined);
    setPreview(undefined);
    setResult(undefined);
    setFailure(undefined);
    setText(undefined);
  };

  /** A chosen file or one kept in Documents: only how its text is read differs. */
  const choose = async (f: { name: string; size: number; text: () => Promise<string> } | undefined) => {
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
      if (id !== seq) return;
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
                const f = input.files?.[0];
                void choose(f && { name: f.name, size: f.size, text: () => f.text() }).finally(() => {
                  // Choosing the same file again, corrected, reads it afresh.
                  input.value = '';
                });
              }}
            />
            <label class="btn btn-secondary file-label" for="billing-file-input">
              Choose a file
            </label>
            <Button onClick={() => setPicking(true)} disabled={reading() || importing()}>
              From Documents
            </Button>
            <span class="billing-file-name">
              <Show when={fileName()} fallback={<span class="muted">No file chosen</span>}>
                <span class="strong break-any">{fileName()}</span>
              </Show>
            </span>
          </div>
          <p class="field-hint" id="billing-file-hint">
            An X12 835 file (it starts with “ISA”), up to 5 MB, from this computer or kept in Documents.
            Nothing is saved until you import it.
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
        <DocumentsX12Dialog
          open={picking()}
          onClose={() => setPicking(false)}
          onChoose={(f) => {
            setPicking(false);
            void choose({ name: f.name, size: f.size, text: () => readDocumentsFile(f) });
          }}
        />
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
              Choose an 835 file above, or one kept in Documents: each remittance in it appears here once
              imported.
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
