import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import {
  CHECKLIST_KIND_LABELS,
  type Checklist,
  type ChecklistKind,
  ChecklistStartSchema,
} from '../../../../shared/schemas/hr-checklists.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { ChecklistDialog } from './ChecklistDialog.tsx';
import { ChecklistTemplates } from './ChecklistTemplates.tsx';
import { type ChecklistFilters, listChecklists, startChecklist } from './checklists-api.ts';
import { HrNav } from './HrNav.tsx';
import { listAllCurrentStaff } from './staff-api.ts';
import './hr.css';
import './reviews.css';

const STATUS_OPTIONS = [
  { value: 'open', label: 'In progress' },
  { value: 'done', label: 'Complete' },
  { value: 'all', label: 'All' },
];
const ORDER_OPTIONS = [
  { value: 'startedAt-desc', label: 'Newest first' },
  { value: 'name-asc', label: 'Name, A to Z' },
  { value: 'anchorDate-asc', label: 'Start or last day, earliest first' },
];

/** Starts a person's checklist from their role's template. */
function StartDialog(props: { open: boolean; onClose: () => void; onStarted: (id: string) => void }) {
  const people = createAsync(() => listAllCurrentStaff());
  const [staffId, setStaffId] = createSignal('');
  const [kind, setKind] = createSignal<ChecklistKind>('onboarding');
  const [lastDay, setLastDay] = createSignal('');
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  return (
    <Dialog open={props.open} title="Start a checklist" onClose={props.onClose}>
      <form
        ref={ref}
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          let id = '';
          const ok = await form.submit(
            ref,
            ChecklistStartSchema,
            {
              staffId: staffId() || undefined,
              kind: kind(),
              lastDay: kind() === 'offboarding' ? optional(lastDay()) : undefined,
            },
            async (body) => {
              id = (await startChecklist(body)).id;
            },
          );
          if (ok) {
            toast.success('Checklist started: each task is in its owner’s Today');
            props.onStarted(id);
          }
        }}
      >
        <FormAlert message={form.formError()} />
        <SelectField
          label="Person"
          name="staffId"
          value={staffId()}
          placeholder="Choose a person"
          options={(people() ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.jobTitle})` }))}
          error={form.error('staffId') ? 'Choose a person' : undefined}
          onChange={setStaffId}
        />
        <SelectField
          label="Checklist"
          name="kind"
          value={kind()}
          options={optionsOf(CHECKLIST_KIND_LABELS)}
          onChange={(v) => setKind(v as ChecklistKind)}
        />
        <Show when={kind() === 'offboarding'}>
          <TextField
            label="Last day"
            name="lastDay"
            type="date"
            optional
            hint="Leave empty to use the last day recorded on the person."
            value={lastDay()}
            error={form.error('lastDay')}
            onInput={setLastDay}
          />
        </Show>
        <div>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Start the checklist
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function List(props: { filters: ChecklistFilters; onOpen: (id: string) => void; onStart: () => void }) {
  const list = createPagedList(
    () => JSON.stringify(props.filters),
    (cursor) => listChecklists(props.filters, cursor, PAGE_SIZE),
  );
  const columns: Column<Checklist>[] = [
    { header: 'Person', cell: (c) => <span class="strong">{c.staffName}</span> },
    { header: 'Checklist', cell: (c) => CHECKLIST_KIND_LABELS[c.kind] },
    { header: 'From', cell: (c) => <span class="nowrap">{formatCalendarDate(c.anchorDate)}</span> },
    {
      header: 'Progress',
      cell: (c) => (
        <Badge tone={c.status === 'done' ? 'success' : 'info'}>
          {c.tasks.filter((t) => t.done).length} of {c.tasks.length} done
        </Badge>
      ),
    },
    {
      header: 'Actions',
      headerHidden: true,
      cell: (c) => (
        <Button size="sm" onClick={() => props.onOpen(c.id)}>
          Open<span class="visually-hidden"> {c.staffName}'s checklist</span>
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable<Checklist>
        caption="Checklists"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState
              title="No checklists here"
              action={
                <Button variant="primary" onClick={() => props.onStart()}>
                  Start a checklist
                </Button>
              }
            >
              Start onboarding when someone is hired and offboarding when someone leaves: each task goes to
              its owner's Today with a due date.
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Checklists" list={list} />
    </>
  );
}

/** Onboarding and offboarding: the checklists in progress, and each role's template. */
export function ChecklistsPage() {
  const [params, setParams] = useSearchParams<{ checklist?: string; status?: string; sort?: string }>();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  const [starting, setStarting] = createSignal(false);
  const filters = (): ChecklistFilters => {
    const [sort, dir] = (
      ORDER_OPTIONS.some((o) => o.value === params.sort) ? params.sort! : 'startedAt-desc'
    ).split('-');
    const status = STATUS_OPTIONS.some((o) => o.value === params.status) ? params.status : 'open';
    return {
      status: status as ChecklistFilters['status'],
      sort: sort as ChecklistFilters['sort'],
      dir: dir as ChecklistFilters['dir'],
    };
  };
  return (
    <div class="page hr">
      <PageHeader
        title="Checklists"
        description="Onboarding and offboarding tasks per role, each with an owner and a due date."
        actions={
          <Show when={admin()}>
            <Button variant="primary" onClick={() => setStarting(true)}>
              Start a checklist
            </Button>
          </Show>
        }
      />
      <HrNav />
      <Show
        when={admin()}
        fallback={
          <EmptyState title="Your checklist tasks are in Today">
            Each onboarding or offboarding task given to you is an item in Today, with a link back to its
            checklist.
          </EmptyState>
        }
      >
        <section class="card" aria-labelledby="checklists-title">
          <div class="card-header">
            <h2 id="checklists-title" class="card-title">
              Checklists
            </h2>
          </div>
          <div class="card-body stack">
            <div class="hr-toolbar">
              <SelectField
                label="Show"
                name="status"
                value={filters().status ?? 'open'}
                options={STATUS_OPTIONS}
                onChange={(v) => setParams({ status: v === 'open' ? undefined : v }, { replace: true })}
              />
              <SelectField
                label="Order"
                name="order"
                value={`${filters().sort}-${filters().dir}`}
                options={ORDER_OPTIONS}
                onChange={(v) =>
                  setParams({ sort: v === 'startedAt-desc' ? undefined : v }, { replace: true })
                }
              />
            </div>
            <LoadBoundary what="checklists" keys={[listChecklists.key]}>
              <List
                filters={filters()}
                onOpen={(id) => setParams({ checklist: id })}
                onStart={() => setStarting(true)}
              />
            </LoadBoundary>
          </div>
        </section>
        <section class="card" aria-labelledby="templates-title">
          <div class="card-header">
            <h2 id="templates-title" class="card-title">
              Templates
            </h2>
          </div>
          <div class="card-body">
            <LoadBoundary what="templates" keys={[]}>
              <ChecklistTemplates />
            </LoadBoundary>
          </div>
        </section>
        <StartDialog
          open={starting()}
          onClose={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            setParams({ checklist: id });
          }}
        />
      </Show>
      <ChecklistDialog
        id={params.checklist}
        admin={admin()}
        onClose={() => setParams({ checklist: undefined })}
      />
    </div>
  );
}
