import { type Accessor, createSignal, type JSX, onCleanup, Show } from 'solid-js';

/**
 * False in the render that calls it, true one task later. A part of a page that can come a moment
 * after the rest (what lies below the first screenful, say) is put behind it, so the page is built
 * in two tasks, each short enough not to hold up a tap, instead of one long one (on a mid-range
 * phone a single task of a day's schedule takes a fifth of a second).
 */
export function createLater(): Accessor<boolean> {
  const [ready, setReady] = createSignal(false);
  const timer = setTimeout(() => setReady(true));
  onCleanup(() => clearTimeout(timer));
  return ready;
}

/**
 * Its children a task after the rest of the render, the fallback (which should hold their place)
 * until then. For a costly part of a page's first screen, e.g. a phone's first date input or select
 * of a page, which alone can take tens of milliseconds.
 */
export function Later(props: { fallback: JSX.Element; children: JSX.Element }) {
  const ready = createLater();
  return (
    <Show when={ready()} fallback={props.fallback}>
      {props.children}
    </Show>
  );
}
