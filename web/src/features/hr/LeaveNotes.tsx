import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { LeaveNoteAddSchema } from '../../../../shared/schemas/hr-leave.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { addLeaveNote, listLeaveNotes } from './leave-api.ts';

function NoteList(props: { caseId: string }) {
  const notes = createAsync(() => listLeaveNotes(props.caseId));
  return (
    <Show when={notes()?.items.length} fallback={<p class="small muted">No notes yet.</p>}>
      <ul class="leave-notes">
        <For each={notes()?.items}>
          {(n) => (
            <li>
              <p class="leave-note-text">{n.text}</p>
              <p class="small muted">
                {n.by}, {formatDateTime(n.at)}
              </p>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function AddNote(props: { caseId: string }) {
  const form = createForm();
  const [text, setText] = createSignal('');
  let ref: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(ref, LeaveNoteAddSchema, { text: text() }, async (body) => {
      await addLeaveNote(props.caseId, body);
    });
    if (ok) {
      setText('');
      toast.success('Added the note');
    }
  };
  return (
    <form ref={ref} class="stack" onSubmit={send} novalidate aria-label="Add a confidential note">
      <FormAlert message={form.formError()} />
      <TextAreaField
        label="Note"
        name="text"
        value={text()}
        onInput={(v) => {
          setText(v);
          form.clearError('text');
        }}
        maxLength={5000}
        rows={3}
        error={form.error('text')}
      />
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Add the note
        </Button>
      </div>
    </form>
  );
}

/**
 * The owner's confidential notes: medical detail belongs here, apart from the personnel record. Only
 * rendered for the owner; the API refuses anyone else anyway.
 */
export function LeaveNotes(props: { caseId: string }) {
  return (
    <section class="leave-part" aria-label="Confidential notes">
      <h3 class="leave-h">Confidential notes</h3>
      <p class="small muted">
        Only the practice owner sees these notes; they are kept apart from the personnel record.
      </p>
      <LoadBoundary what="notes" keys={[listLeaveNotes.key]}>
        <NoteList caseId={props.caseId} />
      </LoadBoundary>
      <AddNote caseId={props.caseId} />
    </section>
  );
}
