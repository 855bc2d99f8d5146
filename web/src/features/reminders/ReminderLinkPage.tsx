import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type * as z from 'zod/mini';
import type { ReminderLinkViewSchema } from '../../../../shared/schemas/scheduling.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { humanize } from '../../lib/format.ts';

type Visit = z.infer<typeof ReminderLinkViewSchema>;
type Loaded = { visit: Visit } | { invalid: true };
type Action = 'confirm' | 'cancel' | 'opt_out';

const path = (token: string) => `/scheduling/reminder-links/${encodeURIComponent(token)}`;

const getVisit = query(async (token: string): Promise<Loaded> => {
  try {
    return { visit: await api<Visit>(path(token), { auth: false }) };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return { invalid: true };
    throw err;
  }
}, 'reminderLink');

const DONE: Record<Action, string> = {
  confirm: 'Thank you: your visit is confirmed.',
  cancel: 'Your visit is cancelled. Call the office to book a new time.',
  opt_out: 'You will get no more appointment reminders by email.',
};

/** The page a reminder mail links to: confirm, cancel or stop reminders, no sign-in needed. */
export function ReminderLinkPage(props: { token: string }) {
  const loaded = createAsync(() => getVisit(props.token));
  const [done, setDone] = createSignal<Action>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal<Action>();

  const act = async (action: Action) => {
    if (
      action === 'cancel' &&
      !(await confirm({
        title: 'Cancel this visit?',
        message: 'The time goes to another patient. To come another day, call the office.',
        confirmLabel: 'Cancel visit',
        cancelLabel: 'Keep visit',
        danger: true,
      }))
    ) {
      return;
    }
    setBusy(action);
    setError(undefined);
    try {
      await api(path(props.token), { method: 'POST', body: { action }, auth: false });
      setDone(action);
      await revalidate(getVisit.keyFor(props.token));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <AuthLayout>
      <Show when={loaded.latest} fallback={<Loading label="Loading your visit…" />}>
        {(l) => (
          <Switch>
            <Match when={'invalid' in l()}>
              <PageHeader title="This link is no longer valid" />
              <p>Reminder links stop working after the visit. Call the office if you need to change it.</p>
            </Match>
            <Match when={'visit' in l() && (l() as { visit: Visit }).visit}>
              {(visit) => (
                <>
                  <PageHeader
                    title={`Your visit at ${visit().practiceName}`}
                    description={`${visit().date} at ${visit().time} with ${visit().providerName}, ${visit().locationName}`}
                  />
                  <p>
                    Status: <strong>{humanize(visit().status)}</strong>
                  </p>
                  <Show when={done()}>{(action) => <Alert tone="success">{DONE[action()]}</Alert>}</Show>
                  <FormAlert message={error()} />
                  <div class="stack">
                    <Show when={visit().status === 'scheduled'}>
                      <Button
                        variant="primary"
                        class="btn-block"
                        busy={busy() === 'confirm'}
                        onClick={() => act('confirm')}
                      >
                        Confirm my visit
                      </Button>
                    </Show>
                    <Show when={['scheduled', 'confirmed'].includes(visit().status)}>
                      <Button class="btn-block" busy={busy() === 'cancel'} onClick={() => act('cancel')}>
                        Cancel my visit
                      </Button>
                    </Show>
                    <Button
                      variant="ghost"
                      class="btn-block"
                      busy={busy() === 'opt_out'}
                      onClick={() => act('opt_out')}
                    >
                      Stop reminder emails
                    </Button>
                  </div>
                </>
              )}
            </Match>
          </Switch>
        )}
      </Show>
    </AuthLayout>
  );
}
