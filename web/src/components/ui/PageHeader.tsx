import { createEffect, type JSX, Show } from 'solid-js';

/** The page's h1, a one-line description and actions; also sets the document title. */
export function PageHeader(props: {
  title: string;
  /** The browser tab's title when it should differ from the heading (e.g. "Home"). */
  documentTitle?: string;
  description?: JSX.Element;
  actions?: JSX.Element;
}) {
  createEffect(() => {
    document.title = `${props.documentTitle ?? props.title} · Rounds`;
  });
  return (
    <div class="page-header">
      <div class="page-header-text">
        <h1>{props.title}</h1>
        <Show when={props.description}>
          <p class="page-description">{props.description}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="page-actions">{props.actions}</div>
      </Show>
    </div>
  );
}

/** A titled card section of a page (h2). */
export function Section(props: {
  title: string;
  id?: string;
  description?: JSX.Element;
  actions?: JSX.Element;
  children: JSX.Element;
  class?: string;
}) {
  const headingId = () => (props.id ? `${props.id}-title` : undefined);
  return (
    <section
      class={`card${props.class ? ` ${props.class}` : ''}`}
      aria-labelledby={headingId()}
      id={props.id}
    >
      <div class="card-header">
        <div>
          <h2 id={headingId()} class="card-title">
            {props.title}
          </h2>
          <Show when={props.description}>
            <p class="card-description">{props.description}</p>
          </Show>
        </div>
        <Show when={props.actions}>
          <div class="card-actions">{props.actions}</div>
        </Show>
      </div>
      <div class="card-body">{props.children}</div>
    </section>
  );
}
