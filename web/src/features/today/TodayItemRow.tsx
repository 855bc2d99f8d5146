import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { TODAY_SOURCE_LABELS, type TodayItem } from '../../../../shared/schemas/today.ts';
import { addDays } from '../../../../shared/time.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime, formatLocalDay } from '../../lib/format.ts';
import { actOn, getAssignees } from './api.ts';
import { assigneeOptions, fromAssigneeValue } from './assignee.ts';

/** "Overdue since Fri, Nov 27", "Due today", "Due Wed, Dec 2" or nothing for undated items. */
export function dueLabel(item: TodayItem, today: string): string | undefined {
  if (!item.dueDate) return undefined;
  if (item.dueDate < today) return `Overdue since ${formatLocalDay(item.dueDate)}`;
  if (item.dueDate === today) return 'Due today';
  return `Due ${formatLocalDay(item.dueDate)}`;
}

/** One item: done in one click, everything else in its dialog. */
export function TodayItemRow(props: { item: TodayItem; today: string }) {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const done = async () => {
    setBusy(true);
    try {
      await actOn(props.item, { action: 'done', version: props.item.version });
      toast.success(`Done: ${props.item.title}`);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not mark it done');
    } finally {
      setBusy(false);
    }
  };
  const overdue = () => Boolean(props.item.dueDate && props.item.dueDate < props.today);
  return (
    <li
      class="today-item"
      classList={{ 'is-high': props.item.priority === 'high' }}
      data-item-id={props.item.id}
    >
      <Button
        size="sm"
        class="today-done"
        onClick={done}
        busy={busy()}
        aria-label={`Mark “${props.item.title}” done`}
      >
        Done
      </Button>
      <div class="today-text">
        <Show when={props.item.link} fallback={<span class="today-title">{props.item.title}</span>}>
          {(href) => (
            <A href={href()} class="today-title link">
              {props.item.title}
            </A>
          )}
        </Show>
        <p class="today-meta">
          <Badge tone="neutral">{TODAY_SOURCE_LABELS[props.item.source]}</Badge>
          <Show when={props.item.priority === 'high'}>
            <Badge tone="danger">Urgent</Badge>
          </Show>
          <Show when={dueLabel(props.item, props.today)}>
            {(label) => <span classList={{ 'text-danger': overdue() }}>{label()}</span>}
          </Show>
          <span>For {props.item.assigneeName}</span>
          <Show when={props.item.requestedBy}>{(who) => <span>Asked by {who()}</span>}</Show>
          <Show when={props.item.forWhom}>{(whom) => <span>Re: {whom()}</span>}</Show>
          <Show when={props.item.comments.length > 0}>
            <span>
              {props.item.comments.length} comment{props.item.comments.length === 1 ? '' : 's'}
            </span>
          </Show>
        </p>
      </div>
      <Button size="sm" onClick={() => setOpen(true)} aria-label={`More about “${props.item.title}”`}>
        More
      </Button>
      {/* Mounted only while open: a long list keeps one dialog, not one per row. */}
      <Show when={open()}>
        <ItemDialog item={props.item} today={props.today} open onClose={() => setOpen(false)} />
      </Show>
    </li>
  );
}

/** The item's details and comments; snooze, reassign, comment, done or reopen. */
export function ItemDialog(props: { item: TodayItem; today: string; open: boolean; onClose: () => void }) {
  const assignees = createAsync(() => (props.open ? getAssignees() : Promise.resolve(undefined)));
  const [snooze, setSnooze] = createSignal('');
  const [assignee, setAssignee] = createSignal('');
  const [comment, setComment] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal<string>();

  const run = async (name: string, action: Parameters<typeof actOn>[1], said: string) => {
    setBusy(name);
    setError(undefined);
    setFieldErrors({});
    try {
      await actOn(props.item, action);
      toast.success(said);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        setFieldErrors(Object.fromEntries(err.details.map((d) => [d.path, d.message])));
      }
      setError(err instanceof Error ? err.message : 'That did not work. Try again.');
      return false;
    } finally {
      setBusy(undefined);
    }
  };
  const close = () => {
    setError(undefined);
    setFieldErrors({});
    props.onClose();
  };
  const doSnooze = async () => {
    if (!snooze()) return setFieldErrors({ until: 'Choose the day it should come back' });
    if (await run('snooze', { action: 'snooze', until: snooze(), version: props.item.version }, 'Snoozed'))
      close();
  };
  const doReassign = async () => {
    if (!assignee()) return setFieldErrors({ assignee: 'Choose a person or a role' });
    const ok = await run(
      'reassign',
      { action: 'reassign', assignee: fromAssigneeValue(assignee()), version: props.item.version },
      'Reassigned',
    );
    if (ok) close();
  };
  const doComment = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!comment().trim()) return setFieldErrors({ text: 'Write the comment first' });
    if (
      await run(
        'comment',
        { action: 'comment', text: comment(), version: props.item.version },
        'Comment added',
      )
    )
      setComment('');
  };
  const doneOrReopen = async () => {
    const reopen = props.item.status === 'done';
    const ok = await run(
      'status',
      { action: reopen ? 'reopen' : 'done', version: props.item.version },
      reopen ? 'Reopened' : `Done: ${props.item.title}`,
    );
    if (ok) close();
  };

  return (
    <Dialog open={props.open} title={props.item.title} onClose={close}>
      <div class="stack">
        <dl class="details">
          <div>
            <dt>From</dt>
            <dd>{TODAY_SOURCE_LABELS[props.item.source]}</dd>
          </div>
          <div>
            <dt>Assigned to</dt>
            <dd>{props.item.assigneeName}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>{dueLabel(props.item, props.today) ?? 'No date'}</dd>
          </div>
          <Show when={props.item.requestedBy}>
            <div>
              <dt>Asked by</dt>
              <dd>{props.item.requestedBy}</dd>
            </div>
          </Show>
          <Show when={props.item.forWhom}>
            <div>
              <dt>For</dt>
              <dd>{props.item.forWhom}</dd>
            </div>
          </Show>
          <div>
            <dt>Added</dt>
            <dd>
              {formatDateTime(props.item.createdAt)} by {props.item.createdByName}
            </dd>
          </div>
          <Show when={props.item.doneAt}>
            <div>
              <dt>Done</dt>
              <dd>
                {formatDateTime(props.item.doneAt)} by {props.item.doneByName}
              </dd>
            </div>
          </Show>
        </dl>
        <Show when={props.item.detail}>
          <p class="break">{props.item.detail}</p>
        </Show>
        <Show when={props.item.link}>
          {(href) => (
            <p>
              <A href={href()} class="link">
                Open it in {TODAY_SOURCE_LABELS[props.item.source]}
              </A>
            </p>
          )}
        </Show>
        <Show when={props.item.status === 'open'}>
          <div class="form-row">
            <TextField
              label="Snooze until"
              name="until"
              type="date"
              value={snooze()}
              min={addDays(props.today, 1)}
              onInput={setSnooze}
              error={fieldErrors().until}
            />
            <div class="form-row-submit">
              <Button onClick={doSnooze} busy={busy() === 'snooze'}>
                Snooze
              </Button>
            </div>
          </div>
          <div class="form-row">
            <SelectField
              label="Reassign to"
              name="assignee"
              value={assignee()}
              onChange={setAssignee}
              options={assigneeOptions(assignees())}
              placeholder="Choose…"
              error={fieldErrors().assignee}
            />
            <div class="form-row-submit">
              <Button onClick={doReassign} busy={busy() === 'reassign'}>
                Reassign
              </Button>
            </div>
          </div>
        </Show>
        <section aria-label="Comments" class="stack">
          <h3 class="section-title">Comments</h3>
          <Show when={props.item.comments.length > 0} fallback={<p class="muted">No comments yet.</p>}>
            <ul class="comments">
              <For each={props.item.comments}>
                {(c) => (
                  <li>
                    <span class="strong">{c.by}</span> <span class="muted small">{formatDateTime(c.at)}</span>
                    <p class="break">{c.text}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <form class="form-row" novalidate onSubmit={doComment} aria-label="Add a comment">
            <TextField
              label="Comment"
              name="text"
              value={comment()}
              onInput={setComment}
              error={fieldErrors().text}
              maxLength={500}
            />
            <div class="form-row-submit">
              <Button type="submit" busy={busy() === 'comment'}>
                Add comment
              </Button>
            </div>
          </form>
        </section>
        <FormAlert message={error()} />
        <div class="dialog-actions">
          <Button variant="primary" onClick={doneOrReopen} busy={busy() === 'status'}>
            {props.item.status === 'done' ? 'Reopen' : 'Mark done'}
          </Button>
          <Button onClick={close}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
