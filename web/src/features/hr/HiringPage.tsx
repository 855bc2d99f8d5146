import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { EMPLOYMENT_TYPE_LABELS, STAFF_ROLE_LABELS } from '../../../../shared/schemas/hr.ts';
import {
  OPENING_STATUSES,
  type Opening,
  OpeningInputSchema,
  type OpeningStatus,
} from '../../../../shared/schemas/hr-hiring.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { listLocations } from '../schedule/api.ts';
import { HrNav } from './HrNav.tsx';
import { createOpening, listOpenings } from './hiring-api.ts';
import './hiring.css';

export const openingHref = (id: string) => `/app/hr/hiring/openings/${encodeURIComponent(id)}`;
export const candidateHref = (id: string) => `/app/hr/hiring/candidates/${encodeURIComponent(id)}`;

type StatusFilter = OpeningStatus | 'all';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'filled', label: 'Filled' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All openings' },
];
const STATUS_TONE = { open: 'info', filled: 'success', closed: 'neutral' } as const;

/** The practice's locations as choices (an opening is at one). */
export function useLocationOptions() {
  const locations = createAsync(() => listLocations());
  return () =>
    (locations()?.items ?? []).filter((l) => !l.archived).map((l) => ({ value: l.id, label: l.name }));
}

function OpeningDialog(props: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const locations = useLocationOptions();
  const form = createForm();
  const [title, setTitle] = createSignal('');
  const [staffRole, setStaffRole] = createSignal('');
  const [locationId, setLocationId] = createSignal('');
  const [employmentType, setEmploymentType] = createSignal('full_time');
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      title: title(),
      staffRole: staffRole() || undefined,
      locationId: locationId(),
      employmentType: employmentType(),
    };
    await form.submit(formRef, OpeningInputSchema, body, async (data) => {
      const o = await createOpening(data);
      toast.success(`Opened: ${o.title}.`);
      props.onClose();
      navigate(openingHref(o.id));
    });
  };
  return (
    <Dialog open={props.open} title="Open a position" onClose={props.onClose}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <TextField
          label="Job title"
          name="title"
          value={title()}
          onInput={(v) => {
            setTitle(v);
            form.clearError('title');
          }}
          error={form.error('title')}
          maxLength={80}
          required
        />
        <SelectField
          label="What they will do"
          name="staffRole"
          value={staffRole()}
          placeholder="Choose a role"
          options={optionsOf(STAFF_ROLE_LABELS)}
          onChange={(v) => {
            setStaffRole(v);
            form.clearError('staffRole');
          }}
          error={form.error('staffRole')}
          required
        />
        <Suspense>
          <SelectField
            label="Location"
            name="locationId"
            value={locationId()}
            placeholder="Choose a location"
            options={locations()}
            onChange={(v) => {
              setLocationId(v);
              form.clearError('locationId');
            }}
            error={form.error('locationId') ? 'Choose a location' : undefined}
            required
          />
        </Suspense>
        <SelectField
          label="Employment type"
          name="employmentType"
          value={employmentType()}
          options={optionsOf(EMPLOYMENT_TYPE_LABELS)}
          onChange={setEmploymentType}
          error={form.error('employmentType')}
        />
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Open the position
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function OpeningList(props: { status: StatusFilter; dir: 'asc' | 'desc'; onAdd: () => void }) {
  const locations = useLocationOptions();
  const list = createPagedList(
    () => `${props.status}|${props.dir}`,
    (cursor) => listOpenings(props.status, props.dir, cursor, PAGE_SIZE),
  );
  const where = (id: string) => locations().find((l) => l.value === id)?.label ?? '';
  return (
    <>
      <Show
        when={list.items().length > 0}
        fallback={
          <Show when={!list.loading()}>
            <EmptyState
              title={props.status === 'open' ? 'No open positions' : 'No openings here'}
              action={
                <Button variant="primary" onClick={() => props.onAdd()}>
                  Open a position
                </Button>
              }
            >
              An opening collects its candidates, their interviews and scorecards, the offer and the hire.
            </EmptyState>
          </Show>
        }
      >
        <ul class="hire-list" aria-busy={list.loading() ? 'true' : undefined}>
          <For each={list.items()}>
            {(o: Opening) => (
              <li class="hire-list-item">
                <div class="hire-list-main">
                  <A href={openingHref(o.id)} class="strong">
                    {o.title}
                  </A>
                  <span class="muted small">
                    {STAFF_ROLE_LABELS[o.staffRole]} · {EMPLOYMENT_TYPE_LABELS[o.employmentType]}
                    {where(o.locationId) ? ` · ${where(o.locationId)}` : ''}
                  </span>
                </div>
                <div class="hire-list-meta small">
                  <Badge tone={STATUS_TONE[o.status]}>{o.status[0]!.toUpperCase() + o.status.slice(1)}</Badge>
                  <span>
                    {o.candidateCount} candidate{o.candidateCount === 1 ? '' : 's'}
                  </span>
                  <span class="muted">opened {formatCalendarDate(o.openedOn)}</span>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ListPager label="Openings" list={list} />
    </>
  );
}

/** Hiring: the practice's openings, newest first; owners and managers only. */
export function HiringPage() {
  const [params, setParams] = useSearchParams<{ status?: string; dir?: string }>();
  const status = (): StatusFilter =>
    [...OPENING_STATUSES, 'all'].includes(params.status as StatusFilter)
      ? (params.status as StatusFilter)
      : 'open';
  const dir = (): 'asc' | 'desc' => (params.dir === 'asc' ? 'asc' : 'desc');
  const [adding, setAdding] = createSignal(false);
  return (
    <div class="page hr">
      <PageHeader
        title="Hiring"
        description="Openings and their candidates, from application to hire. Only owners and managers see this."
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            Open a position
          </Button>
        }
      />
      <HrNav />
      <section class="card" aria-labelledby="hire-openings">
        <div class="card-header">
          <h2 id="hire-openings" class="card-title">
            {STATUS_OPTIONS.find((o) => o.value === status())!.label}
          </h2>
        </div>
        <div class="card-body stack">
          <div class="hire-toolbar">
            <SelectField
              label="Show"
              name="status"
              value={status()}
              options={STATUS_OPTIONS}
              onChange={(v) => setParams({ status: v === 'open' ? undefined : v }, { replace: true })}
            />
            <SelectField
              label="Order"
              name="dir"
              value={dir()}
              options={[
                { value: 'desc', label: 'Newest first' },
                { value: 'asc', label: 'Oldest first' },
              ]}
              onChange={(v) => setParams({ dir: v === 'desc' ? undefined : v }, { replace: true })}
            />
          </div>
          <LoadBoundary what="openings" keys={[listOpenings.key]}>
            <OpeningList status={status()} dir={dir()} onAdd={() => setAdding(true)} />
          </LoadBoundary>
        </div>
      </section>
      <OpeningDialog open={adding()} onClose={() => setAdding(false)} />
    </div>
  );
}
