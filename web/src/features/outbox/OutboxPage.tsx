import { For, Show } from 'solid-js';
import type { OutboxMessage } from '../../../../shared/schemas/outbox.ts';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ListPager } from '../../components/ui/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { listOutbox } from './api.ts';

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
  const list = createPagedList(
    () => 'all',
    (cursor) => listOutbox(cursor, PAGE_SIZE),
  );
  return (
    <div class="page">
      <PageHeader
        title="Outbox (messages Rounds sent on your behalf)"
        description="Invitations and other emails Rounds sent for your workspace, newest first. Open one to read it."
      />
      <section class="card" aria-labelledby="outbox-list-title">
        <div class="card-header">
          <h2 id="outbox-list-title" class="card-title">
            Sent messages
          </h2>
        </div>
        <div class="card-body" aria-busy={list.loading() ? 'true' : undefined}>
          <Show
            when={list.items().length > 0}
            fallback={
              <EmptyState title="No messages yet">
                <p>When you invite someone to your team, the email Rounds sends appears here.</p>
              </EmptyState>
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
