import { useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { AuditQuerySchema } from '../../../../shared/schemas/audit.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { formatDateTime, humanize, roleLabel } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { ACTION_OPTIONS, type AuditFilters, ENTITY_OPTIONS, listAudit } from './api.ts';

type Params = { action?: string; entityType?: string; from?: string; to?: string };

/** The audit log, newest first; filters live in the URL so a view can be bookmarked or shared. */
export function AuditPage() {
  const [params, setParams] = useSearchParams<Params>();
  const filters = (): AuditFilters => ({
    action: params.action || undefined,
    entityType: params.entityType || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  });
  const list = createPagedList(
    () => JSON.stringify(filters()),
    (cursor) => listAudit(filters(), cursor, PAGE_SIZE),
  );
  const [draft, setDraft] = createStore({
    action: params.action ?? '',
    entityType: params.entityType ?? '',
    from: params.from ?? '',
    to: params.to ?? '',
  });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const filtered = () => Object.values(filters()).some(Boolean);

  const apply = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = {
      action: optional(draft.action),
      entityType: optional(draft.entityType),
      from: optional(draft.from),
      to: optional(draft.to),
    };
    if (value.from && value.to && value.from > value.to) {
      form.setErrors({ to: 'The end date must be on or after the start date' });
      formRef?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await form.submit(formRef, AuditQuerySchema, value, async (data) => {
      setParams({ action: data.action, entityType: data.entityType, from: data.from, to: data.to });
    });
  };

  const reset = () => {
    setDraft({ action: '', entityType: '', from: '', to: '' });
    form.setErrors({});
    setParams({ action: undefined, entityType: undefined, from: undefined, to: undefined });
  };

  return (
    <div class="page">
      <PageHeader
        title="Audit log"
        description="Every change and sign-in in your workspace, newest first. Nobody can edit or delete entries."
      />
      <div class="stack-lg">
        <form
          ref={formRef}
          class="card filters"
          novalidate
          onSubmit={apply}
          aria-label="Filter the audit log"
        >
          <div class="card-body">
            <div class="filters-grid">
              <SelectField
                label="Action"
                name="action"
                value={draft.action}
                onChange={(v) => setDraft('action', v)}
                options={ACTION_OPTIONS}
                placeholder="All actions"
                error={form.error('action')}
              />
              <SelectField
                label="Entity type"
                name="entityType"
                value={draft.entityType}
                onChange={(v) => setDraft('entityType', v)}
                options={ENTITY_OPTIONS}
                placeholder="All types"
                error={form.error('entityType')}
              />
              <TextField
                label="From"
                name="from"
                type="date"
                value={draft.from}
                onInput={(v) => {
                  setDraft('from', v);
                  form.clearError('from');
                }}
                error={form.error('from')}
              />
              <TextField
                label="To"
                name="to"
                type="date"
                value={draft.to}
                onInput={(v) => {
                  setDraft('to', v);
                  form.clearError('to');
                }}
                error={form.error('to')}
              />
              <div class="filters-actions">
                <Button type="submit" variant="primary">
                  Apply filters
                </Button>
                <Button onClick={reset} disabled={!filtered()}>
                  Reset
                </Button>
              </div>
            </div>
            <FormAlert message={form.formError()} />
            <p class="muted small">
              Dates are whole days in your practice's time zone; times below are shown in your local time.
            </p>
          </div>
        </form>
        <Section title="Events" id="audit-events">
          <DataTable
            caption="Audit events"
            loading={list.loading()}
            rows={list.items()}
            empty={
              <EmptyState title={filtered() ? 'No events match these filters' : 'No events yet'}>
                <p>
                  {filtered() ? 'Try a wider date range or another action.' : 'Changes will appear here.'}
                </p>
                <Show when={list.hasNext()}>
                  {/* A rare action: the search stopped after a bounded read, older events may still match. */}
                  <p>None among the most recent events searched; older events may still match.</p>
                  <Button onClick={() => list.next()}>Search older events</Button>
                </Show>
              </EmptyState>
            }
            columns={[
              {
                header: 'When',
                cell: (ev) => <time datetime={ev.at}>{formatDateTime(ev.at)}</time>,
              },
              {
                header: 'Who',
                cell: (ev) => (
                  <span class="who">
                    <span class="strong">{ev.actorName || 'System'}</span>
                    <span class="muted small">{roleLabel(ev.actorRole)}</span>
                  </span>
                ),
              },
              { header: 'Action', cell: (ev) => <code class="code">{ev.action}</code> },
              {
                header: 'Entity',
                cell: (ev) => (
                  <span class="who">
                    <span>{humanize(ev.entityType)}</span>
                    <span class="muted small mono break-any">{ev.entityId}</span>
                  </span>
                ),
              },
              { header: 'Summary', cell: (ev) => <span class="break">{ev.summary}</span> },
              {
                header: 'Request ID',
                cell: (ev) => <span class="mono small break-any">{ev.requestId}</span>,
              },
            ]}
          />
          <ListPager label="Audit events" list={list} />
        </Section>
      </div>
    </div>
  );
}
