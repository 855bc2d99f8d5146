import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type Meeting, MeetingInputSchema } from '../../../../shared/schemas/hr-meetings.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatLocalDayTime } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { HrNav } from './HrNav.tsx';
import { createMeeting, listMeetings } from './meetings-api.ts';
import { today } from './staff-format.ts';
import './meetings.css';

export const meetingHref = (id: string) => `/app/hr/meetings/${encodeURIComponent(id)}`;
type When = 'upcoming' | 'past';

/** Schedules a meeting; on success opens its page. */
function ScheduleDialog(props: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const form = createForm();
  const [title, setTitle] = createSignal('Staff meeting');
  const [date, setDate] = createSignal(today());
  const [time, setTime] = createSignal('12:00');
  const [location, setLocation] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = { title: title(), date: date(), time: time(), location: optional(location()) };
    await form.submit(formRef, MeetingInputSchema, body, async (data) => {
      const m = await createMeeting(data);
      toast.success(`Scheduled “${m.title}”.`);
      props.onClose();
      navigate(meetingHref(m.id));
    });
  };
  return (
    <Dialog open={props.open} title="Schedule a staff meeting" onClose={props.onClose}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <TextField
          label="Title"
          name="title"
          value={title()}
          onInput={(v) => {
            setTitle(v);
            form.clearError('title');
          }}
          error={form.error('title')}
          maxLength={120}
          required
        />
        <div class="meet-row">
          <TextField
            label="Date"
            name="date"
            type="date"
            value={date()}
            onInput={(v) => {
              setDate(v);
              form.clearError('date');
            }}
            error={form.error('date')}
            required
          />
          <TextField
            label="Time"
            name="time"
            type="time"
            value={time()}
            onInput={(v) => {
              setTime(v);
              form.clearError('time');
            }}
            error={form.error('time')}
            required
          />
        </div>
        <TextField
          label="Where"
          name="location"
          value={location()}
          onInput={setLocation}
          error={form.error('location')}
          placeholder="Break room, or a video link"
          maxLength={120}
          optional
        />
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Schedule
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function MeetingList(props: { when: When; admin: boolean; onAdd: () => void }) {
  const list = createPagedList(
    () => props.when,
    (cursor) => listMeetings(props.when, cursor, PAGE_SIZE),
  );
  return (
    <>
      <Show
        when={list.items().length > 0}
        fallback={
          <Show when={!list.loading()}>
            <Show
              when={props.when === 'upcoming'}
              fallback={
                <EmptyState title="No past meetings">Meetings move here once they have been held.</EmptyState>
              }
            >
              <EmptyState
                title="No meeting scheduled"
                action={
                  <Show
                    when={props.admin}
                    fallback={<p class="small muted">An owner or manager schedules staff meetings.</p>}
                  >
                    <Button variant="primary" onClick={() => props.onAdd()}>
                      Schedule the next meeting
                    </Button>
                  </Show>
                }
              >
                Anyone in the practice can then add topics to its agenda.
              </EmptyState>
            </Show>
          </Show>
        }
      >
        <ul class="meet-list" aria-busy={list.loading() ? 'true' : undefined}>
          <For each={list.items()}>
            {(m: Meeting) => (
              <li class="meet-list-item">
                <A href={meetingHref(m.id)} class="strong">
                  {m.title}
                </A>
                <span class="muted small">
                  {formatLocalDayTime(m.date, m.time)}
                  {m.location ? ` · ${m.location}` : ''}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ListPager label={props.when === 'upcoming' ? 'Upcoming meetings' : 'Past meetings'} list={list} />
    </>
  );
}

/** Staff meetings: upcoming and past, each paged; owners and managers schedule them. */
export function MeetingsPage() {
  const [params, setParams] = useSearchParams<{ when?: string }>();
  const when = (): When => (params.when === 'past' ? 'past' : 'upcoming');
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  const [adding, setAdding] = createSignal(false);
  return (
    <div class="page hr">
      <PageHeader
        title="Staff meetings"
        description="Agendas anyone can add to, who came, the minutes, and action items that land in their owner’s Today."
        actions={
          <Show when={admin()}>
            <Button variant="primary" onClick={() => setAdding(true)}>
              Schedule a meeting
            </Button>
          </Show>
        }
      />
      <HrNav />
      <section class="card" aria-labelledby="meet-list-title">
        <div class="card-header meet-header">
          <h2 id="meet-list-title" class="card-title">
            {when() === 'upcoming' ? 'Upcoming' : 'Past'}
          </h2>
          <fieldset class="meet-switch">
            <legend class="visually-hidden">Which meetings</legend>
            <Button
              size="sm"
              aria-pressed={when() === 'upcoming'}
              onClick={() => setParams({ when: undefined }, { replace: true })}
            >
              Upcoming
            </Button>
            <Button
              size="sm"
              aria-pressed={when() === 'past'}
              onClick={() => setParams({ when: 'past' }, { replace: true })}
            >
              Past
            </Button>
          </fieldset>
        </div>
        <div class="card-body stack">
          <LoadBoundary what="meetings" keys={[listMeetings.key]}>
            <MeetingList when={when()} admin={admin()} onAdd={() => setAdding(true)} />
          </LoadBoundary>
        </div>
      </section>
      <Show when={admin()}>
        <ScheduleDialog open={adding()} onClose={() => setAdding(false)} />
      </Show>
    </div>
  );
}
