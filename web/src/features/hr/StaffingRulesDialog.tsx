import { createEffect, createSignal, Index, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { STAFF_ROLE_LABELS } from '../../../../shared/schemas/hr.ts';
import { type StaffingRules, StaffingRulesInputSchema } from '../../../../shared/schemas/hr-shifts.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { createForm, numberOrUndefined } from '../../lib/forms.ts';
import { getStaffingRules, saveStaffingRules } from './shifts-api.ts';

interface RuleValues {
  staffRole: string;
  perProvider: string;
  minimum: string;
  whenBookedOver: string;
}

const MAX_RULES = 20;
const ROLE_OPTIONS = optionsOf(STAFF_ROLE_LABELS);
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const blankRule = (): RuleValues => ({
  staffRole: 'medical_assistant',
  perProvider: '',
  minimum: '',
  whenBookedOver: '',
});

/** Edit a location's staffing rules: the coverage strip measures every shift against them. */
export function StaffingRulesDialog(props: {
  locationId: string | undefined;
  locationName: string;
  onClose: () => void;
}) {
  const form = createForm();
  const [base, setBase] = createSignal<StaffingRules>();
  const [loadError, setLoadError] = createSignal<string>();
  const [rules, setRules] = createStore<RuleValues[]>([]);
  let formRef: HTMLFormElement | undefined;

  const reset = (r: StaffingRules) => {
    setBase(r);
    setRules(
      // A location without rules opens with one to fill in: the dialog is how rules are first made.
      r.rules.length
        ? r.rules.map((x) => ({
            staffRole: x.staffRole,
            perProvider: num(x.perProvider),
            minimum: num(x.minimum),
            whenBookedOver: num(x.whenBookedOver),
          }))
        : [blankRule()],
    );
    form.setErrors({});
  };

  // Read on open rather than through a suspending read: a dialog must not wait inside a suspended tree.
  const load = (locationId: string) => {
    setBase(undefined);
    setLoadError(undefined);
    form.setFormError(undefined);
    getStaffingRules(locationId).then(
      (r) => {
        if (props.locationId === locationId) reset(r);
      },
      (err) => setLoadError(errorMessage(err)),
    );
  };
  createEffect(
    on(
      () => props.locationId,
      (id) => {
        if (id) load(id);
      },
    ),
  );

  const setRule = (i: number, name: keyof RuleValues) => (v: string) => {
    setRules(i, name, v);
    form.clearError(`rules.${i}.${name}`);
  };
  const addRule = () => setRules(rules.length, blankRule());
  const removeRule = (i: number) => {
    setRules((rs) => rs.filter((_, j) => j !== i));
    // Errors are keyed by position: after a removal they would point at the wrong rows.
    form.setErrors({});
  };

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const b = base();
    const locationId = props.locationId;
    if (!b || !locationId) return;
    const body = {
      rules: rules.map((r) => ({
        staffRole: r.staffRole,
        perProvider: numberOrUndefined(r.perProvider),
        minimum: numberOrUndefined(r.minimum),
        // "While more than N are booked" only qualifies a minimum.
        whenBookedOver: r.minimum.trim() ? numberOrUndefined(r.whenBookedOver) : undefined,
      })),
      version: b.version,
    };
    let stale = false;
    const ok = await form.submit(formRef, StaffingRulesInputSchema, body, async (data) => {
      try {
        await saveStaffingRules(locationId, data.rules, data.version);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) {
      reset(await getStaffingRules(locationId));
      form.setFormError(
        'Someone else saved these rules meanwhile. The form now shows their version: check and save again.',
      );
      return;
    }
    if (ok) {
      toast.success(
        body.rules.length
          ? `Saved the staffing rules of ${props.locationName}. Coverage follows them.`
          : `Removed the staffing rules of ${props.locationName}.`,
      );
      props.onClose();
    }
  };

  return (
    <Dialog
      open={!!props.locationId}
      title={`Staffing rules · ${props.locationName}`}
      onClose={props.onClose}
    >
      <Show
        when={base()}
        fallback={
          <Show when={loadError()} fallback={<Loading label="Loading the staffing rules…" />}>
            {(m) => (
              <div class="stack">
                <Alert title="Couldn't load the staffing rules">{m()}</Alert>
                <div class="button-row">
                  <Button onClick={props.onClose}>Close</Button>
                  <Button variant="primary" onClick={() => props.locationId && load(props.locationId)}>
                    Try again
                  </Button>
                </div>
              </div>
            )}
          </Show>
        }
      >
        <form ref={formRef} class="stack shifts-rules-form" onSubmit={send} novalidate>
          <p class="small muted">
            How many people of each role an hour needs. Each hour the location works (a provider in session or
            a visit booked) is checked against every rule, and the strictest wins.
          </p>
          <FormAlert message={form.formError()} />
          <Index each={rules}>
            {(rule, i) => (
              <fieldset class="shifts-rule">
                <legend class="shifts-rule-legend">
                  Rule {i + 1}
                  <Button size="sm" variant="ghost" onClick={() => removeRule(i)}>
                    Remove<span class="visually-hidden"> rule {i + 1}</span>
                  </Button>
                </legend>
                <SelectField
                  label="Role"
                  name={`rules.${i}.staffRole`}
                  value={rule().staffRole}
                  options={ROLE_OPTIONS}
                  onChange={setRule(i, 'staffRole')}
                  error={form.error(`rules.${i}.staffRole`)}
                  required
                />
                <TextField
                  label="Per provider in session"
                  name={`rules.${i}.perProvider`}
                  type="number"
                  inputMode="decimal"
                  min={0.1}
                  max={10}
                  value={rule().perProvider}
                  onInput={setRule(i, 'perProvider')}
                  error={form.error(`rules.${i}.perProvider`)}
                  hint="1 for one each; 0.5 for one per two providers."
                  optional
                />
                <TextField
                  label="Minimum"
                  name={`rules.${i}.minimum`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={50}
                  value={rule().minimum}
                  onInput={setRule(i, 'minimum')}
                  error={form.error(`rules.${i}.minimum`)}
                  hint="At least this many, whatever the providers."
                  optional
                />
                <TextField
                  label="Only while more than N visits are booked in the hour"
                  name={`rules.${i}.whenBookedOver`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={500}
                  value={rule().whenBookedOver}
                  onInput={setRule(i, 'whenBookedOver')}
                  error={form.error(`rules.${i}.whenBookedOver`)}
                  hint={
                    rule().minimum.trim() ? 'Empty: the minimum applies all day.' : 'Applies to the minimum.'
                  }
                  disabled={!rule().minimum.trim()}
                  optional
                />
              </fieldset>
            )}
          </Index>
          <Show when={rules.length === 0}>
            <p class="small muted">No rules: saving removes them, and coverage is no longer checked.</p>
          </Show>
          <div>
            <Button size="sm" onClick={addRule} disabled={rules.length >= MAX_RULES}>
              Add a rule
            </Button>
          </div>
          <Show when={base()?.texts.length}>
            <div class="shifts-rules-now small">
              <p class="strong">Saved now</p>
              <ul>
                <Index each={base()?.texts ?? []}>{(t) => <li>{t()}</li>}</Index>
              </ul>
            </div>
          </Show>
          <div class="button-row">
            <Button onClick={props.onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Save rules
            </Button>
          </div>
        </form>
      </Show>
    </Dialog>
  );
}
