import { createUniqueId, For, type JSX, Show } from 'solid-js';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: JSX.Element;
  error?: string;
  optional?: boolean;
  labelHidden?: boolean;
  class?: string;
  children: JSX.Element;
}

/** Label above, control, hint and error text below (linked with aria-describedby). */
function FieldShell(props: FieldShellProps) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id} class={props.labelHidden ? 'visually-hidden' : 'field-label'}>
        {props.label}
        <Show when={props.optional}>
          <span class="field-optional"> (optional)</span>
        </Show>
      </label>
      {props.children}
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          <span aria-hidden="true">! </span>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface TextFieldProps {
  label: string;
  /** The schema path ("owner.email"): server errors are matched to the field by it. */
  name: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'time' | 'search';
  error?: string;
  hint?: JSX.Element;
  optional?: boolean;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'url' | 'decimal' | 'search';
  placeholder?: string;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  labelHidden?: boolean;
  class?: string;
  inputClass?: string;
  id?: string;
  spellcheck?: boolean;
  autocapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
}

export function TextField(props: TextFieldProps) {
  const generated = createUniqueId();
  const id = () => props.id ?? `f-${generated}`;
  return (
    <FieldShell
      id={id()}
      label={props.label}
      hint={props.hint}
      error={props.error}
      optional={props.optional}
      labelHidden={props.labelHidden}
      class={props.class}
    >
      <input
        id={id()}
        name={props.name}
        class={`input${props.inputClass ? ` ${props.inputClass}` : ''}`}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id(), props.hint, props.error)}
        aria-required={props.required ? 'true' : undefined}
        disabled={props.disabled}
        readOnly={props.readOnly}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        spellcheck={props.spellcheck}
        autocapitalize={props.autocapitalize}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** A first, empty choice ("Choose…") for selects without a default. */
  placeholder?: string;
  error?: string;
  hint?: JSX.Element;
  optional?: boolean;
  required?: boolean;
  disabled?: boolean;
  labelHidden?: boolean;
  class?: string;
  id?: string;
}

/** A field's label and an empty control box: holds a field's place while the field itself waits. */
export function FieldPlaceholder(props: { label: string }) {
  return (
    <div class="field" aria-hidden="true">
      <span class="field-label">{props.label}</span>
      <div class="input" />
    </div>
  );
}

export function SelectField(props: SelectFieldProps) {
  const generated = createUniqueId();
  const id = () => props.id ?? `f-${generated}`;
  return (
    <FieldShell
      id={id()}
      label={props.label}
      hint={props.hint}
      error={props.error}
      optional={props.optional}
      labelHidden={props.labelHidden}
      class={props.class}
    >
      <div class="select-wrap">
        <select
          id={id()}
          name={props.name}
          class="input select"
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(id(), props.hint, props.error)}
          aria-required={props.required ? 'true' : undefined}
          disabled={props.disabled}
        >
          <Show when={props.placeholder !== undefined}>
            <option value="">{props.placeholder}</option>
          </Show>
          <For each={props.options}>
            {(o) => (
              <option value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      </div>
    </FieldShell>
  );
}

export interface CheckboxProps {
  label: JSX.Element;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  hint?: JSX.Element;
  disabled?: boolean;
  class?: string;
  id?: string;
}

export function Checkbox(props: CheckboxProps) {
  const generated = createUniqueId();
  const id = () => props.id ?? `f-${generated}`;
  return (
    <div
      class={`checkbox-field${props.error ? ' field-invalid' : ''}${props.class ? ` ${props.class}` : ''}`}
    >
      <div class="checkbox-row">
        <input
          id={id()}
          name={props.name}
          type="checkbox"
          class="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(id(), props.hint, props.error)}
          disabled={props.disabled}
        />
        <label for={id()}>{props.label}</label>
      </div>
      <Show when={props.hint}>
        <p id={`${id()}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${id()}-error`} class="field-error">
          <span aria-hidden="true">! </span>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** Options from a value→label map (SPECIALTIES, REGIONS...). */
export function optionsOf(map: Record<string, string>): Option[] {
  return Object.entries(map).map(([value, label]) => ({ value, label }));
}
