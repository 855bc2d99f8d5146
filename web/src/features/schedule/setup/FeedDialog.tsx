import { createEffect, createSignal, on, Show } from 'solid-js';
import { inRoleGroup } from '../../../../../shared/roles.ts';
import type { Provider } from '../../../../../shared/schemas/scheduling.ts';
import { me } from '../../../app/session.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../../components/ui/Dialog.tsx';
import { Checkbox, TextField } from '../../../components/ui/Field.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { createFeed, type Feed, revokeFeed } from './api.ts';

/**
 * A provider's calendar feed: a secret URL for Google/Apple/Outlook calendars. The URL is shown
 * once (only its hash is stored); a new URL stops the old one; revoking stops it at once.
 */
export function FeedDialog(props: { provider?: Provider; onClose: () => void }) {
  const [showNames, setShowNames] = createSignal(false);
  const [feed, setFeed] = createSignal<Feed>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const isOwner = () => inRoleGroup(me()?.user.role ?? '', 'practiceOwner');
  const hasFeed = () => props.provider?.feedShowsNames !== undefined;

  createEffect(
    on(
      () => props.provider?.id,
      () => {
        setFeed(undefined);
        setError(undefined);
        setShowNames(props.provider?.feedShowsNames ?? false);
      },
    ),
  );

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

  const create = async (p: Provider) => {
    if (hasFeed()) {
      const ok = await confirm({
        title: 'Replace the calendar feed URL?',
        message: <p>Calendars subscribed to the current URL stop updating. Give everyone the new URL.</p>,
        confirmLabel: 'Replace URL',
      });
      if (!ok) return;
    }
    await run(async () => {
      setFeed(await createFeed(p, showNames()));
      toast.success(`Calendar feed ready for ${p.name}`);
    });
  };

  const revoke = async (p: Provider) => {
    const ok = await confirm({
      title: `Turn off ${p.name}’s calendar feed?`,
      message: (
        <p>The URL stops working at once; subscribed calendars keep only what they already fetched.</p>
      ),
      confirmLabel: 'Turn off feed',
    });
    if (!ok) return;
    await run(async () => {
      await revokeFeed(p);
      setFeed(undefined);
      toast.success('Calendar feed turned off');
    });
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success('Copied');
    } catch {
      toast.error('Could not copy; select the URL and copy it yourself');
    }
  };

  return (
    <Dialog
      open={props.provider !== undefined}
      title={`Calendar feed for ${props.provider?.name ?? ''}`}
      onClose={() => props.onClose()}
    >
      <Show when={props.provider}>
        {(p) => (
          <div class="stack">
            <p>
              Subscribe to this URL in Google, Apple or Outlook calendar to see the provider’s visits (30 days
              back, 180 ahead). Anyone with the URL can read it, so share it only with the provider.
            </p>
            <p class="muted">
              Status:{' '}
              {hasFeed()
                ? p().feedShowsNames
                  ? 'on, showing patient names'
                  : 'on, showing “Booked” instead of patient names'
                : 'off'}
            </p>
            <Checkbox
              label="Show patient names in the feed"
              name="showNames"
              checked={showNames()}
              onChange={setShowNames}
              disabled={!isOwner()}
              hint={
                isOwner()
                  ? 'Names leave Rounds and live in the calendar app. Off shows “Booked”.'
                  : 'Only the practice owner can put patient names in a calendar feed.'
              }
            />
            <Show when={feed()}>
              {(f) => (
                <div class="stack">
                  <TextField
                    label="Feed URL (shown once)"
                    name="feedUrl"
                    value={f().url}
                    onInput={() => undefined}
                    readOnly
                    hint="Copy it now: Rounds keeps only a fingerprint of it and cannot show it again."
                  />
                  <div class="button-row">
                    <Button size="sm" onClick={() => copy(f().url)}>
                      Copy URL
                    </Button>
                  </div>
                </div>
              )}
            </Show>
            <FormAlert message={error()} />
            <div class="button-row">
              <Show when={hasFeed()}>
                <Button variant="danger" busy={busy()} onClick={() => revoke(p())}>
                  Turn off feed
                </Button>
              </Show>
              <Button variant="primary" busy={busy()} onClick={() => create(p())}>
                {hasFeed() ? 'Make a new URL' : 'Create feed URL'}
              </Button>
              <Button onClick={() => props.onClose()}>Done</Button>
            </div>
          </div>
        )}
      </Show>
    </Dialog>
  );
}
