import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type * as z from 'zod/mini';
import { patientDateTime } from '../../../../shared/locale.ts';
import type { ReminderLinkViewSchema } from '../../../../shared/schemas/scheduling.ts';
import { PatientLayout } from '../../app/PatientLayout.tsx';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
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
  opt_out: 'You will get no more appointment reminders.',
};

/** A phone number as a tel: link target: its digits (and a leading +). */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * The page a reminder mail or text links to: the visit in the practice's brand, written for the
 * patient (same words as the mail), with confirm, cancel and stop-reminders. No sign-in needed.
 */
export function ReminderLinkPage(props: { token: string }) {
  const loaded = createAsync(() => getVisit(props.token));
  const [done, setDone] = createSignal<Action>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal<Action>();
  const visit = () => {
    const l = loaded.latest;
    return l && 'visit' in l ? l.visit : undefined;
  };
  const practice = () => {
    const v = visit();
    return v ? { name: v.practiceName, branding: v.branding } : undefined;
  };

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
    <PatientLayout practice={practice()} title="Your visit">
      <Switch fallback={<Loading label="Loading your visit…" />}>
        <Match when={loaded.latest && 'invalid' in loaded.latest}>
          <h1>This link is no longer valid</h1>
          <p>Reminder links stop working after the visit. Call the office if you need to change it.</p>
        </Match>
        <Match when={visit()}>
          {(v) => (
            <>
              <h1>Your visit at {v().practiceName}</h1>
              <dl class="patient-facts">
                <div>
                  <dt>When</dt>
                  <dd class="patient-when">
                    {patientDateTime(v().date, v().time, v().timeZone, v().locale)}
                  </dd>
                </div>
                <Show when={v().providerName}>
                  <div>
                    <dt>With</dt>
                    <dd>{v().providerName}</dd>
                  </div>
                </Show>
                <div>
                  <dt>Where</dt>
                  <dd>
                    {v().locationName}
                    <br />
                    {v().locationAddress.line1}
                    <Show when={v().locationAddress.line2}>
                      <br />
                      {v().locationAddress.line2}
                    </Show>
                    <br />
                    {v().locationAddress.city}, {v().locationAddress.state} {v().locationAddress.postalCode}
                  </dd>
                </div>
                <div>
                  <dt>Phone</dt>
                  <dd>
                    <a href={telHref(v().locationPhone)}>{v().locationPhone}</a>
                  </dd>
                </div>
              </dl>
              <p>
                Status: <strong>{humanize(v().status)}</strong>
              </p>
              <Show when={done()}>{(action) => <Alert tone="success">{DONE[action()]}</Alert>}</Show>
              <FormAlert message={error()} />
              <div class="stack">
                <Show when={v().status === 'scheduled'}>
                  <Button
                    variant="primary"
                    class="btn-block"
                    busy={busy() === 'confirm'}
                    onClick={() => act('confirm')}
                  >
                    Confirm my visit
                  </Button>
                </Show>
                <Show when={['scheduled', 'confirmed'].includes(v().status)}>
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
                  Stop reminders
                </Button>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </PatientLayout>
  );
}
