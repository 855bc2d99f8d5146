import { createAsync } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { QUIET_HOURS, UpdateReminderSettingsSchema } from '../../../../../shared/schemas/scheduling.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Checkbox, TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { Loading } from '../../../components/ui/Spinner.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { formatLocalTime } from '../../../lib/format.ts';
import { createForm, numberOrUndefined } from '../../../lib/forms.ts';
import { getReminderSettings, saveReminderSettings } from './api.ts';

/** When patients get visit reminders: up to three rules, never in quiet hours. */
export function RemindersTab() {
  const settings = createAsync(() => getReminderSettings());
  const [v, setV] = createStore({ enabled: true, hours: ['72', '24', ''] });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  createEffect(() => {
    const s = settings();
    if (s) setV({ enabled: s.enabled, hours: [0, 1, 2].map((i) => String(s.hoursBefore[i] ?? '')) });
  });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const current = settings();
    if (!current) return;
    const hoursBefore = v.hours.map(numberOrUndefined).filter((h): h is number => h !== undefined);
    const body = { enabled: v.enabled, hoursBefore, version: current.version };
    const ok = await form.submit(ref, UpdateReminderSettingsSchema, body, async (data) => {
      await saveReminderSettings(data);
    });
    if (ok) toast.success('Reminder rules saved');
  };
  return (
    <Section
      title="Visit reminders"
      id="reminders"
      description={`Sent by email or text (as each patient prefers) with a link to confirm or cancel. Never between ${formatLocalTime(QUIET_HOURS.from)} and ${formatLocalTime(QUIET_HOURS.until)} local time: a reminder due then goes out earlier, at ${formatLocalTime('20:45')}.`}
    >
      <Show when={settings()} fallback={<Loading label="Loading reminder rules…" />}>
        <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Reminder rules">
          <Checkbox
            label="Send visit reminders"
            name="enabled"
            checked={v.enabled}
            onChange={(x) => setV('enabled', x)}
          />
          <fieldset class="fieldset" disabled={!v.enabled}>
            <legend class="legend">Hours before the visit (up to three)</legend>
            <div class="form-row">
              <For each={[0, 1, 2]}>
                {(i) => (
                  <TextField
                    label={`Reminder ${i + 1}`}
                    name={`hoursBefore.${i}`}
                    type="number"
                    inputMode="numeric"
                    value={v.hours[i] ?? ''}
                    onInput={(x) => setV('hours', i, x)}
                    error={form.error(`hoursBefore.${i}`)}
                    hint={i === 0 ? 'Like 72 for three days before' : undefined}
                    optional={i > 0}
                    min={1}
                    max={336}
                  />
                )}
              </For>
            </div>
            <input type="hidden" name="hoursBefore" />
            <FormAlert message={form.error('hoursBefore')} />
          </fieldset>
          <p class="muted">
            New rules apply to visits booked from now on. Turning reminders off also stops reminders already
            queued for booked visits.
          </p>
          <FormAlert message={form.formError()} />
          <div>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Save reminder rules
            </Button>
          </div>
        </form>
      </Show>
    </Section>
  );
}
