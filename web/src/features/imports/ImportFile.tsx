import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { Alert } from '../../components/ui/Alert.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import type { CheckedFile } from './file-check.ts';
import { plural } from './import-run.ts';

/** Step 2 of the import page: the file, chosen or dropped, and what its checks found. */
export function ImportFile(props: {
  file: { name: string; text: string } | undefined;
  /** The file once it passed every check. */
  ready: CheckedFile | undefined;
  problem: string | undefined;
  running: boolean;
  onChoose: (f: File | undefined) => Promise<void>;
}) {
  const [dragging, setDragging] = createSignal(false);
  let dropZone: HTMLDivElement | undefined;

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
      void props.onChoose(e.dataTransfer?.files[0]);
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

  return (
    <Section title="2. Choose your file" id="import-file">
      <div class={`field${props.problem ? ' field-invalid' : ''}`}>
        <div ref={dropZone} class={`import-drop${dragging() ? ' import-drop-active' : ''}`}>
          <input
            id="import-file-input"
            name="file"
            type="file"
            class="file-input"
            accept=".csv,text/csv"
            disabled={props.running}
            aria-describedby={`import-file-hint${props.problem ? ' import-file-error' : ''}`}
            aria-invalid={props.problem ? 'true' : undefined}
            onChange={(e) => {
              const input = e.currentTarget;
              void props.onChoose(input.files?.[0]).finally(() => {
                // So choosing the same file again, after fixing it, still reads it afresh.
                input.value = '';
              });
            }}
          />
          <label class="btn btn-secondary file-label" for="import-file-input">
            Choose a CSV file
          </label>
          <span class="import-drop-text">
            <Show when={props.file} fallback="or drop it here">
              {(f) => (
                <>
                  <span class="strong break-any">{f().name}</span>
                  <Show when={props.ready}>
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
        <Show when={props.problem}>
          <p class="field-error" id="import-file-error" role="alert">
            <span aria-hidden="true">! </span>
            {props.problem}
          </p>
        </Show>
      </div>
      <Show when={props.ready?.warning}>
        {(warning) => (
          <Alert tone="warning" class="import-note">
            {warning()}
          </Alert>
        )}
      </Show>
      <Show when={props.ready?.ignored.length}>
        <p class="field-hint import-note">
          Ignored columns: <span class="break-any">{props.ready!.ignored.join(', ')}</span>
        </p>
      </Show>
    </Section>
  );
}
