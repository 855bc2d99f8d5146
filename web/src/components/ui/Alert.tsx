import { type JSX, Show } from 'solid-js';

/** A form-level or page-level message. Errors are announced (role=alert) and can take focus. */
export function Alert(props: {
  tone?: 'error' | 'info' | 'success' | 'warning';
  title?: string;
  children?: JSX.Element;
  class?: string;
}) {
  const tone = () => props.tone ?? 'error';
  return (
    <div
      class={`alert alert-${tone()}${tone() === 'error' ? ' form-alert' : ''}${props.class ? ` ${props.class}` : ''}`}
      role={tone() === 'error' ? 'alert' : 'status'}
      tabindex="-1"
    >
      <Show when={props.title}>
        <p class="alert-title">{props.title}</p>
      </Show>
      <div class="alert-body">{props.children}</div>
    </div>
  );
}

/** The alert a form shows above its submit button when something failed. */
export function FormAlert(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <Alert tone="error">{props.message}</Alert>
    </Show>
  );
}
