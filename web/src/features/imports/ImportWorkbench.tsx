import { createEffect, createMemo, createSignal, type JSX, on, onCleanup, Show } from 'solid-js';
import { mappedRecord } from '../../../../shared/import-mapping.ts';
import type { ImportResultBase } from '../../../../shared/schemas/imports.ts';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { createColumnMapping, unmappedProblem } from './column-mapping.ts';
import { type SplitCsv, splitCsv, toCsv } from './csv-chunks.ts';
import { type CheckedFile, fileProblem, textProblem } from './file-check.ts';
import { ImportColumns } from './ImportColumns.tsx';
import { ImportFile } from './ImportFile.tsx';
import { ImportKind } from './ImportKind.tsx';
import { plural, type Run, rowsWithErrors, sendChunk } from './import-run.ts';
import { RunReport } from './RunReport.tsx';
import './import.css';

/**
 * The import page every module's kinds share: what to import (columns and template), the file and
 * its checks, which of its columns holds each field (saved per source), then a dry-run preview with
 * row errors by spreadsheet row and the import itself, sent in chunks with progress, stop and resume.
 * A module's page passes its kinds' descriptions and the API path of its imports (see
 * functions/platform/imports); the API's markers make a re-run safe.
 */

/** One column of a kind's file as the page lists it: its name, whether required, and what it holds. */
export interface ColumnDoc {
  name: string;
  required: boolean;
  description: string;
  /** Other header names the field is read from: the column step is prefilled with them. */
  aliases?: readonly string[];
}

/** How the page shows one import kind: its label, nouns, template header row and repeat column. */
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

/** What a module's import page passes: its API route, its kinds, and their columns and checks. */
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

/** Template, file check, dry-run preview, then the import, for one module's import kinds. */
export function ImportWorkbench<E>(props: ImportWorkbenchProps<E>) {
  const [kind, setKind] = createSignal<string>(props.kinds[0].kind);
  const [file, setFile] = createSignal<{ name: string; text: string } | undefined>();
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [run, setRun] = createSignal<Run<E> | undefined>();
  /** The last finished preview of this file; the import is offered only after one. */
  const [preview, setPreview] = createSignal<Run<E> | undefined>();
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

  /** The chosen file read once for its header row, so its columns can be matched to the fields. */
  const head = createMemo((): { split: SplitCsv } | { problem: string } | undefined => {
    const f = file();
    if (!f) return undefined;
    try {
      return { split: splitCsv(f.text) };
    } catch (err) {
      return { problem: err instanceof Error ? err.message : String(err) };
    }
  });
  const headers = createMemo(() => {
    const h = head();
    return h && 'split' in h ? h.split.headers : undefined;
  });
  const columnMapping = createColumnMapping({
    endpoint: () => props.endpoint,
    kind,
    columns,
    headers,
  });

  /** The chosen file cut into chunks through the column mapping, and checked against the kind. */
  const parsed = createMemo((): CheckedFile | { ok: false; problem: string } | undefined => {
    const f = file();
    const h = head();
    const identity = props.identity(kind());
    if (!f || !h || !identity) return undefined;
    if ('problem' in h) return { ok: false, problem: h.problem };
    const check = props.checkColumns(kind(), h.split.columns);
    const unmapped = columnMapping.unmapped();
    if (unmapped.length) return { ok: false, problem: unmappedProblem(unmapped, check.problem) };
    if (h.split.rows === 0)
      return { ok: false, problem: `“${f.name}” has a header row but no data rows below it.` };
    const mapping = columnMapping.mapping();
    let split: SplitCsv;
    try {
      // Repeats are found by the fields the mapping reads, as the API will read them.
      split = splitCsv(f.text, undefined, undefined, (r) => identity(mappedRecord(mapping, r)));
    } catch (err) {
      return { ok: false, problem: err instanceof Error ? err.message : String(err) };
    }
    return { ok: true, split, ignored: columnMapping.ignored(), warning: check.warning };
  });
  const ready = () => {
    const p = parsed();
    return p?.ok ? p : undefined;
  };
  const problem = () => {
    const p = parsed();
    return fileError() ?? (p && !p.ok ? p.problem : undefined);
  };

  // Another file, kind or column mapping makes earlier results meaningless.
  createEffect(
    on([kind, file, columnMapping.mapping], () => {
      setRun(undefined);
      setPreview(undefined);
    }),
  );

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
    const before = fileProblem(f);
    if (before) {
      setFileError(before);
      return;
    }
    const text = await f.text();
    const after = textProblem(f.name, text);
    if (after) {
      setFileError(after);
      return;
    }
    setFile({ name: f.name, text });
  }

  async function start(mode: Run<E>['mode']) {
    const file = ready();
    if (!file || running()) return;
    cancelled = false;
    const chosen = kind();
    const repeatField = view().repeatField;
    if (mode === 'preview') setPreview(undefined);
    const mapping = columnMapping.mapping();
    if (mode === 'import') {
      // The mapping is saved for its source before any row goes in: an import it read is one it remembers.
      try {
        await columnMapping.saveForImport();
      } catch (err) {
        toast.error(
          `The columns could not be saved for this source, so nothing was imported: ${errorMessage(err)}`,
        );
        return;
      }
    }
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
        const result = await sendChunk(
          props.endpoint,
          {
            kind: chosen,
            csv: chunk.csv,
            dryRun: mode === 'preview',
            firstRow: chunk.firstRow,
            mapping,
          },
          () => cancelled,
        );
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
      <ImportKind
        kindDescription={props.kindDescription}
        kinds={props.kinds}
        kind={kind()}
        onKind={(v) => setKind(v)}
        running={running()}
        template={template()}
        nouns={nouns()}
        columns={columns()}
        columnsHint={props.columnsHint}
      />

      <ImportFile
        file={file()}
        ready={ready()}
        problem={problem()}
        running={running()}
        onChoose={chooseFile}
      />

      <ImportColumns
        columns={columns()}
        headers={headers()}
        state={columnMapping}
        running={running()}
        nouns={nouns()}
      />

      <Section
        title="4. Preview, then import"
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
