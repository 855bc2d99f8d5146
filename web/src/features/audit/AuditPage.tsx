import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { auditActionChoices, auditEntityChoices } from '../../../../shared/modules.ts';
import { AuditQuerySchema } from '../../../../shared/schemas/audit.ts';
import type { Patient } from '../../../../shared/schemas/scheduling.ts';
import { me } from '../../app/session.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime, roleLabel } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { browserTimeZone } from '../../lib/timezones.ts';
import { type AuditFilters, allPages, findPatients, listAudit, listPeople, SYSTEM_ACTORS } from './api.ts';
import { auditLogCsv, saveCsv } from './audit-csv.ts';

type Params = {
  actorId?: string;
  patientId?: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
};

/** A CSV export stops here; a narrower date range gets the rest. */
const MAX_EXPORT = 10_000;
/** Action families that exist only in a practice. */

/**
 * The audit log as sentences with names, newest first. Filters (person, patient, action, type,
 * days) live in the URL so a view can be bookmarked or shared; each is one keyed read on the API.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams<Params>();
  const isPractice = () => me()?.tenant.kind === 'practice';
  const filters = (): AuditFilters => ({
    actorId: params.actorId || undefined,
    patientId: params.patientId || undefined,
    action: params.action || undefined,
    entityType: params.entityType || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  });
  const list = createPagedList(
    () => JSON.stringify(filters()),
    (cursor) => listAudit(filters(), cursor, PAGE_SIZE),
  );
  const people = createAsync(() => listPeople());
  const personOptions = () => [
    ...(people() ?? []).map((u) => ({ value: u.id, label: u.name })),
    ...(isPractice() ? SYSTEM_ACTORS : []),
  ];
  const tenantKind = () => (isPractice() ? 'practice' : 'association');
  const actionOptions = () => auditActionChoices(tenantKind());
  const entityOptions = () => auditEntityChoices(tenantKind());
  const [draft, setDraft] = createStore({
    actorId: params.actorId ?? '',
    action: params.action ?? '',
    entityType: params.entityType ?? '',
    from: params.from ?? '',
    to: params.to ?? '',
  });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const filtered = () => Object.values(filters()).some(Boolean);
  // The URL carries only the patient's id: the name comes from the search, else from the events.
  const [patientName, setPatientName] = createSignal('');
  const patientLabel = () =>
    patientName() ||
    list.items().find((e) => e.patientId === params.patientId)?.patientName ||
    'the chosen patient';

  const apply = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = {
      actorId: optional(draft.actorId),
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
      setParams({
        actorId: data.actorId,
        action: data.action,
        entityType: data.entityType,
        from: data.from,
        to: data.to,
      });
    });
  };

  const reset = () => {
    setDraft({ actorId: '', action: '', entityType: '', from: '', to: '' });
    setPatientName('');
    form.setErrors({});
    setParams({
      actorId: undefined,
      patientId: undefined,
      action: undefined,
      entityType: undefined,
      from: undefined,
      to: undefined,
    });
  };

  const [exporting, setExporting] = createSignal<number>();
  const [exportNote, setExportNote] = createSignal<string>();
  const exportCsv = async () => {
    setExportNote(undefined);
    setExporting(0);
    try {
      const shown = filters();
      const { items, complete } = await allPages(
        (cursor) => listAudit(shown, cursor, 100),
        MAX_EXPORT,
        (n) => setExporting(n),
      );
      const zone = browserTimeZone() ?? 'UTC';
      saveCsv(auditLogCsv(items, zone), `rounds-audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
      setExportNote(
        complete
          ? `Saved ${items.length} event(s) as CSV.`
          : `Saved the newest ${items.length} events. Choose a narrower date range for older ones.`,
      );
    } catch (err) {
      setExportNote(`The export failed: ${errorMessage(err)}`);
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <div class="page">
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and read of patient data in your workspace, newest first. Nobody can edit or delete entries."
        actions={
          <Button onClick={exportCsv} busy={exporting() !== undefined} disabled={list.items().length === 0}>
            {exporting() !== undefined ? `Preparing CSV… ${exporting()}` : 'Download CSV'}
          </Button>
        }
      />
      <div class="stack-lg">
        <Show when={exportNote()}>
          <Alert tone={exportNote()?.startsWith('The export failed') ? 'error' : 'info'}>
            {exportNote()}
          </Alert>
        </Show>
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
                label="Person"
                name="actorId"
                value={draft.actorId}
                onChange={(v) => setDraft('actorId', v)}
                options={personOptions()}
                placeholder="Everyone"
                error={form.error('actorId')}
              />
              <SelectField
                label="Action"
                name="action"
                value={draft.action}
                onChange={(v) => setDraft('action', v)}
                options={actionOptions()}
                placeholder="All actions"
                error={form.error('action')}
              />
              <SelectField
                label="Entity type"
                name="entityType"
                value={draft.entityType}
                onChange={(v) => setDraft('entityType', v)}
                options={entityOptions()}
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
        <Show when={isPractice()}>
          <PatientFilter
            patientId={params.patientId ?? ''}
            patientLabel={patientLabel()}
            onChoose={(p) => {
              setPatientName(p ? `${p.firstName} ${p.lastName}` : '');
              setParams({ patientId: p?.id });
            }}
          />
        </Show>
        <Section title="Events" id="audit-events">
          <DataTable
            caption="Audit events"
            loading={list.loading()}
            rows={list.items()}
            empty={
              <EmptyState title={filtered() ? 'No events match these filters' : 'No events yet'}>
                <p>
                  {filtered()
                    ? 'Try a wider date range, another person or another action.'
                    : 'Changes will appear here.'}
                </p>
                <Show when={list.hasNext()}>
                  {/* A combined filter stops after a bounded read: older events may still match. */}
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
                    <span class="strong">{ev.actorName || 'Rounds'}</span>
                    <span class="muted small">{roleLabel(ev.actorRole)}</span>
                  </span>
                ),
              },
              { header: 'What', cell: (ev) => <span class="break">{ev.sentence}</span> },
              { header: 'Details', cell: (ev) => <span class="break muted">{ev.summary}</span> },
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

/**
 * The patient filter: find a patient by last name and choose them (the search is audited like
 * every patient search); the choice applies at once. A chosen patient links to their access report.
 */
function PatientFilter(props: {
  patientId: string;
  patientLabel: string;
  onChoose: (p: Patient | undefined) => void;
}) {
  const [q, setQ] = createSignal('');
  const [found, setFound] = createSignal<Patient[]>();
  const [error, setError] = createSignal<string>();
  const [searching, setSearching] = createSignal(false);
  const search = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!q().trim()) {
      setError('Type the start of a last name');
      return;
    }
    setError(undefined);
    setSearching(true);
    try {
      setFound((await findPatients(q().trim())).items);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSearching(false);
    }
  };
  return (
    <section class="card" aria-labelledby="audit-patient-title">
      <div class="card-body stack">
        <h2 id="audit-patient-title" class="card-title">
          Patient
        </h2>
        <Show
          when={!props.patientId}
          fallback={
            <div class="row-actions">
              <span>
                Only events about <span class="strong">{props.patientLabel}</span>
              </span>
              <A class="btn btn-secondary btn-sm" href={`/app/schedule/patients/${props.patientId}/access`}>
                Access report
              </A>
              <Button size="sm" onClick={() => props.onChoose(undefined)}>
                Any patient
              </Button>
            </div>
          }
        >
          <form class="form form-row" aria-label="Find a patient" novalidate onSubmit={search}>
            <TextField
              label="Last name starts with"
              name="patientSearch"
              type="search"
              value={q()}
              onInput={setQ}
              error={error()}
              class="grow"
            />
            <div class="form-row-submit">
              <Button type="submit" busy={searching()}>
                Find patient
              </Button>
            </div>
          </form>
          <Show when={found()}>
            {(patients) => (
              <Show when={patients().length > 0} fallback={<p class="muted small">No patient found.</p>}>
                <div class="row-actions">
                  <For each={patients()}>
                    {(p) => (
                      <Button
                        size="sm"
                        onClick={() => {
                          props.onChoose(p);
                          setFound(undefined);
                        }}
                      >
                        Only {p.lastName}, {p.firstName} (born {p.dateOfBirth})
                      </Button>
                    )}
                  </For>
                </div>
              </Show>
            )}
          </Show>
        </Show>
      </div>
    </section>
  );
}
