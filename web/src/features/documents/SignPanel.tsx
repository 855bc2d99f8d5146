import { createSignal, Show } from 'solid-js';
import { type DocumentDetail, SignSchema } from '../../../../shared/schemas/documents.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Checkbox, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { signVersion } from './api.ts';

/**
 * "Read and sign" at the end of the version in force: a read-and-understood box and the signer's typed
 * full name. Once signed, it says when.
 */
export function SignPanel(props: { doc: DocumentDetail }) {
  const [read, setRead] = createSignal(false);
  const [name, setName] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const signOff = () => props.doc.mySignOff;
  const signBy = () => {
    const v = props.doc.published ?? props.doc.latest;
    return v.number === signOff()?.version ? v.signBy : undefined;
  };
  const sign = async (e: SubmitEvent) => {
    e.preventDefault();
    const off = signOff();
    if (!off) return;
    if (!read()) {
      form.setErrors({ read: 'Tick the box to confirm you have read the whole document' });
      return;
    }
    const ok = await form.submit(formRef, SignSchema, { typedName: name() }, async (data) => {
      await signVersion(props.doc.id, off.version, data);
    });
    if (ok) toast.success(`You signed version ${off.version} of ${props.doc.title}.`);
  };
  return (
    <Show when={signOff()?.asked ? signOff() : undefined}>
      {(off) => (
        <Show
          when={!off().signedAt}
          fallback={
            <Alert tone="success" title="Signed">
              You signed version {off().version} on {formatDateTime(off().signedAt)}.
            </Alert>
          }
        >
          <section class="card doc-sign" aria-labelledby="doc-sign-title">
            <div class="card-body">
              <form ref={formRef} class="stack" onSubmit={sign} novalidate>
                <h2 id="doc-sign-title" class="card-title">
                  Read and sign
                </h2>
                <p>
                  You are asked to sign version {off().version} of {props.doc.title}
                  <Show when={signBy()}>{(d) => <> by {formatCalendarDate(d())}</>}</Show>. Your signature
                  records this exact text, your name, the time and where you signed from.
                </p>
                <FormAlert message={form.formError()} />
                <Checkbox
                  name="read"
                  label={`I have read and understood version ${off().version} of ${props.doc.title}.`}
                  checked={read()}
                  onChange={(on) => {
                    setRead(on);
                    form.clearError('read');
                  }}
                  error={form.error('read')}
                />
                <TextField
                  label="Your full name"
                  name="typedName"
                  value={name()}
                  onInput={(v) => {
                    setName(v);
                    form.clearError('typedName');
                  }}
                  autocomplete="name"
                  hint="Type it as your signature."
                  error={form.error('typedName')}
                  maxLength={100}
                />
                <div class="button-row">
                  <Button type="submit" variant="primary" busy={form.sending()}>
                    Sign version {off().version}
                  </Button>
                </div>
              </form>
            </div>
          </section>
        </Show>
      )}
    </Show>
  );
}
