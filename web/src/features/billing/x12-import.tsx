import { type Accessor, createSignal, type JSX, Show } from 'solid-js';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { DocumentsX12Dialog, readDocumentsFile } from './import-from-documents.tsx';
import {
  fileProblem,
  type Problem,
  Problems,
  problemsOf,
  textProblem,
  type X12Kind,
} from './import-parts.tsx';

/**
 * What the 835 and 837P imports share: choose a file (from this computer or Documents), check it,
 * preview it on the server, then import it whole. Only the preview's and the result's shapes differ.
 */

interface ChosenFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

export interface X12Import<P, R> {
  fileName: Accessor<string | undefined>;
  problem: Accessor<string | undefined>;
  reading: Accessor<boolean>;
  preview: Accessor<P | undefined>;
  importing: Accessor<boolean>;
  result: Accessor<R | undefined>;
  failure: Accessor<{ message: string; problems: Problem[] } | undefined>;
  /** Why the previewed file cannot be imported (problems, nothing new); undefined when it can. */
  blocked: Accessor<string | undefined>;
  choose: (f: ChosenFile | undefined) => Promise<void>;
  /** Imports the previewed text; does nothing while `blocked` says why not. */
  run: () => Promise<void>;
}

/** The flow's state: a newer choice wins over a slower earlier one; a new file starts over. */
export function createX12Import<P, R>(opts: {
  kind: X12Kind;
  preview: (body: { fileName: string; text: string }) => Promise<P>;
  importText: (body: { fileName?: string; text: string }) => Promise<R>;
  blocked: (p: P) => string | undefined;
}): X12Import<P, R> {
  const [fileName, setFileName] = createSignal<string>();
  const [text, setText] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [reading, setReading] = createSignal(false);
  const [preview, setPreview] = createSignal<P>();
  const [importing, setImporting] = createSignal(false);
  const [result, setResult] = createSignal<R>();
  const [failure, setFailure] = createSignal<{ message: string; problems: Problem[] }>();
  let seq = 0;

  const choose = async (f: ChosenFile | undefined) => {
    if (!f) return;
    const id = ++seq;
    setProblem(undefined);
    setPreview(undefined);
    setResult(undefined);
    setFailure(undefined);
    setText(undefined);
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
      const bad = textProblem(f.name, body, opts.kind);
      if (bad) {
        setProblem(bad);
        return;
      }
      const p = await opts.preview({ fileName: f.name, text: body });
      if (id !== seq) return;
      setText(body);
      setPreview(() => p);
    } catch (err) {
      if (id === seq) setProblem(errorMessage(err));
    } finally {
      if (id === seq) setReading(false);
    }
  };

  const blocked = () => {
    const p = preview();
    return p === undefined ? undefined : opts.blocked(p);
  };

  const run = async () => {
    const body = text();
    if (!body || !preview() || blocked()) return;
    setImporting(true);
    setFailure(undefined);
    try {
      const r = await opts.importText({ fileName: fileName(), text: body });
      setResult(() => r);
    } catch (err) {
      setFailure({ message: errorMessage(err), problems: problemsOf(err) });
    } finally {
      setImporting(false);
    }
  };

  return { fileName, problem, reading, preview, importing, result, failure, blocked, choose, run };
}

/** Step 1: the file input, "From Documents", what is expected, and why a file was refused. */
export function X12FileStep(props: {
  flow: X12Import<unknown, unknown>;
  title: string;
  description: string;
  hint: string;
  accept: string;
  documentsTitle: string;
}) {
  const [picking, setPicking] = createSignal(false);
  const f = () => props.flow;
  const busy = () => f().reading() || f().importing();
  return (
    <Section id="billing-file" title={props.title} description={props.description}>
      <div class={`field${f().problem() ? ' field-invalid' : ''}`}>
        <div class="billing-file">
          <input
            id="billing-file-input"
            name="file"
            type="file"
            class="file-input"
            accept={props.accept}
            disabled={busy()}
            aria-describedby={`billing-file-hint${f().problem() ? ' billing-file-error' : ''}`}
            aria-invalid={f().problem() ? 'true' : undefined}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              void f()
                .choose(file && { name: file.name, size: file.size, text: () => file.text() })
                .finally(() => {
                  // Choosing the same file again, corrected, reads it afresh.
                  input.value = '';
                });
            }}
          />
          <label class="btn btn-secondary file-label" for="billing-file-input">
            Choose a file
          </label>
          <Button onClick={() => setPicking(true)} disabled={busy()}>
            From Documents
          </Button>
          <span class="billing-file-name">
            <Show when={f().fileName()} fallback={<span class="muted">No file chosen</span>}>
              <span class="strong break-any">{f().fileName()}</span>
            </Show>
          </span>
        </div>
        <p class="field-hint" id="billing-file-hint">
          {props.hint}
        </p>
        <Show when={f().problem()}>
          <p class="field-error" id="billing-file-error" role="alert">
            <span aria-hidden="true">! </span>
            {f().problem()}
          </p>
        </Show>
      </div>
      <Show when={f().reading()}>
        <p class="billing-progress" role="status">
          <Spinner size="sm" label="" /> Reading the file…
        </p>
      </Show>
      <DocumentsX12Dialog
        open={picking()}
        title={props.documentsTitle}
        onClose={() => setPicking(false)}
        onChoose={(file) => {
          setPicking(false);
          void f().choose({ name: file.name, size: file.size, text: () => readDocumentsFile(file) });
        }}
      />
    </Section>
  );
}

/** Step 2's foot: the failure in words, or the import button with why it cannot run yet. */
export function X12ImportAction(props: {
  flow: X12Import<unknown, unknown>;
  label: string;
  ready: JSX.Element;
}) {
  const f = () => props.flow;
  return (
    <>
      <Show when={f().failure()}>
        {(fail) => (
          <Show
            when={fail().problems.length}
            fallback={<Alert title="The import failed">{fail().message}</Alert>}
          >
            <Problems problems={fail().problems} title={fail().message} />
          </Show>
        )}
      </Show>
      <div class="billing-import-action">
        <Button
          variant="primary"
          busy={f().importing()}
          disabled={Boolean(f().blocked())}
          onClick={() => void f().run()}
          aria-describedby="billing-import-why"
        >
          {f().importing() ? 'Importing…' : props.label}
        </Button>
        <p id="billing-import-why" class="muted small" aria-live="polite">
          <Show
            when={f().blocked()}
            fallback={
              f().importing()
                ? 'Importing: this takes a few seconds for a large file. Keep this page open.'
                : props.ready
            }
          >
            {f().blocked()}
          </Show>
        </p>
      </div>
    </>
  );
}
