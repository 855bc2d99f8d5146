import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createMyShiftFeed, getMyShiftFeed, revokeMyShiftFeed } from './shifts-api.ts';

/**
 * One's own shifts in a phone's calendar: a secret URL shown once (only its fingerprint is kept);
 * a new URL stops the old one, and turning it off stops it at once.
 */
export function ShiftFeed() {
  const status = createAsync(() => getMyShiftFeed());
  const [url, setUrl] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    if (status()?.active) {
      const ok = await confirm({
        title: 'Make a new calendar link?',
        message: <p>Calendars subscribed to your current link stop updating; subscribe to the new one.</p>,
        confirmLabel: 'Make a new link',
      });
      if (!ok) return;
    }
    await run(async () => {
      setUrl((await createMyShiftFeed()).url);
      toast.success('Calendar link ready');
    });
  };
  const revoke = async () => {
    const ok = await confirm({
      title: 'Turn off your calendar link?',
      message: <p>The link stops working at once; your calendar keeps only what it already fetched.</p>,
      confirmLabel: 'Turn off link',
    });
    if (!ok) return;
    await run(async () => {
      await revokeMyShiftFeed();
      setUrl(undefined);
      toast.success('Calendar link turned off');
    });
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success('Copied');
    } catch {
      toast.error('Could not copy; select the link and copy it yourself');
    }
  };

  return (
    <div class="stack shifts-feed">
      <p class="small">
        Subscribe in Google, Apple or Outlook calendar to see your published shifts on your phone. Anyone with
        the link can read it: keep it to yourself.
        <Show when={status()?.active && status()?.createdAt}>
          {(at) => <span class="muted"> On since {formatDateTime(at())}.</span>}
        </Show>
      </p>
      <Show when={url()}>
        {(u) => (
          <div class="stack">
            <TextField
              label="Calendar link (shown once)"
              name="shiftFeedUrl"
              value={u()}
              onInput={() => undefined}
              readOnly
              hint="Copy it now: Rounds keeps only a fingerprint of it and cannot show it again."
            />
            <div class="button-row">
              <Button size="sm" onClick={() => copy(u())}>
                Copy link
              </Button>
            </div>
          </div>
        )}
      </Show>
      <FormAlert message={error()} />
      <div class="button-row">
        <Show when={status()?.active}>
          <Button variant="danger" busy={busy()} onClick={revoke}>
            Turn off link
          </Button>
        </Show>
        <Button busy={busy()} onClick={create}>
          {status()?.active ? 'Make a new link' : 'Add my shifts to my calendar'}
        </Button>
      </div>
    </div>
  );
}
