import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { Button } from '../../components/ui/Button.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { getPreferences, setPreferences } from './api.ts';

/** The per-person opt-out of the 07:00 email that lists what is overdue and due today. */
export function MorningEmail() {
  const prefs = createAsync(() => getPreferences());
  const [busy, setBusy] = createSignal(false);
  const toggle = async () => {
    const next = !prefs()?.digest;
    setBusy(true);
    try {
      await setPreferences({ digest: next });
      toast.success(next ? 'Morning email on' : 'Morning email off');
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not change the morning email');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={prefs()}>
      {(p) => (
        <p class="muted small morning-email">
          Morning email: <strong>{p().digest ? 'on' : 'off'}</strong> — at 7:00 AM, when something is overdue
          or due that day.{' '}
          <Button size="sm" onClick={toggle} busy={busy()}>
            {p().digest ? 'Turn off' : 'Turn on'}
          </Button>
        </p>
      )}
    </Show>
  );
}
