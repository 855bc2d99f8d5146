import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { SwapSettingsInputSchema } from '../../../../shared/schemas/hr-swaps.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Checkbox } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm } from '../../lib/forms.ts';
import { getSwapSettings, saveSwapSettings } from './swaps-api.ts';

/**
 * The practice's swap setting, for owners and managers: whether the colleague named in a request
 * accepts it before a manager decides. Saved at the version read; requests already asked keep
 * their course.
 */
export function SwapSettingsForm() {
  const settings = createAsync(() => getSwapSettings());
  const [on_, setOn] = createSignal(false);
  createEffect(on(settings, (s) => setOn(s?.colleagueAccepts ?? false)));
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const changed = () => on_() !== (settings()?.colleagueAccepts ?? false);
  return (
    <Show when={settings()}>
      {(s) => (
        <form
          ref={ref}
          class="swaps-settings"
          aria-label="Swap settings"
          novalidate
          onSubmit={async (e) => {
            e.preventDefault();
            const ok = await form.submit(
              ref,
              SwapSettingsInputSchema,
              { colleagueAccepts: on_(), version: s().version },
              async (body) => {
                await saveSwapSettings(body);
              },
            );
            if (ok) {
              toast.success(
                on_()
                  ? 'Saved: the colleague accepts a swap before a manager decides.'
                  : 'Saved: managers decide swaps without asking the colleague first.',
              );
            }
          }}
        >
          <FormAlert message={form.formError()} />
          <Checkbox
            name="colleagueAccepts"
            label="Colleague must accept a swap before a manager decides"
            checked={on_()}
            onChange={setOn}
            hint="The colleague gets it in Today to accept or decline; managers see it once they accept."
          />
          <Show when={changed()}>
            <Button type="submit" size="sm" variant="primary" busy={form.sending()}>
              Save the setting
            </Button>
          </Show>
        </form>
      )}
    </Show>
  );
}
