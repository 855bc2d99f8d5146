import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  type Assignee,
  TODAY_PRIORITIES,
  type TodayPriority,
  TodayRequestInputSchema,
} from '../../../../shared/schemas/today.ts';
import { parseTodayLine } from '../../../../shared/today-parse.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatLocalDay } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { addRequest, getAssignees } from './api.ts';
import { assigneeOptions, fromAssigneeValue, toAssigneeValue } from './assignee.ts';

const PRIORITY_LABELS: Record<TodayPriority, string> = { high: 'High', normal: 'Normal', low: 'Low' };
const EMPTY = { detail: '', requestedBy: '', forWhom: '', assignee: '', dueDate: '', priority: '' };

/**
 * The manager's notepad: one line ("call Aetna rep re: denials fri @billing !") is read as it is
 * typed and shown back as chips; details (who asked, for whom, assignee, date) are one click away
 * and win over what the line said.
 */
export function JotBar(props: { today: string }) {
  const assignees = createAsync(() => getAssignees());
  const [line, setLine] = createSignal('');
  const [details, setDetails] = createSignal(false);
  const [v, setV] = createStore({ ...EMPTY });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  let input: HTMLInputElement | undefined;

  const team = () => assignees()?.people.map((p) => ({ userId: p.userId, name: p.name })) ?? [];
  const parsed = createMemo(() => parseTodayLine(line(), props.today, team()));

  const body = () => {
    const p = parsed();
    const assignee: Assignee | undefined = v.assignee ? fromAssigneeValue(v.assignee) : p.assignee;
    return {
      title: p.title,
      detail: optional(v.detail),
      requestedBy: optional(v.requestedBy),
      forWhom: optional(v.forWhom),
      dueDate: optional(v.dueDate) ?? p.dueDate,
      priority: (optional(v.priority) as TodayPriority | undefined) ?? p.priority,
      ...(assignee ? { assignee } : {}),
    };
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(ref, TodayRequestInputSchema, body(), async (data) => {
      await addRequest(data);
    });
    if (ok) {
      toast.success(`Added “${parsed().title}”`);
      setLine('');
      setV({ ...EMPTY });
      input?.focus();
    }
  };

  return (
    <section class="card jot" aria-labelledby="jot-title">
      <div class="card-body">
        <h2 id="jot-title" class="visually-hidden">
          Jot down a request
        </h2>
        <form ref={ref} class="form" novalidate onSubmit={submit} aria-label="Jot down a request">
          <div class="jot-line">
            <div class="field jot-input">
              <label for="jot-text" class="field-label">
                What needs doing?
              </label>
              <input
                ref={input}
                id="jot-text"
                name="title"
                class="input"
                value={line()}
                onInput={(e) => setLine(e.currentTarget.value)}
                placeholder="call Aetna rep re: denials fri @billing"
                autocomplete="off"
                maxLength={300}
                aria-invalid={form.error('title') ? 'true' : undefined}
                aria-describedby="jot-hint"
              />
              <p id="jot-hint" class="field-hint">
                Add a day (fri, tomorrow, 12/5), @role or @name, and ! for urgent.
              </p>
              <Show when={form.error('title')}>
                <p class="field-error">{form.error('title')}</p>
              </Show>
            </div>
            <div class="jot-actions">
              <Button variant="primary" type="submit" busy={form.sending()}>
                Add
              </Button>
              <Button
                aria-expanded={details() ? 'true' : 'false'}
                aria-controls="jot-details"
                onClick={() => setDetails(!details())}
              >
                Details
              </Button>
            </div>
          </div>
          <Show when={parsed().found.length > 0}>
            <ul class="chips" aria-label="Understood">
              <For each={parsed().found}>
                {(f) => (
                  <li class="chip">
                    {f.meaning.startsWith('Due ') ? `Due ${formatLocalDay(f.meaning.slice(4))}` : f.meaning}
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={details()}>
            <div id="jot-details" class="form-grid jot-details">
              <TextField
                label="Who asked"
                name="requestedBy"
                value={v.requestedBy}
                onInput={(x) => setV('requestedBy', x)}
                error={form.error('requestedBy')}
                placeholder="Dr. Hopper"
                optional
              />
              <TextField
                label="For whom"
                name="forWhom"
                value={v.forWhom}
                onInput={(x) => setV('forWhom', x)}
                error={form.error('forWhom')}
                placeholder="A patient, a provider"
                optional
              />
              <SelectField
                label="Assign to"
                name="assignee"
                value={v.assignee || (parsed().assignee ? toAssigneeValue(parsed().assignee!) : '')}
                onChange={(x) => setV('assignee', x)}
                options={assigneeOptions(assignees())}
                placeholder="Me"
                error={form.error('assignee')}
                optional
              />
              <TextField
                label="Due"
                name="dueDate"
                type="date"
                value={v.dueDate || parsed().dueDate || ''}
                onInput={(x) => setV('dueDate', x)}
                error={form.error('dueDate')}
                optional
              />
              <SelectField
                label="Priority"
                name="priority"
                value={v.priority || parsed().priority || 'normal'}
                onChange={(x) => setV('priority', x)}
                options={TODAY_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
              />
              <TextField
                label="Notes"
                name="detail"
                value={v.detail}
                onInput={(x) => setV('detail', x)}
                error={form.error('detail')}
                optional
              />
            </div>
          </Show>
          <FormAlert message={form.formError()} />
        </form>
      </div>
    </section>
  );
}
