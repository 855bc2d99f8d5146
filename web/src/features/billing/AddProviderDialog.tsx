import { createSignal, Show } from 'solid-js';
import { ProviderAddSchema } from '../../../../shared/schemas/billing-credentialing.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm } from '../../lib/forms.ts';
import { addCredentialingProvider } from './credentialing-api.ts';

/** "Add provider": an NPI (checked digit by digit) and the name payers know them by. */
export function AddProviderDialog(props: { open: boolean; onClose: () => void }) {
  const form = createForm();
  const [npi, setNpi] = createSignal('');
  const [name, setName] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  const close = () => {
    form.setErrors({});
    form.setFormError(undefined);
    setNpi('');
    setName('');
    props.onClose();
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(
      formRef,
      ProviderAddSchema,
      { npi: npi().trim(), name: name() },
      async (data) => {
        await addCredentialingProvider(data);
      },
    );
    if (ok) {
      toast.success(`${name().trim()} is listed. Click a payer's cell to record their credentialing.`);
      close();
    }
  };
  return (
    <Dialog open={props.open} title="Add a provider" onClose={close}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <Show when={form.formError()}>
          <FormAlert message={form.formError()} />
        </Show>
        <TextField
          label="NPI"
          name="npi"
          value={npi()}
          inputMode="numeric"
          maxLength={10}
          onInput={(v) => {
            setNpi(v);
            form.clearError('npi');
          }}
          error={form.error('npi')}
          hint="The provider's 10-digit National Provider Identifier."
          required
        />
        <TextField
          label="Name"
          name="name"
          value={name()}
          maxLength={100}
          onInput={(v) => {
            setName(v);
            form.clearError('name');
          }}
          error={form.error('name')}
          required
        />
        <div class="button-row">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Add provider
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
