import { createSignal, For, Show } from 'solid-js';
import type { ImportSource } from '../../../../shared/schemas/import-sources.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { ColumnDoc } from './ImportWorkbench.tsx';

/**
 * Step 3 of the import page: where the file comes from (a saved source or a new name) and, for each
 * field of the kind, the file's column that holds it, prefilled from the header names. Columns are
 * only read through this mapping, so a header Rounds has never heard of can still be imported.
 */
export function ImportColumns(props: {
  columns: ColumnDoc[];
  headers: string[] | undefined;
  state: ColumnMapping;
  running: boolean;
  nouns: { one: string; many: string };
}) {
  const options = () =>
    (props.headers ?? []).filter((h) => h.trim() !== '').map((h) => ({ value: h, label: h }));
  return (
    <Section
      title="3. Match the columns"
      id="import-columns"
      description="Each field Rounds reads, and the column of your file that holds it. Columns named as in the template are matched already; change any that are wrong."
    >
      <div class="stack">
        <div class="field">
          <label class="field-label" for="import-source">
            Source <span class="field-optional">(optional)</span>
          </label>
          <input
            id="import-source"
            name="source"
            class="input"
            list="import-source-names"
            maxLength={80}
            autocomplete="off"
            value={props.state.sourceName()}
            disabled={props.running}
            aria-describedby="import-source-hint"
            onInput={(e) => props.state.setSourceName(e.currentTarget.value)}
          />
          <datalist id="import-source-names">
            <For each={props.state.sources()}>{(s) => <option value={s.name} />}</For>
          </datalist>
          <p class="field-hint" id="import-source-hint">
            Where the file comes from, e.g. “Kareo export”. Choose a saved source to match its columns as last
            time, or type a new name: the columns below are saved for it when you import.
          </p>
        </div>
        <Show when={props.state.chosen()}>
          {(s) => (
            <p class="field-hint">
              Using the columns saved for “{s().name}”. Changes are saved for it when you import.
            </p>
          )}
        </Show>
        <Show when={props.headers && props.state.missing().length > 0}>
          <Alert tone="warning" class="import-note">
            This file has no {props.state.missing().length === 1 ? 'column' : 'columns'}{' '}
            {props.state
              .missing()
              .map((h) => `“${h}”`)
              .join(', ')}
            , which “{props.state.chosen()?.name}” used. Choose the columns that hold those fields below.
          </Alert>
        </Show>
        <Show
          when={props.headers}
          fallback={<p class="field-hint">Choose a file above: its columns are matched here.</p>}
        >
          <div class="import-mapping">
            <For each={props.columns}>
              {(c) => (
                <SelectField
                  label={c.name}
                  name={`mapping.${c.name}`}
                  value={props.state.mapping()[c.name] ?? ''}
                  onChange={(v) => props.state.setField(c.name, v)}
                  options={options()}
                  placeholder={c.required ? 'Choose a column' : 'Not in this file'}
                  optional={!c.required}
                  required={c.required}
                  disabled={props.running}
                  error={
                    c.required && props.state.mapping()[c.name] === undefined
                      ? 'Required: choose the column that holds it'
                      : undefined
                  }
                  hint={c.description}
                />
              )}
            </For>
          </div>
        </Show>
        <SavedSources state={props.state} running={props.running} nouns={props.nouns} />
      </div>
    </Section>
  );
}

/** The kind's saved sources, to rename or delete. */
function SavedSources(props: {
  state: ColumnMapping;
  running: boolean;
  nouns: { one: string; many: string };
}) {
  const [editing, setEditing] = createSignal<string | undefined>();
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function act(fn: () => Promise<void>, done: string) {
    setBusy(true);
    try {
      await fn();
      setEditing(undefined);
      toast.success(done);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  async function remove(s: ImportSource) {
    const ok = await confirm({
      title: `Delete the source “${s.name}”?`,
      message: <p>Its saved columns are forgotten. The {props.nouns.many} already imported from it stay.</p>,
      confirmLabel: 'Delete source',
      danger: true,
    });
    if (ok) await act(() => props.state.remove(s), `Deleted “${s.name}”`);
  }

  return (
    <Show when={props.state.sources().length > 0}>
      <details class="import-sources">
        <summary>Saved sources ({props.state.sources().length})</summary>
        <ul class="import-source-list" aria-label="Saved sources">
          <For each={props.state.sources()}>
            {(s) => (
              <li class="import-source">
                <Show
                  when={editing() === s.id}
                  fallback={
                    <>
                      <span class="strong break-any">{s.name}</span>
                      <span class="import-source-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={props.running || busy()}
                          aria-label={`Rename ${s.name}`}
                          onClick={() => {
                            setName(s.name);
                            setEditing(s.id);
                          }}
                        >
                          Rename
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={props.running || busy()}
                          aria-label={`Delete ${s.name}`}
                          onClick={() => void remove(s)}
                        >
                          Delete
                        </Button>
                      </span>
                    </>
                  }
                >
                  <form
                    class="import-source-rename"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const next = name().trim();
                      if (next) void act(() => props.state.rename(s, next), `Renamed to “${next}”`);
                    }}
                  >
                    <TextField
                      label={`New name for ${s.name}`}
                      name="name"
                      value={name()}
                      onInput={setName}
                      maxLength={80}
                    />
                    <Button type="submit" size="sm" variant="primary" busy={busy()} disabled={!name().trim()}>
                      Save name
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(undefined)}>
                      Cancel
                    </Button>
                  </form>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}
