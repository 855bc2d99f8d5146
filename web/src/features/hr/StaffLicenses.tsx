import { Index, Show } from 'solid-js';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import type { Form } from '../../lib/forms.ts';
import { type CredentialRow, newCredentialRow } from './staff-form.ts';

const MAX_LICENSES = 20;

/** The staff form's licenses and certifications (their expiry dates raise the managers' alerts). */
export function StaffLicenses(props: {
  rows: CredentialRow[];
  form: Form;
  onChange: (update: (rows: CredentialRow[]) => CredentialRow[]) => void;
}) {
  let ref: HTMLFieldSetElement | undefined;
  const addLicense = () => {
    props.onChange((rows) => [...rows, newCredentialRow()]);
    queueMicrotask(() =>
      ref?.querySelector<HTMLInputElement>(`[name="credentials.${props.rows.length - 1}.name"]`)?.focus(),
    );
  };
  const removeLicense = (i: number) => {
    // Errors are keyed by row number: after a removal they would point at the wrong rows.
    for (const key of Object.keys(props.form.errors())) {
      if (key.startsWith('credentials')) props.form.clearError(key);
    }
    props.onChange((rows) => rows.filter((_, j) => j !== i));
    queueMicrotask(() => ref?.querySelector<HTMLButtonElement>('.hr-add-license')?.focus());
  };
  const setRow = (i: number, field: keyof Omit<CredentialRow, 'key'>) => (v: string) => {
    props.onChange((rows) => rows.map((r, j) => (j === i ? { ...r, [field]: v } : r)));
    props.form.clearError(`credentials.${i}.${field}`);
  };

  return (
    <fieldset class="fieldset stack" name="credentials" ref={ref}>
      <legend class="legend">Licenses and certifications</legend>
      <p class="muted small">
        Managers are reminded 90, 60 and 30 days before a license expires, and on the day.
      </p>
      <Show when={props.rows.length === 0}>
        <p class="small">None listed.</p>
      </Show>
      <Index each={props.rows}>
        {(row, i) => (
          <fieldset class="hr-license-row">
            <legend class="visually-hidden">License {i + 1}</legend>
            <TextField
              label="Name"
              name={`credentials.${i}.name`}
              value={row().name}
              onInput={setRow(i, 'name')}
              error={props.form.error(`credentials.${i}.name`)}
              placeholder="e.g. BLS, RN license"
              maxLength={100}
              required
            />
            <TextField
              label="Number"
              name={`credentials.${i}.number`}
              value={row().number}
              onInput={setRow(i, 'number')}
              error={props.form.error(`credentials.${i}.number`)}
              maxLength={60}
              optional
            />
            <TextField
              label="Expires on"
              name={`credentials.${i}.expiresOn`}
              type="date"
              value={row().expiresOn}
              onInput={setRow(i, 'expiresOn')}
              error={props.form.error(`credentials.${i}.expiresOn`)}
              optional
            />
            <div class="hr-license-remove">
              <Button size="sm" variant="ghost" onClick={() => removeLicense(i)}>
                Remove<span class="visually-hidden"> {row().name || `license ${i + 1}`}</span>
              </Button>
            </div>
          </fieldset>
        )}
      </Index>
      <Show when={props.form.error('credentials')}>
        {(m) => (
          <p class="field-error">
            <span aria-hidden="true">! </span>
            {m()}
          </p>
        )}
      </Show>
      <div>
        <Button
          size="sm"
          class="hr-add-license"
          onClick={addLicense}
          disabled={props.rows.length >= MAX_LICENSES}
        >
          Add a license or certification
        </Button>
      </div>
    </fieldset>
  );
}
