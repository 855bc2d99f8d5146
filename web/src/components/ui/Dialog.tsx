import { createEffect, createMemo, createSignal, type JSX, onCleanup, Show } from 'solid-js';
import { Button } from './Button.tsx';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
  footer?: JSX.Element;
  /** The element (inside the dialog) that gets focus on open; the first button otherwise. */
  initialFocus?: () => HTMLElement | undefined;
  role?: 'dialog' | 'alertdialog';
}

let dialogSeq = 0;

/**
 * A modal built on <dialog>.showModal(): focus is trapped, the page behind is inert, Escape
 * closes it, and focus returns to whatever opened it.
 */
export function Dialog(props: DialogProps) {
  let ref: HTMLDialogElement | undefined;
  let opener: HTMLElement | null = null;
  const id = `dlg-${++dialogSeq}`;

  createEffect(() => {
    if (!ref) return;
    if (props.open && !ref.open) {
      opener = document.activeElement as HTMLElement | null;
      ref.showModal();
      const target = props.initialFocus?.() ?? ref.querySelector<HTMLElement>('[data-autofocus]');
      target?.focus();
    } else if (!props.open && ref.open) {
      ref.close();
    }
  });
  onCleanup(() => {
    if (ref?.open) ref.close();
  });

  return (
    <dialog
      ref={ref}
      class="dialog"
      role={props.role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClose={() => {
        if (opener?.isConnected) opener.focus();
        opener = null;
      }}
    >
      <div class="dialog-content">
        <h2 id={`${id}-title`} class="dialog-title">
          {props.title}
        </h2>
        <div id={`${id}-body`} class="dialog-body">
          {props.children}
        </div>
        <Show when={props.footer}>
          <div class="dialog-footer">{props.footer}</div>
        </Show>
      </div>
    </dialog>
  );
}

interface ConfirmRequest {
  title: string;
  message: JSX.Element;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  resolve: (ok: boolean) => void;
}

const [request, setRequest] = createSignal<ConfirmRequest | null>(null);

/**
 * Asks before a destructive action: `if (!(await confirm({...}))) return;`.
 * Rendered by <ConfirmHost/> in the root layout; Cancel has focus first.
 */
export function confirm(opts: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  request()?.resolve(false);
  return new Promise((resolve) => setRequest({ ...opts, resolve }));
}

export function ConfirmHost() {
  let cancelRef: HTMLButtonElement | undefined;
  const answer = (ok: boolean) => {
    const r = request();
    setRequest(null);
    r?.resolve(ok);
  };
  // Built on the first confirm() and kept from then on: every page's first render would otherwise
  // build a closed dialog and its buttons (a quarter of the app's first render, before any page).
  const asked = createMemo((was: boolean) => was || request() !== null, false);
  return (
    <Show when={asked()}>
      <Dialog
        open={request() !== null}
        title={request()?.title ?? ''}
        role="alertdialog"
        onClose={() => answer(false)}
        initialFocus={() => cancelRef}
        footer={
          <>
            <Button ref={cancelRef} onClick={() => answer(false)}>
              {request()?.cancelLabel ?? 'Cancel'}
            </Button>
            <Button
              variant={request()?.danger === false ? 'primary' : 'danger'}
              class={request()?.danger === false ? undefined : 'btn-danger-solid'}
              onClick={() => answer(true)}
            >
              {request()?.confirmLabel ?? 'Confirm'}
            </Button>
          </>
        }
      >
        {request()?.message}
      </Dialog>
    </Show>
  );
}
