import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import {
  CHECKLIST_KIND_LABELS,
  type Checklist,
  type ChecklistTask,
} from '../../../../shared/schemas/hr-checklists.ts';
import { me } from '../../app/session.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { completeChecklistTask, getChecklist } from './checklists-api.ts';

const mayDo = (t: ChecklistTask, admin: boolean) => {
  const m = me();
  if (!m) return false;
  // A signature asked in Documents ticks the task itself; a manager may still tick it (signed on paper).
  if (t.signOff?.status === 'requested' && !admin) return false;
  return admin || t.assigneeUserId === m.user.id || (!t.assigneeUserId && t.assigneeRole === m.user.role);
};

/** Where a signing task stands: asked in Documents, signed, or manual and why. */
function SignOffNote(props: { task: ChecklistTask }) {
  const title = () => props.task.signOff?.documentTitle ?? 'the handbook';
  return (
    <Switch>
      <Match when={props.task.signOff?.status === 'requested'}>
        <span class="small">
          <Badge tone="info">Signature requested</Badge> “{title()}” waits in Documents; this ticks itself
          once it is signed.
        </span>
      </Match>
      <Match when={props.task.signOff?.status === 'signed'}>
        <span class="small">
          <Badge tone="success">Signed</Badge> “{title()}” on{' '}
          {formatDateTime(props.task.signOff?.signedAt ?? '')}
        </span>
      </Match>
      <Match when={props.task.signOff?.status === 'no_login'}>
        <span class="small muted">
          No Rounds login, so Documents cannot ask for a signature: have “{title()}” signed on paper, then
          mark this done.
        </span>
      </Match>
      <Match when={props.task.signOff?.status === 'no_document'}>
        <span class="small muted">
          No handbook was published in Documents when this started: have it signed another way, then mark this
          done.
        </span>
      </Match>
    </Switch>
  );
}

function Tasks(props: { checklist: Checklist; admin: boolean }) {
  const [busy, setBusy] = createSignal<string>();
  const done = async (t: ChecklistTask) => {
    setBusy(t.id);
    try {
      await completeChecklistTask(props.checklist.id, t.id, props.checklist.version);
      toast.success(`Done: ${t.title}`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <ul class="checklist-tasks">
      <For each={props.checklist.tasks}>
        {(t) => (
          <li class={t.done ? 'is-done' : undefined}>
            <div class="checklist-task-main">
              <span class="strong">{t.title}</span>
              <span class="small muted">
                {t.assigneeName} · due {formatCalendarDate(t.dueDate)}
              </span>
              <Show when={t.signOff}>
                <SignOffNote task={t} />
              </Show>
              <Show when={t.link}>
                {(link) => (
                  <A href={link()} class="small">
                    {t.signOff?.status === 'requested' && t.assigneeUserId === me()?.user.id
                      ? 'Read and sign it'
                      : 'Go to the page for this task'}
                  </A>
                )}
              </Show>
              <Show when={t.done}>
                <span class="small muted">
                  Done by {t.doneBy}, {formatDateTime(t.doneAt ?? '')}
                </span>
              </Show>
            </div>
            <Show
              when={!t.done && mayDo(t, props.admin)}
              fallback={
                <Show when={t.done}>
                  <Badge tone="success">Done</Badge>
                </Show>
              }
            >
              <Button size="sm" busy={busy() === t.id} onClick={() => done(t)}>
                Mark done<span class="visually-hidden">: {t.title}</span>
              </Button>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

function Body(props: { id: string; admin: boolean }) {
  const c = createAsync(() => getChecklist(props.id));
  return (
    <Show when={c()}>
      {(cl) => (
        <div class="stack">
          <p>
            <span class="strong">{cl().staffName}</span> · {CHECKLIST_KIND_LABELS[cl().kind]} from{' '}
            {formatCalendarDate(cl().anchorDate)}{' '}
            <Badge tone={cl().status === 'done' ? 'success' : 'info'}>
              {cl().tasks.filter((t) => t.done).length} of {cl().tasks.length} done
            </Badge>
          </p>
          <Tasks checklist={cl()} admin={props.admin} />
        </div>
      )}
    </Show>
  );
}

/** A person's checklist: each task with its owner and due date; its owner or a manager ticks it. */
export function ChecklistDialog(props: { id: string | undefined; admin: boolean; onClose: () => void }) {
  return (
    <Dialog open={Boolean(props.id)} title="Checklist" onClose={props.onClose}>
      <Show when={props.id}>
        {(id) => (
          <LoadBoundary what="checklist" keys={[getChecklist.key]}>
            <Suspense>
              <Body id={id()} admin={props.admin} />
            </Suspense>
          </LoadBoundary>
        )}
      </Show>
    </Dialog>
  );
}
