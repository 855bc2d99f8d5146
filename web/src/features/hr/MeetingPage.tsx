import { A, createAsync, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { PRACTICE_ROLES, ROLE_LABELS } from '../../../../shared/roles.ts';
import {
  type ActionItem,
  ActionItemInputSchema,
  AgendaTopicInputSchema,
  type MeetingDetail,
  MeetingUpdateSchema,
} from '../../../../shared/schemas/hr-meetings.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { formatCalendarDate, formatLocalDayTime } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { HrNav } from './HrNav.tsx';
import { addAction, addTopic, completeAction, getMeeting, updateMeeting } from './meetings-api.ts';
import { listAllCurrentStaff } from './staff-api.ts';
import { today } from './staff-format.ts';
import './meetings.css';

const isAdmin = () => {
  const m = me();
  return m ? canAccess(m, 'hr-admin') : false;
};

/** Whether the signed-in user may mark this action item done: managers, or its owner. */
function mayComplete(a: ActionItem): boolean {
  const m = me();
  if (!m) return false;
  return isAdmin() || a.ownerUserId === m.user.id || a.ownerRole === m.user.role;
}

function ActionRow(props: { action: ActionItem; carried?: boolean }) {
  const [busy, setBusy] = createSignal(false);
  const overdue = () => props.action.status === 'open' && props.action.dueDate < today();
  const done = async () => {
    setBusy(true);
    try {
      await completeAction(props.action);
      toast.success(`Done: ${props.action.title}`);
    } catch (err) {
      toast.error(isStale(err) ? 'Someone else changed this action item; reloaded.' : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="meet-action">
      <div class="meet-action-text">
        <span class={props.action.status === 'done' ? 'meet-done' : 'strong'}>{props.action.title}</span>
        <span class="muted small">
          {props.action.ownerName} · due {formatCalendarDate(props.action.dueDate)}
          <Show when={props.carried}>
            {' '}
            · carried over from {formatCalendarDate(props.action.meetingDate)}
          </Show>
        </span>
      </div>
      <div class="meet-action-state">
        <Show when={overdue()}>
          <Badge tone="danger">Overdue</Badge>
        </Show>
        <Show
          when={props.action.status === 'open'}
          fallback={
            <Badge tone="success">
              Done{props.action.doneByName ? ` by ${props.action.doneByName}` : ''}
            </Badge>
          }
        >
          <Show when={mayComplete(props.action)}>
            <Button size="sm" busy={busy()} onClick={done}>
              Mark done
            </Button>
          </Show>
        </Show>
      </div>
    </li>
  );
}

/** Anyone in the practice adds a topic. */
function TopicForm(props: { meetingId: string }) {
  const form = createForm();
  const [title, setTitle] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(formRef, AgendaTopicInputSchema, { title: title() }, async (data) => {
      await addTopic(props.meetingId, data);
    });
    if (ok) {
      setTitle('');
      toast.success('Added to the agenda.');
    }
  };
  return (
    <form ref={formRef} class="meet-inline-form" onSubmit={send} novalidate aria-label="Add a topic">
      <FormAlert message={form.formError()} />
      <TextField
        label="Add a topic"
        name="title"
        value={title()}
        onInput={(v) => {
          setTitle(v);
          form.clearError('title');
        }}
        error={form.error('title')}
        placeholder="What should we talk about?"
        maxLength={200}
      />
      <Button type="submit" busy={form.sending()}>
        Add
      </Button>
    </form>
  );
}

/** Owners and managers: details, attendance and minutes, saved together at the version read. */
function RecordForm(props: { meeting: MeetingDetail }) {
  const staff = createAsync(() => listAllCurrentStaff());
  const form = createForm();
  const [present, setPresent] = createSignal<Set<string>>(new Set());
  const [minutes, setMinutes] = createSignal('');
  createEffect(
    on(
      () => props.meeting.version,
      () => {
        setPresent(new Set(props.meeting.attendeeIds));
        setMinutes(props.meeting.minutes ?? '');
      },
    ),
  );
  let formRef: HTMLFormElement | undefined;
  const people = () => {
    const current = staff() ?? [];
    // Someone who attended and has since left still shows, checked.
    const gone = props.meeting.attendees
      .filter((a) => !current.some((s) => s.id === a.staffId))
      .map((a) => ({ id: a.staffId, name: a.name }));
    return [...current.map((s) => ({ id: s.id, name: s.name })), ...gone];
  };
  const toggle = (id: string, on: boolean) =>
    setPresent((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const m = props.meeting;
    const body = {
      title: m.title,
      date: m.date,
      time: m.time,
      location: m.location,
      attendeeIds: [...present()],
      minutes: optional(minutes()),
      version: m.version,
    };
    let stale = false;
    const ok = await form.submit(formRef, MeetingUpdateSchema, body, async (data) => {
      try {
        await updateMeeting(m.id, data);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) toast.error('Someone else saved this meeting meanwhile: check the minutes and save again.');
    else if (ok) toast.success('Saved the attendance and minutes.');
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate>
      <FormAlert message={form.formError()} />
      <fieldset class="meet-attendance">
        <legend class="field-label">Who attended ({present().size})</legend>
        <Show when={people().length > 0} fallback={<p class="small muted">The staff directory is empty.</p>}>
          <div class="meet-people">
            <For each={people()}>
              {(p) => (
                <Checkbox
                  label={p.name}
                  name={`attendee-${p.id}`}
                  checked={present().has(p.id)}
                  onChange={(v) => toggle(p.id, v)}
                />
              )}
            </For>
          </div>
        </Show>
      </fieldset>
      <TextAreaField
        label="Minutes"
        name="minutes"
        value={minutes()}
        onInput={(v) => {
          setMinutes(v);
          form.clearError('minutes');
        }}
        error={form.error('minutes')}
        rows={8}
        maxLength={20000}
        optional
      />
      <div class="button-row">
        <Button type="submit" variant="primary" busy={form.sending()}>
          Save attendance and minutes
        </Button>
      </div>
    </form>
  );
}

/** Owners and managers assign an action item to a person with a login or a role. */
function ActionForm(props: { meetingId: string }) {
  const staff = createAsync(() => listAllCurrentStaff());
  const form = createForm();
  const [title, setTitle] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const [due, setDue] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  const ownerOptions = () => [
    ...(staff() ?? []).filter((s) => s.userId).map((s) => ({ value: `staff:${s.id}`, label: s.name })),
    ...PRACTICE_ROLES.map((r) => ({ value: `role:${r}`, label: `Anyone who is ${ROLE_LABELS[r]}` })),
  ];
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const [kind, value] = owner().split(':');
    const body = {
      title: title(),
      owner: kind === 'staff' ? { staffId: value } : kind === 'role' ? { role: value } : undefined,
      dueDate: due(),
    };
    const ok = await form.submit(formRef, ActionItemInputSchema, body, async (data) => {
      await addAction(props.meetingId, data);
    });
    if (ok) {
      toast.success('Assigned: it is in their Today.');
      setTitle('');
      setOwner('');
      setDue('');
    }
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Assign an action item">
      <FormAlert message={form.formError()} />
      <TextField
        label="Action item"
        name="title"
        value={title()}
        onInput={(v) => {
          setTitle(v);
          form.clearError('title');
        }}
        error={form.error('title')}
        maxLength={200}
        required
      />
      <div class="meet-row">
        <SelectField
          label="Owner"
          name="owner"
          value={owner()}
          placeholder="Choose a person or a role"
          options={ownerOptions()}
          onChange={(v) => {
            setOwner(v);
            form.clearError('owner');
          }}
          error={form.error('owner') ?? form.error('owner.staffId')}
          hint="People without a Rounds login are not listed: choose their role."
          required
        />
        <TextField
          label="Due"
          name="dueDate"
          type="date"
          value={due()}
          onInput={(v) => {
            setDue(v);
            form.clearError('dueDate');
          }}
          error={form.error('dueDate')}
          required
        />
      </div>
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Assign
        </Button>
      </div>
    </form>
  );
}

function MeetingBody(props: { id: string }) {
  const meeting = createAsync(() => getMeeting(props.id));
  return (
    <Show when={meeting()}>
      {(m) => (
        <>
          <PageHeader
            title={m().title}
            description={`${formatLocalDayTime(m().date, m().time)}${m().location ? ` · ${m().location}` : ''}`}
          />
          <HrNav />
          <div class="meet-grid">
            <section class="card" aria-labelledby="meet-agenda">
              <div class="card-header">
                <h2 id="meet-agenda" class="card-title">
                  Agenda
                </h2>
              </div>
              <div class="card-body stack">
                <Show when={m().carried.length > 0}>
                  <h3 class="meet-subtitle">Open action items</h3>
                  <ul class="meet-actions">
                    <For each={m().carried}>{(a) => <ActionRow action={a} carried />}</For>
                  </ul>
                </Show>
                <Show
                  when={m().topics.length > 0}
                  fallback={
                    <Show when={m().carried.length === 0}>
                      <p class="muted small">No topics yet: add the first one below.</p>
                    </Show>
                  }
                >
                  <h3 class="meet-subtitle">Topics</h3>
                  <ol class="meet-topics">
                    <For each={m().topics}>
                      {(t) => (
                        <li>
                          <span class="strong">{t.title}</span>
                          <span class="muted small"> · added by {t.addedByName}</span>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
                <TopicForm meetingId={m().id} />
              </div>
            </section>
            <section class="card" aria-labelledby="meet-actions-title">
              <div class="card-header">
                <h2 id="meet-actions-title" class="card-title">
                  Action items
                </h2>
              </div>
              <div class="card-body stack">
                <Show
                  when={m().actions.length > 0}
                  fallback={
                    <EmptyState title="No action items">
                      Each one goes to its owner’s Today and stays on the next meetings’ agendas until done.
                    </EmptyState>
                  }
                >
                  <ul class="meet-actions">
                    <For each={m().actions}>{(a) => <ActionRow action={a} />}</For>
                  </ul>
                </Show>
                <Show when={isAdmin()}>
                  <ActionForm meetingId={m().id} />
                </Show>
              </div>
            </section>
            <section class="card meet-wide" aria-labelledby="meet-record">
              <div class="card-header">
                <h2 id="meet-record" class="card-title">
                  Attendance and minutes
                </h2>
              </div>
              <div class="card-body stack">
                <Show
                  when={isAdmin()}
                  fallback={
                    <>
                      <p>
                        <span class="strong">Attended: </span>
                        {m().attendees.length
                          ? m()
                              .attendees.map((a) => a.name)
                              .join(', ')
                          : 'Not taken yet'}
                      </p>
                      <Show when={m().minutes} fallback={<p class="muted small">No minutes yet.</p>}>
                        <p class="meet-minutes">{m().minutes}</p>
                      </Show>
                    </>
                  }
                >
                  <RecordForm meeting={m()} />
                </Show>
              </div>
            </section>
          </div>
        </>
      )}
    </Show>
  );
}

/** One staff meeting: agenda (with carried-over action items), action items, attendance and minutes. */
export function MeetingPage() {
  const params = useParams<{ id: string }>();
  return (
    <div class="page hr">
      <p class="small">
        <A href="/app/hr/meetings">← All meetings</A>
      </p>
      <LoadBoundary what="meeting" keys={[getMeeting.key]}>
        <MeetingBody id={params.id} />
      </LoadBoundary>
    </div>
  );
}
