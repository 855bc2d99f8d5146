import {
  createEffect,
  createMemo,
  createSignal,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
} from 'solid-js';
import type { ImportResultBase } from '../../../../shared/schemas/imports.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { type SplitCsv, splitCsv, toCsv } from './csv-chunks.ts';
import { type RowError, RowErrors } from './RowErrors.tsx';
import './import.css';

/**
 * The import page every module's kinds share: what to import (columns and template), the file and
 * its checks, then a dry-run preview with row errors by spreadsheet row and the import itself, sent
 * in chunks with progress, stop and resume. A module's page passes its kinds' descriptions and the
 * API path of its imports (see functions/platform/imports); the API's markers make a re-run safe.
 */

export interface ColumnDoc {
  name: string;
  required: boolean;
  description: string;
}

export interface ImportKindView {
  kind: string;
  /** As the kind select shows it: "Patients". */
  label: string;
  nouns: { one: string; many: string };
  /** The template's header row. */
  templateColumns: readonly string[];
  /** The column a repeated row's error names (as the API names it). */
  repeatField: string;
}

/** Why a header row cannot be imported as a kind, the columns ignored, and a warning worth showing. */
export interface ColumnCheck {
  problem: string | undefined;
  ignored: string[];
  warning?: string;
}

export interface ImportWorkbenchProps<E> {
  /** The module's import route, e.g. /scheduling/imports. */
  endpoint: string;
  kinds: readonly [ImportKindView, ...ImportKindView[]];
  kindDescription: string;
  /** The kind's columns; undefined while what they depend on (the practice's date order) loads. */
  columns: (kind: string) => ColumnDoc[] | undefined;
  /** A row's identity, to set repeats aside across chunks; undefined while loading. */
  identity: (kind: string) => ((row: Record<string, string>) => string) | undefined;
  checkColumns: (kind: string, columns: string[]) => ColumnCheck;
  /** Shown under the column list. */
  columnsHint?: JSX.Element;
  /** What a kind adds to each chunk's result, merged over the chunks and shown with the counts. */
  extra?: {
    merge: (so: E | undefined, result: ImportResultBase & Record<string, unknown>) => E;
    show: (extra: E) => JSX.Element;
  };
}

/** Larger files are better split: a run over thousands of chunks outlasts a manager's patience. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
]);
/** Attempts per chunk when the API says it is busy (429 / 503 with Retry-After). */
const BUSY_ATTEMPTS = 3;

type Result = ImportResultBase & Record<string, unknown>;

interface Run<E> {
  mode: 'preview' | 'import';
  status: 'running' | 'done' | 'stopped' | 'failed';
  total: number;
  done: number;
  created: number;
  unchanged: number;
  errors: RowError[];
  stopping: boolean;
  failure?: { message: string; firstRow: number; lastRow: number };
  /** What the kind adds to the results, over the chunks sent so far. */
  extra?: E;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));
/** Rows with at least one problem (the API reports one error per row and column). */
const rowsWithErrors = (errors: RowError[]) => new Set(errors.map((e) => e.row)).size;

/** Template, file check, dry-run preview, then the import, for one module's import kinds. */
export function ImportWorkbench<E>(props: ImportWorkbenchProps<E>) {
  const [kind, setKind] = createSignal<string>(props.kinds[0].kind);
  const [file, setFile] = createSignal<{ name: string; text: string } | undefined>();
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [run, setRun] = createSignal<Run<E> | undefined>();
  /** The last finished preview of this file; the import is offered only after one. */
  const [preview, setPreview] = createSignal<Run<E> | undefined>();
  const [dragging, setDragging] = createSignal(false);
  let dropZone: HTMLDivElement | undefined;
  let cancelled = false;

  const view = () => props.kinds.find((k) => k.kind === kind()) ?? props.kinds[0];
  const nouns = () => view().nouns;
  const columns = createMemo(() => props.columns(kind()) ?? []);
  const running = () => run()?.status === 'running';

  const template = createMemo(() => {
    const url = URL.createObjectURL(new Blob([toCsv([[...view().templateColumns]])], { type: 'text/csv' }));
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });

  /** The chosen file cut into chunks and checked against the chosen kind's columns. */
  const parsed = createMemo(
    ():
      | { ok: true; split: SplitCsv; ignored: string[]; warning: string | undefined }
      | { ok: false; problem: string }
      | undefined => {
      const f = file();
      const identity = props.identity(kind());
      if (!f || !identity) return undefined;
      let split: SplitCsv;
      try {
        split = splitCsv(f.text, undefined, undefined, identity);
      } catch (err) {
        return { ok: false, problem: err instanceof Error ? err.message : String(err) };
      }
      const { problem, ignored, warning } = props.checkColumns(kind(), split.columns);
      if (problem) return { ok: false, problem };
      if (split.rows === 0)
        return { ok: false, problem: `“${f.name}” has a header row but no data rows below it.` };
      return { ok: true, split, ignored, warning };
    },
  );
  const ready = () => {
    const p = parsed();
    return p?.ok ? p : undefined;
  };
  const problem = () => {
    const p = parsed();
    return fileError() ?? (p && !p.ok ? p.problem : undefined);
  };

  // Another file or kind makes earlier results meaningless.
  createEffect(
    on([kind, file], () => {
      setRun(undefined);
      setPreview(undefined);
    }),
  );

  // Dropping a file is a pointer shortcut only: the "Choose a CSV file" button is the accessible way.
  onMount(() => {
    const zone = dropZone!;
    const over = (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void chooseFile(e.dataTransfer?.files[0]);
    };
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    onCleanup(() => {
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('dragleave', leave);
      zone.removeEventListener('drop', drop);
    });
  });

  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (running()) e.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    cancelled = true;
  });

  async function chooseFile(f: File | undefined) {
    if (running()) return;
    setFileError(undefined);
    setFile(undefined);
    if (!f) return;
    const isCsv = /\.csv$/i.test(f.name) || CSV_TYPES.has(f.type);
    if (!isCsv) {
      setFileError(
        `“${f.name}” is not a CSV file. In Excel, Numbers or Google Sheets, save or download the sheet as CSV.`,
      );
      return;
    }
    if (f.size === 0) {
      setFileError(`“${f.name}” is empty.`);
      return;
    }
    if (f.size > MAX_FILE_BYTES) {
      setFileError(
        `“${f.name}” is larger than 5 MB: split it into smaller files and import them one by one.`,
      );
      return;
    }
    const text = await f.text();
    if (text.includes('\u0000')) {
      setFileError(`“${f.name}” is not a text CSV file. Save the sheet as CSV (UTF-8) and try again.`);
      return;
    }
    if (text.trim() === '') {
      setFileError(`“${f.name}” is empty.`);
      return;
    }
    setFile({ name: f.name, text });
  }

  /** Sends one chunk, waiting and retrying while the API says it is busy. */
  async function sendChunk(body: {
    kind: string;
    csv: string;
    dryRun: boolean;
    firstRow: number;
  }): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await api<Result>(props.endpoint, { method: 'POST', body });
      } catch (err) {
        const busy = err instanceof ApiError && (err.status === 429 || err.status === 503);
        if (!busy || attempt >= BUSY_ATTEMPTS || cancelled) throw err;
        await sleep(Math.min(err.retryAfter ?? 2, 30) * 1000);
      }
    }
  }

  async function start(mode: Run<E>['mode']) {
    const file = ready();
    if (!file || running()) return;
    cancelled = false;
    const chosen = kind();
    const repeatField = view().repeatField;
    if (mode === 'preview') setPreview(undefined);
    setRun({
      mode,
      status: 'running',
      total: file.split.rows,
      // Repeated rows are not sent; they are reported as the API reports repeats within a chunk.
      done: file.split.repeats.length,
      created: 0,
      unchanged: 0,
      errors: file.split.repeats.map((r) => ({
        row: r.row,
        field: repeatField,
        message: `Repeats row ${r.of}; it is imported once`,
      })),
      stopping: false,
    });
    for (const chunk of file.split.chunks) {
      if (cancelled) {
        setRun((r) => r && { ...r, status: 'stopped' });
        return;
      }
      try {
        const result = await sendChunk({
          kind: chosen,
          csv: chunk.csv,
          dryRun: mode === 'preview',
          firstRow: chunk.firstRow,
        });
        setRun(
          (r) =>
            r && {
              ...r,
              done: r.done + chunk.rows,
              created: r.created + result.created,
              unchanged: r.unchanged + result.unchanged,
              extra: props.extra ? props.extra.merge(r.extra, result) : undefined,
              errors: result.errors.length
                ? [...r.errors, ...result.errors].sort((a, b) => a.row - b.row)
                : r.errors,
            },
        );
      } catch (err) {
        const failure = {
          message: errorMessage(err),
          firstRow: chunk.firstRow,
          lastRow: chunk.firstRow + chunk.rows - 1,
        };
        setRun((r) => r && { ...r, status: 'failed', failure });
        return;
      }
    }
    const finished = { ...run()!, status: 'done' as const };
    setRun(finished);
    if (mode === 'preview') {
      setPreview(finished);
    } else {
      // The preview's counts are out of date once rows are in; a new preview shows the truth.
      setPreview(undefined);
      toast.success(`Imported ${plural(finished.created, nouns().one, nouns().many)}`);
    }
  }

  async function startImport() {
    const p = preview();
    if (!p) return;
    const again = run()?.mode === 'import';
    const skipped = rowsWithErrors(p.errors);
    const ok = await confirm({
      title: again
        ? `Run the ${nouns().one} import again?`
        : `Import ${plural(p.created, nouns().one, nouns().many)}?`,
      message: (
        <>
          <p>
            {again
              ? 'Rows already imported are skipped as unchanged, so nothing is added twice.'
              : `The ${nouns().many} are added to Rounds as each part of the file is sent.`}
          </p>
          <Show when={skipped > 0}>
            <p>{plural(skipped, 'row')} with errors will be skipped.</p>
          </Show>
        </>
      ),
      confirmLabel: again ? 'Run again' : `Import ${plural(p.created, 'row')}`,
      danger: false,
    });
    if (ok) await start('import');
  }

  function stop() {
    cancelled = true;
    setRun((r) => r && { ...r, stopping: true });
  }

  const importLabel = () => {
    const p = preview();
    const last = run();
    if (last?.mode === 'import' && (last.status === 'stopped' || last.status === 'failed'))
      return 'Run the import again';
    return p ? `Import ${plural(p.created, 'row')}` : 'Import';
  };
  const importHint = () => {
    const p = preview();
    if (running()) return undefined;
    if (run()?.mode === 'import' && run()?.status === 'done')
      return 'Done. To import more, choose a file and preview it again.';
    if (!p) return 'Run a preview first: it checks every row without saving anything.';
    if (p.created === 0) return `Nothing new to import: every valid row is already in Rounds.`;
    return undefined;
  };

  return (
    <div class="import-page stack-lg">
      <Section title="1. What are you importing?" id="import-kind" description={props.kindDescription}>
        <div class="stack">
          <div class="import-kind-row">
            <SelectField
              label="Import"
              name="kind"
              value={kind()}
              onChange={(v) => setKind(v)}
              options={props.kinds.map((k) => ({ value: k.kind, label: k.label }))}
              disabled={running()}
            />
            <a
              class="btn btn-secondary import-template"
              href={template()}
              download={`rounds-${kind()}-template.csv`}
            >
              Download the {nouns().one} template (CSV)
            </a>
          </div>
          <ul class="import-columns" aria-label={`Columns of a ${nouns().one} file`}>
            <For each={columns()}>
              {(c) => (
                <li class="import-column">
                  <code class="code">{c.name}</code>
                  <Badge tone={c.required ? 'info' : 'neutral'}>{c.required ? 'Required' : 'Optional'}</Badge>
                  <span class="import-column-text">{c.description}</span>
                </li>
              )}
            </For>
          </ul>
          <p class="field-hint">
            Column names are not case-sensitive and may use spaces (“Date of Birth”). Other columns are
            ignored.
            {props.columnsHint}
          </p>
        </div>
      </Section>

      <Section title="2. Choose your file" id="import-file">
        <div class={`field${problem() ? ' field-invalid' : ''}`}>
          <div ref={dropZone} class={`import-drop${dragging() ? ' import-drop-active' : ''}`}>
            <input
              id="import-file-input"
              name="file"
              type="file"
              class="file-input"
              accept=".csv,text/csv"
              disabled={running()}
              aria-describedby={`import-file-hint${problem() ? ' import-file-error' : ''}`}
              aria-invalid={problem() ? 'true' : undefined}
              onChange={(e) => {
                const input = e.currentTarget;
                void chooseFile(input.files?.[0]).finally(() => {
                  // So choosing the same file again, after fixing it, still reads it afresh.
                  input.value = '';
                });
              }}
            />
            <label class="btn btn-secondary file-label" for="import-file-input">
              Choose a CSV file
            </label>
            <span class="import-drop-text">
              <Show when={file()} fallback="or drop it here">
                {(f) => (
                  <>
                    <span class="strong break-any">{f().name}</span>
                    <Show when={ready()}>
                      {(r) => <span class="muted"> · {plural(r().split.rows, 'row')} to check</span>}
                    </Show>
                  </>
                )}
              </Show>
            </span>
          </div>
          <p class="field-hint" id="import-file-hint">
            A .csv file with a header row naming the columns, up to 5 MB. It is sent in parts of 100 rows.
          </p>
          <Show when={problem()}>
            <p class="field-error" id="import-file-error" role="alert">
              <span aria-hidden="true">! </span>
              {problem()}
            </p>
          </Show>
        </div>
        <Show when={ready()?.warning}>
          {(warning) => (
            <Alert tone="warning" class="import-note">
              {warning()}
            </Alert>
          )}
        </Show>
        <Show when={ready()?.ignored.length}>
          <p class="field-hint import-note">
            Ignored columns: <span class="break-any">{ready()!.ignored.join(', ')}</span>
          </p>
        </Show>
      </Section>

      <Section
        title="3. Preview, then import"
        id="import-run"
        description="The preview checks every row and saves nothing. The import then adds the rows without errors; rows with errors are skipped."
      >
        <div class="stack">
          <div class="import-actions">
            <Button
              variant={preview() ? 'secondary' : 'primary'}
              disabled={!ready() || running()}
              busy={running() && run()?.mode === 'preview'}
              onClick={() => void start('preview')}
            >
              Preview
            </Button>
            <Button
              variant={preview() ? 'primary' : 'secondary'}
              disabled={!preview() || preview()!.created === 0 || running()}
              busy={running() && run()?.mode === 'import'}
              aria-describedby={importHint() ? 'import-hint' : undefined}
              onClick={() => void startImport()}
            >
              {importLabel()}
            </Button>
            <Show when={running()}>
              <Button variant="ghost" disabled={run()?.stopping} onClick={stop}>
                {run()?.stopping ? 'Stopping after this part…' : 'Stop after this part'}
              </Button>
            </Show>
          </div>
          <Show when={!ready()}>
            <p class="field-hint">Choose a file above first.</p>
          </Show>
          <Show when={ready() && importHint()}>
            <p class="field-hint" id="import-hint">
              {importHint()}
            </p>
          </Show>
          <Show when={run()}>
            {(r) => (
              <RunReport run={r()} nouns={nouns()} fileName={file()?.name ?? ''} extra={props.extra?.show} />
            )}
          </Show>
        </div>
      </Section>
    </div>
  );
}

/** Progress, counts and outcome of the latest preview or import. */
function RunReport<E>(props: {
  run: Run<E>;
  nouns: { one: string; many: string };
  fileName: string;
  extra?: (extra: E) => JSX.Element;
}) {
  const preview = () => props.run.mode === 'preview';
  const verb = () => (preview() ? 'Checked' : 'Processed');
  const bad = () => rowsWithErrors(props.run.errors);
  const stats = (): { value: number; label: string; tone: string }[] =>
    preview()
      ? [
          { value: props.run.created, label: 'ready to import', tone: 'success' },
          { value: props.run.unchanged, label: 'already imported', tone: 'neutral' },
          { value: bad(), label: bad() === 1 ? 'row with errors' : 'rows with errors', tone: 'danger' },
        ]
      : [
          { value: props.run.created, label: 'created', tone: 'success' },
          { value: props.run.unchanged, label: 'unchanged (already imported)', tone: 'neutral' },
          { value: bad(), label: 'skipped (errors)', tone: 'danger' },
        ];
  return (
    <div class="import-report stack">
      <div class="import-progress">
        <progress
          class="import-progress-bar"
          max={Math.max(props.run.total, 1)}
          value={props.run.done}
          aria-labelledby="import-progress-text"
        />
        <p id="import-progress-text" class="import-progress-text" aria-live="polite">
          {verb()} {props.run.done.toLocaleString()} of {plural(props.run.total, 'row')}
        </p>
      </div>
      <ul class="import-stats" aria-label={preview() ? 'Preview summary' : 'Import summary'}>
        <For each={stats()}>
          {(s) => (
            <li class={`import-stat import-stat-${s.tone}`}>
              <strong class="import-stat-value">{s.value.toLocaleString()}</strong> {s.label}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.run.extra !== undefined && props.extra}>{props.extra!(props.run.extra as E)}</Show>
      <Outcome run={props.run} nouns={props.nouns} bad={bad()} />
      <Show when={props.run.errors.length > 0}>
        <RowErrors errors={props.run.errors} fileName={props.fileName} />
      </Show>
    </div>
  );
}

function Outcome<E>(props: { run: Run<E>; nouns: { one: string; many: string }; bad: number }) {
  const created = () => plural(props.run.created, props.nouns.one, props.nouns.many);
  const soFar = () =>
    `${props.run.created.toLocaleString()} created, ${props.run.unchanged.toLocaleString()} unchanged`;
  const safe =
    'Running the import again is safe: rows already imported are reported as unchanged, never added twice.';
  return (
    <>
      <Show when={props.run.mode === 'preview' && props.run.status === 'done'}>
        <Alert tone="info">
          Nothing has been saved yet.{' '}
          {props.run.created > 0
            ? `Import adds ${created()}${props.bad ? `; the ${plural(props.bad, 'row')} with errors will be skipped` : ''}.`
            : props.run.unchanged > 0
              ? `Every valid row is already in Rounds: there is nothing new to import.`
              : `No row can be imported as it is: fix the rows below and choose the file again.`}
        </Alert>
      </Show>
      <Show when={props.run.mode === 'import' && props.run.status === 'done'}>
        <Alert tone="success" title="Import finished">
          <p>
            Created {created()}.
            {props.run.unchanged
              ? ` ${plural(props.run.unchanged, 'row was', 'rows were')} already in Rounds and left as they are.`
              : ''}
          </p>
          <Show when={props.bad > 0}>
            <p>
              {plural(props.bad, 'row')} with errors {props.bad === 1 ? 'was' : 'were'} skipped. Fix{' '}
              {props.bad === 1 ? 'it' : 'them'} in your file (see the list below) and import the file again:
              rows already imported will not be added twice.
            </p>
          </Show>
        </Alert>
      </Show>
      <Show when={props.run.status === 'stopped'}>
        <Alert tone="warning" title={props.run.mode === 'preview' ? 'Preview stopped' : 'Import stopped'}>
          <p>
            Stopped after {props.run.done.toLocaleString()} of {plural(props.run.total, 'row')}
            {props.run.mode === 'preview'
              ? '. Nothing was saved.'
              : `: ${soFar()} so far, and they stay in Rounds. ${safe}`}
          </p>
        </Alert>
      </Show>
      <Show when={props.run.status === 'failed' && props.run.failure}>
        {(f) => (
          <Alert
            tone="error"
            title={`${props.run.mode === 'preview' ? 'Preview' : 'Import'} stopped at rows ${f().firstRow}–${f().lastRow}`}
          >
            <p>{f().message}</p>
            <p>
              {props.run.mode === 'preview'
                ? `Checked ${props.run.done.toLocaleString()} of ${plural(props.run.total, 'row')} before that. Nothing was saved: run the preview again.`
                : `Rows before row ${f().firstRow} were processed (${soFar()}) and stay in Rounds; rows from ${f().firstRow} on were not imported. ${safe}`}
            </p>
          </Alert>
        )}
      </Show>
      <Show when={props.run.mode === 'import' && props.run.status === 'running' && props.bad > 0}>
        <p class="field-hint">Rows with errors are skipped; the others are imported.</p>
      </Show>
    </>
  );
}
