import { createSignal, For } from 'solid-js';

interface ToastItem {
  id: number;
  tone: 'success' | 'error' | 'info';
  message: string;
}

const [items, setItems] = createSignal<ToastItem[]>([]);
let nextId = 1;

function push(tone: ToastItem['tone'], message: string, ms = 6000): void {
  const id = nextId++;
  setItems((list) => [...list.slice(-3), { id, tone, message }]);
  window.setTimeout(() => dismiss(id), ms);
}

function dismiss(id: number): void {
  setItems((list) => list.filter((t) => t.id !== id));
}

/** Short confirmations and failures that do not belong to one field. */
export const toast = {
  success: (message: string) => push('success', message),
  error: (message: string) => push('error', message, 9000),
  info: (message: string) => push('info', message),
};

/** Rendered once by the root layout; a polite live region announces each toast. */
export function ToastHost() {
  return (
    <section class="toasts" aria-label="Notifications">
      <ul class="toast-list" aria-live="polite" aria-relevant="additions">
        <For each={items()}>
          {(t) => (
            <li class={`toast toast-${t.tone}`}>
              <span class="toast-message">{t.message}</span>
              <button
                type="button"
                class="toast-close"
                aria-label="Dismiss notification"
                onClick={() => dismiss(t.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
