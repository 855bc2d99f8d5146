import { For, type JSX, Show } from 'solid-js';
import { Alert } from '../../components/ui/Alert.tsx';
import { plural, type Run, rowsWithErrors } from './import-run.ts';
import { RowErrors } from './RowErrors.tsx';

/** Progress, counts and outcome of the latest preview or import. */
export function RunReport<E>(props: {
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
