import { createUniqueId, Show } from 'solid-js';

/** A labelled multi-line field (messages, review comments) with hint and error like TextField. */
export function TextAreaField(props: {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  const id = `f-${createUniqueId()}`;
  const describedBy = () =>
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={id} class="field-label">
        {props.label}
        <Show when={props.optional}>
          <span class="field-optional"> (optional)</span>
        </Show>
      </label>
      <textarea
        id={id}
        name={props.name}
        class="input doc-textarea"
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
      />
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">! </span>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
