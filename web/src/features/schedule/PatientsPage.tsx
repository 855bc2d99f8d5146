import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Patient } from '../../../../shared/schemas/scheduling.ts';
import { localParts } from '../../../../shared/time.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { browserTimeZone } from '../../lib/timezones.ts';
import { listPatients } from './api.ts';
import { PatientDialog } from './PatientDialog.tsx';
import { PatientVisitsDialog } from './PatientVisitsDialog.tsx';
import { ScheduleNav } from './ScheduleNav.tsx';

/** Eligibility older than this is shown as due for a fresh check. */
const ELIGIBILITY_DAYS = 30;

const CONTACT_LABELS: Record<Patient['preferredContact'], string> = {
  phone: 'Phone',
  sms: 'Text',
  email: 'Email',
  none: 'No contact',
};

/** The practice's patients by last name: search, add, and keep contact and insurance details current. */
export function PatientsPage() {
  const [q, setQ] = createSignal('');
  const [search, setSearch] = createSignal('');
  const list = createPagedList(
    () => search(),
    (cursor) => listPatients(search() || undefined, cursor, PAGE_SIZE),
  );
  const [editing, setEditing] = createSignal<Patient | 'new'>();
  const [viewing, setViewing] = createSignal<Patient>();
  /** Owners and managers read the audit log, and so each patient's access report. */
  const canAudit = () => {
    const m = me();
    return m ? canAccess(m, 'schedule-admin') : false;
  };
  const today = () => localParts(Date.now(), browserTimeZone() ?? 'UTC').date;
  const eligibilityDue = (p: Patient) => {
    if (!p.insurancePayer) return false;
    if (!p.eligibilityVerifiedOn) return true;
    const ageDays = (Date.parse(today()) - Date.parse(p.eligibilityVerifiedOn)) / 86_400_000;
    return ageDays > ELIGIBILITY_DAYS;
  };

  return (
    <>
      <PageHeader
        title="Patients"
        description="Contact details, preferred contact and insurance. Every view and search is in the audit log."
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            Add patient
          </Button>
        }
      />
      <ScheduleNav />
      <Section title="Find a patient" id="patients">
        <form
          class="form form-row"
          aria-label="Search patients"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q().trim());
          }}
        >
          <TextField
            label="Last name starts with"
            name="q"
            type="search"
            value={q()}
            onInput={setQ}
            class="grow"
          />
          <div class="form-row-submit">
            <Button type="submit">Search</Button>
          </div>
        </form>
        <DataTable
          caption={
            search() ? `Patients whose last name starts with “${search()}”` : 'All patients by last name'
          }
          rows={list.items()}
          loading={list.loading()}
          empty={
            <EmptyState title={search() ? 'No patient found' : 'No patients yet'}>
              <p>
                {search()
                  ? 'Check the spelling, or add the patient.'
                  : 'Add patients here, when booking, or import them from CSV.'}
              </p>
            </EmptyState>
          }
          columns={[
            {
              header: 'Patient',
              cell: (p) => (
                <span class="strong">
                  {p.lastName}, {p.firstName}
                  <Show when={p.possibleDuplicateOf.length > 0}>
                    {' '}
                    <Badge tone="warning">Possible duplicate</Badge>
                  </Show>
                </span>
              ),
            },
            { header: 'Born', cell: (p) => <span class="nowrap">{p.dateOfBirth}</span> },
            {
              header: 'Contact',
              cell: (p) => (
                <span class="break">
                  {CONTACT_LABELS[p.preferredContact]}
                  {p.phone ? ` · ${p.phone}` : ''}
                  {p.email ? ` · ${p.email}` : ''}
                  <Show when={p.remindersOptOut}>
                    {' '}
                    <Badge tone="neutral">No reminders</Badge>
                  </Show>
                </span>
              ),
            },
            {
              header: 'Insurance',
              cell: (p) =>
                p.insurancePayer ? (
                  <span>
                    {p.insurancePayer}
                    {p.memberId ? ` · ${p.memberId}` : ''}
                  </span>
                ) : (
                  <span class="muted">Self-pay or unknown</span>
                ),
            },
            {
              header: 'Eligibility checked',
              cell: (p) => (
                <>
                  {p.eligibilityVerifiedOn ?? <span class="muted">Never</span>}{' '}
                  <Show when={eligibilityDue(p)}>
                    <Badge tone="warning">Check again</Badge>
                  </Show>
                </>
              ),
            },
            {
              header: 'Actions',
              headerHidden: true,
              class: 'actions',
              cell: (p) => (
                <div class="row-actions">
                  <Button
                    size="sm"
                    onClick={() => setViewing(p)}
                    aria-label={`Visits of ${p.lastName}, ${p.firstName}`}
                  >
                    Visits
                  </Button>
                  <Button
                    size="sm"
                    onClick={() => setEditing(p)}
                    aria-label={`Edit ${p.lastName}, ${p.firstName}`}
                  >
                    Edit
                  </Button>
                  <Show when={canAudit()}>
                    <A
                      class="btn btn-secondary btn-sm"
                      href={`/app/schedule/patients/${p.id}/access`}
                      aria-label={`Access report of ${p.lastName}, ${p.firstName}`}
                    >
                      Access report
                    </A>
                  </Show>
                </div>
              ),
            },
          ]}
        />
        <ListPager label="Patients" list={list} />
      </Section>
      <PatientDialog editing={editing()} onClose={() => setEditing(undefined)} />
      <PatientVisitsDialog patient={viewing()} onClose={() => setViewing(undefined)} />
    </>
  );
}
