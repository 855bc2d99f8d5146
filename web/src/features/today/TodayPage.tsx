import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { TodayItem, TodayView } from '../../../../shared/schemas/today.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { ListPager } from '../../components/ui/Table.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { firstName, formatDateTime, formatLocalDay } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { SetupGuide } from '../setup-guide/SetupGuide.tsx';
import { getToday, listDone } from './api.ts';
import { JotBar } from './JotBar.tsx';
import { MorningEmail } from './MorningEmail.tsx';
import { ItemDialog, TodayItemRow } from './TodayItemRow.tsx';
import './today.css';

const TABS = [
  { id: 'open', label: 'Open' },
  { id: 'done', label: 'Done' },
];

function greeting(): string {
  const h = new Date().getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/** Today: what needs me now, across modules, with the notepad on top. */
export function TodayPage() {
  const m = () => me()!;
  const [params, setParams] = useSearchParams<{ tab?: string; scope?: string }>();
  const tab = () => (params.tab === 'done' ? 'done' : 'open');
  const isAdmin = () => canAccess(m(), 'schedule-admin');
  const scope = (): TodayView['scope'] => (isAdmin() && params.scope === 'everyone' ? 'everyone' : 'mine');
  const view = createAsync(() => getToday(scope()));
  const summary = () => {
    const v = view();
    if (!v) return undefined;
    const parts = [m().tenant.name, formatLocalDay(v.date)];
    if (v.overdue.length) parts.push(`${v.overdue.length} overdue`);
    parts.push(`${v.today.length} due today`);
    return parts.join(' · ');
  };

  return (
    <div class="page today-page">
      <PageHeader
        title={`${greeting()}, ${firstName(m().user.name)}`}
        documentTitle="Today"
        description={summary() ?? `Here is what needs you at ${m().tenant.name}.`}
      />
      {/* A new practice's first job is the setup guide: it sits on top until every required step is done. */}
      <Show when={isAdmin()}>
        <SetupGuide hideWhenComplete />
      </Show>
      <JotBar today={view()?.date ?? new Date().toISOString().slice(0, 10)} />
      <Tabs
        label="Today"
        idPrefix="today"
        tabs={TABS}
        selected={tab()}
        onSelect={(id) => setParams({ tab: id === 'open' ? undefined : id })}
      />
      <div {...tabPanelProps('today', tab())}>
        <Switch>
          <Match when={tab() === 'open'}>
            <Show when={isAdmin()}>
              <fieldset class="segmented" aria-label="Whose items">
                <Button
                  size="sm"
                  aria-pressed={scope() === 'mine' ? 'true' : 'false'}
                  onClick={() => setParams({ scope: undefined })}
                >
                  Mine
                </Button>
                <Button
                  size="sm"
                  aria-pressed={scope() === 'everyone' ? 'true' : 'false'}
                  onClick={() => setParams({ scope: 'everyone' })}
                >
                  Everyone's
                </Button>
              </fieldset>
            </Show>
            <Show when={view.latest} fallback={<Loading label="Loading what needs you…" />}>
              {(v) => <OpenSections view={v()} />}
            </Show>
          </Match>
          <Match when={tab() === 'done'}>
            <DoneList today={view()?.date ?? ''} />
          </Match>
        </Switch>
      </div>
      <MorningEmail />
    </div>
  );
}

function OpenSections(props: { view: TodayView }) {
  const total = () =>
    props.view.overdue.length +
    props.view.today.length +
    props.view.upcoming.length +
    props.view.waiting.length;
  return (
    <Show
      when={total() > 0}
      fallback={
        <EmptyState title="Nothing needs you right now">
          <p>
            Jot down anything someone asks of you above; recalls, waitlist offers and messages that could not
            be sent show up here by themselves.
            <Show when={props.view.snoozed + props.view.later > 0}> {laterNote(props.view)}</Show>
          </p>
        </EmptyState>
      }
    >
      <ItemSection id="overdue" title="Overdue" items={props.view.overdue} today={props.view.date} />
      <ItemSection id="due-today" title="Due today" items={props.view.today} today={props.view.date} />
      <ItemSection
        id="upcoming"
        title="Upcoming"
        hint="The next two weeks, and anything without a date"
        items={props.view.upcoming}
        today={props.view.date}
      />
      <ItemSection
        id="waiting"
        title="Waiting on others"
        hint="What you asked someone else for"
        items={props.view.waiting}
        today={props.view.date}
      />
      <Show when={props.view.snoozed + props.view.later > 0}>
        <p class="muted small">{laterNote(props.view)}</p>
      </Show>
    </Show>
  );
}

function laterNote(v: TodayView): string {
  const parts: string[] = [];
  if (v.snoozed) parts.push(`${v.snoozed} snoozed`);
  if (v.later) parts.push(`${v.later} due after the next two weeks`);
  return `Not shown: ${parts.join(', ')}.`;
}

function ItemSection(props: { id: string; title: string; hint?: string; items: TodayItem[]; today: string }) {
  return (
    <Show when={props.items.length > 0}>
      <section class="today-section" aria-labelledby={`today-${props.id}`}>
        <h2 id={`today-${props.id}`} class="section-title">
          {props.title} <span class="count">{props.items.length}</span>
        </h2>
        <Show when={props.hint}>
          <p class="muted small">{props.hint}</p>
        </Show>
        <ul class="today-list">
          <For each={props.items}>{(item) => <TodayItemRow item={item} today={props.today} />}</For>
        </ul>
      </section>
    </Show>
  );
}

/** Done items stay: newest first, searchable, reopenable. */
function DoneList(props: { today: string }) {
  const [q, setQ] = createSignal('');
  const [shown, setShown] = createSignal<TodayItem>();
  const list = createPagedList(
    () => q(),
    (cursor) => listDone(q().trim(), cursor, PAGE_SIZE),
  );
  return (
    <section class="today-section" aria-labelledby="today-done-title">
      <h2 id="today-done-title" class="section-title">
        Done
      </h2>
      <TextField
        label="Search done items"
        name="q"
        type="search"
        value={q()}
        onInput={setQ}
        placeholder="Aetna"
      />
      <Show when={list.page()} fallback={<Loading label="Loading done items…" />}>
        <Show
          when={list.items().length > 0}
          fallback={
            <EmptyState title={q() ? `Nothing done matches “${q()}”` : 'Nothing done yet'}>
              <p>Items you and your team mark done stay here, newest first.</p>
            </EmptyState>
          }
        >
          <ul class="today-list" aria-busy={list.loading() ? 'true' : 'false'}>
            <For each={list.items()}>
              {(item) => (
                <li class="today-item">
                  <div class="today-text">
                    <span class="today-title">{item.title}</span>
                    <p class="today-meta">
                      <span>
                        Done {formatDateTime(item.doneAt)} by {item.doneByName}
                      </span>
                      <span>For {item.assigneeName}</span>
                    </p>
                  </div>
                  <Button size="sm" onClick={() => setShown(item)} aria-label={`More about “${item.title}”`}>
                    More
                  </Button>
                </li>
              )}
            </For>
          </ul>
          <ListPager label="Done items" list={list} />
        </Show>
      </Show>
      <Show when={shown()}>
        {(item) => <ItemDialog item={item()} today={props.today} open onClose={() => setShown(undefined)} />}
      </Show>
    </section>
  );
}
