import { Show } from 'solid-js';

/** An animated ring; `label` is read by screen readers (empty when a parent already says it). */
export function Spinner(props: { size?: 'sm' | 'md' | 'lg'; label?: string }) {
  const label = () => props.label ?? 'Loading…';
  return (
    <span class={`spinner spinner-${props.size ?? 'md'}`} role={label() ? 'status' : undefined}>
      <span class="spinner-ring" aria-hidden="true" />
      <Show when={label()}>
        <span class="visually-hidden">{label()}</span>
      </Show>
    </span>
  );
}

/** A centered spinner for a page or panel that is loading. */
export function Loading(props: { label?: string }) {
  return (
    <div class="loading-block">
      <Spinner size="lg" label={props.label ?? 'Loading…'} />
    </div>
  );
}
