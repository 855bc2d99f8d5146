import { useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { audienceOfKind, type OutboxMessage } from '../../../../shared/schemas/outbox.ts';
import { me } from '../../app/session.ts';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { ListPager } from '../../components/ui/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { type AudienceFilter, listOutbox } from './api.ts';

const FILTERS: { value: AudienceFilter; label: string }[] = [
  { value: 'all', label: 'All messages' },
  { value: 'patients', label: 'Patient reminders' },
  { value: 'staff', label: 'Staff invitations and mail' },
];
const EMPTY: Record<AudienceFilter, { title: string; text: string }> = {
  all: {
    title: 'No messages yet',
    text: 'When you invite someone to your team, or a visit reminder goes out, the message appears here.',
  },
  patients: {
    title: 'No patient reminders yet',
    text: 'Reminders go out before booked visits, by the rules under Schedule › Setup › Reminders.',
  },
  staff: {
    title: 'No staff mail yet',
    text: 'When you invite someone from the Team page, the invitation appears here.',
  },
};
const isFilter = (v: string | undefined): v is AudienceFilter => FILTERS.some((f) => f.value === v);

const URL_RE = /(https?:\/\/[^\s<>"]+)/g;

/** Message text with its links clickable (invitation links open the accept page). */
function LinkedText(props: { text: string }) {
  const parts = () => props.text.split(URL_RE);
  return (
    <pre class="message-text">
      <For each={parts()}>
        {(part, i) =>
          i() % 2 === 1 ? (
            <a href={part} class="link break">
              {part}
            </a>
          ) : (
            part
          )
        }
      </For>
    </pre>
  );
}

function MessageItem(props: { message: OutboxMessage }) {
  return (
    <li class="message">
      <details>
        <summary>
          <span class="message-summary">
            <span class="message-subject">{props.message.subject}</span>
            <span class="message-meta">
              <span>
                To <span class="break">{props.message.to}</span>
              </span>
              <span aria-hidden="true"> · </span>
              <span>{audienceOfKind(props.message.kind) === 'patients' ? 'Patient mail' : 'Staff mail'}</span>
              <span aria-hidden="true"> · </span>
              <time datetime={props.message.createdAt}>{formatDateTime(props.message.createdAt)}</time>
            </span>
          </span>
          <StatusBadge status={props.message.status} />
        </summary>
        <div class="message-body">
          <LinkedText text={props.message.text} />
        </div>
      </details>
    </li>
  );
}

export function OutboxPage() {
  // Only a practice mails patients; an association's outbox is all staff mail, unfiltered.
  const isPractice = () => me()?.tenant.kind !== 'association';
  // The filter lives in the URL (?show=patients), so a reload or a shared link keeps it.
  const [params, setParams] = useSearchParams<{ show?: string }>();
  const audience = (): AudienceFilter => (isPractice() && isFilter(params.show) ? params.show : 'all');
  const list = createPagedList(
    () => audience(),
    (cursor) => listOutbox(audience(), cursor, PAGE_SIZE),
  );
  return (
    <div class="page">
      <PageHeader
        title="Outbox (messages Rounds sent on your behalf)"
        description={
          isPractice()
            ? 'Visit reminders to patients, invitations and other mail to your team, newest first. Open one to read it.'
            : 'Invitations and other emails Rounds sent for your association, newest first. Open one to read it.'
        }
      />
      <section class="card" aria-labelledby="outbox-list-title">
        <div class="card-header">
          <h2 id="outbox-list-title" class="card-title">
            Sent messages
          </h2>
          <Show when={isPractice()}>
            <div class="card-actions">
              <SelectField
                label="Show"
                name="audience"
                value={audience()}
                onChange={(v) => setParams({ show: v === 'all' ? undefined : v }, { replace: true })}
                options={FILTERS}
                class="inline-field"
              />
            </div>
          </Show>
        </div>
        <div class="card-body" aria-busy={list.loading() ? 'true' : undefined}>
          <Show
            when={list.items().length > 0}
            fallback={
              <Show when={!list.loading()} fallback={<Loading label="Loading messages…" />}>
                <EmptyState title={EMPTY[audience()].title}>
                  <p>{EMPTY[audience()].text}</p>
                </EmptyState>
              </Show>
            }
          >
            <ul class="message-list">
              <For each={list.items()}>{(m) => <MessageItem message={m} />}</For>
            </ul>
          </Show>
          <ListPager label="Messages" list={list} />
        </div>
      </section>
    </div>
  );
}
