import { type JSX, Show, splitProps } from 'solid-js';
import { Spinner } from './Spinner.tsx';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends JSX.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
  /** Shows a spinner, disables the button and sets aria-busy. */
  busy?: boolean;
}

export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, [
    'variant',
    'size',
    'busy',
    'class',
    'children',
    'disabled',
    'type',
  ]);
  return (
    <button
      type={local.type ?? 'button'}
      class={`btn btn-${local.variant ?? 'secondary'}${local.size === 'sm' ? ' btn-sm' : ''}${local.class ? ` ${local.class}` : ''}`}
      disabled={local.disabled || local.busy}
      aria-busy={local.busy ? 'true' : undefined}
      {...rest}
    >
      <Show when={local.busy}>
        <Spinner size="sm" label="" />
      </Show>
      {local.children}
    </button>
  );
}
