import { createSignal, Show } from 'solid-js';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { ApiError } from '../../lib/api.ts';

/** The API refused a time as outside the provider's hours (an override can book it anyway). */
export const isOutsideHours = (err: unknown) => err instanceof ApiError && err.code === 'outside_hours';

/**
 * After "outside the provider's hours": an owner or manager books or moves it anyway with a reason
 * (kept on the visit and in the audit log); anyone else is told who can.
 */
export function OverrideHours(props: { action: string; busy: boolean; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string>();
  const manager = () => (me() ? canAccess(me()!, 'schedule-admin') : false);
  const confirm = () => {
    if (reason().trim().length < 3) {
      setError('Say why, in at least 3 characters (for example “Post-op check”)');
      return;
    }
    setError(undefined);
    props.onConfirm(reason().trim());
  };
  return (
    <Show
      when={manager()}
      fallback={<p class="muted">Ask an owner or practice manager to book outside the provider’s hours.</p>}
    >
      <div class="override stack">
        <TextField
          label="Reason for booking outside hours"
          name="overrideReason"
          value={reason()}
          onInput={setReason}
          error={error()}
          hint="Kept on the visit and in the audit log."
          required
        />
        <div>
          <Button variant="primary" busy={props.busy} onClick={confirm}>
            {props.action}
          </Button>
        </div>
      </div>
    </Show>
  );
}
