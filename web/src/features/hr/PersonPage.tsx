import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { EMPLOYMENT_TYPE_LABELS, STAFF_ROLE_LABELS, type Staff } from '../../../../shared/schemas/hr.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable } from '../../components/ui/Table.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { listLocations } from '../schedule/api.ts';
import { EndStaffDialog } from './EndStaffDialog.tsx';
import { HrNav } from './HrNav.tsx';
import { StaffDialog } from './StaffDialog.tsx';
import { personHref } from './StaffPage.tsx';
import { getPerson } from './staff-api.ts';
import { daysUntil, employmentText, licenseState, locationNames, payText } from './staff-format.ts';
import './hr.css';

type Credential = Staff['credentials'][number];

const STAFF_HREF = '/app/hr/staff';

/** A term and its value; a missing value reads as a dash and says why to screen readers. */
function Item(props: { term: string; children: JSX.Element; missing?: string; has?: boolean }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>
        <Show
          when={props.has ?? true}
          fallback={
            <span class="muted">
              <span aria-hidden="true">—</span>
              <span class="visually-hidden">{props.missing ?? 'Not recorded'}</span>
            </span>
          }
        >
          {props.children}
        </Show>
      </dd>
    </div>
  );
}

/** Expired, or expiring within 90 days; a license without a date or further out has no badge. */
function ExpiryBadge(props: { credential: Credential }) {
  const state = () => licenseState(props.credential);
  return (
    <Show when={state() === 'expired' || state() === 'soon'}>
      <Show when={state() === 'expired'} fallback={<Badge tone="warning">Expires soon</Badge>}>
        <Badge tone="danger">Expired</Badge>
      </Show>
    </Show>
  );
}

function Licenses(props: { person: Staff }) {
  return (
    <DataTable<Credential>
      caption={`${props.person.name}'s licenses and certifications`}
      rows={props.person.credentials}
      empty={<p class="muted small">No license or certification is listed.</p>}
      columns={[
        { header: 'License or certification', cell: (c) => <span class="strong">{c.name}</span> },
        {
          header: 'Number',
          cell: (c) => (
            <Show when={c.number} fallback={<span class="muted small">Not recorded</span>}>
              <span class="mono">{c.number}</span>
            </Show>
          ),
        },
        {
          header: 'Expires',
          cell: (c) => (
            <Show when={c.expiresOn} fallback={<span class="muted small">Does not expire</span>}>
              {(d) => (
                <span class="hr-name-cell">
                  <time class="nowrap" datetime={d()}>
                    {formatCalendarDate(d())}
                  </time>
                  <ExpiryBadge credential={c} />
                  <Show when={licenseState(c) === 'soon'}>
                    <span class="small muted nowrap">in {daysUntil(d())} days</span>
                  </Show>
                </span>
              )}
            </Show>
          ),
        },
      ]}
    />
  );
}

function PersonView(props: { person: Staff; admin: boolean; onEdit: () => void; onEnd: () => void }) {
  const p = () => props.person;
  const locations = createAsync(() => listLocations().catch(() => ({ items: [], nextCursor: null })));
  const names = () => new Map((locations()?.items ?? []).map((l) => [l.id, l.name]));
  return (
    <div class="stack-lg">
      <Show when={p().status === 'ended'}>
        <Alert tone="info" title={`Former staff: last day ${formatCalendarDate(p().endDate ?? '')}`}>
          <Show when={p().endReason} fallback={<p>No reason was recorded.</p>}>
            <p>{p().endReason}</p>
          </Show>
        </Alert>
      </Show>
      <Show when={props.admin}>
        <div class="button-row hr-actions">
          <Button variant="primary" onClick={() => props.onEdit()}>
            Edit
          </Button>
          <Show when={p().status === 'active'}>
            <Button variant="danger" onClick={() => props.onEnd()}>
              Record last day
            </Button>
          </Show>
        </div>
      </Show>
      <Section title="Job" id="hr-job">
        <dl class="details hr-details">
          <Item term="Job title">{p().jobTitle}</Item>
          <Item term="Role">{STAFF_ROLE_LABELS[p().staffRole]}</Item>
          <Item term="Locations" has={p().locationIds.length > 0} missing="No location set">
            {locationNames(p().locationIds, names())}
          </Item>
          <Item term="Hired">
            <time datetime={p().hireDate}>{formatCalendarDate(p().hireDate)}</time>
          </Item>
          <Item term="Employment">{EMPLOYMENT_TYPE_LABELS[p().employmentType]}</Item>
          <Item term="FTE">{employmentText(p()).split(' · ')[1]}</Item>
          <Item term="Manager" has={Boolean(p().managerId)} missing="No manager">
            <A href={personHref(p().managerId ?? '')}>{p().managerName ?? 'Their manager'}</A>
          </Item>
          <Item term="Rounds login" has={Boolean(p().userId)} missing="No login">
            Has a login
          </Item>
        </dl>
      </Section>
      <Section title="Contact" id="hr-contact">
        <dl class="details hr-details">
          <Item term="Email" has={Boolean(p().email)} missing="No email">
            <a href={`mailto:${p().email}`} class="break">
              {p().email}
            </a>
          </Item>
          <Item term="Phone" has={Boolean(p().phone)} missing="No phone">
            <a href={`tel:${(p().phone ?? '').replace(/[^\d+]/g, '')}`}>{p().phone}</a>
          </Item>
        </dl>
      </Section>
      <Section
        title="Licenses and certifications"
        id="hr-licenses"
        description="Managers are reminded 90, 60 and 30 days before each expiry, and on the day."
      >
        <div class="hr-table-scroll">
          <Licenses person={p()} />
        </div>
      </Section>
      <Show when={props.admin}>
        <Section title="Pay" id="hr-pay" description="Only owners and managers see this.">
          <Show when={p().pay} fallback={<p class="muted">No pay is recorded. Edit to add it.</p>}>
            {(pay) => (
              <dl class="details hr-details">
                <Item term={pay().type === 'hourly' ? 'Hourly rate' : 'Yearly salary'}>{payText(pay())}</Item>
              </dl>
            )}
          </Show>
          <dl class="details hr-details">
            <Item
              term="Payroll file number (ADP File #)"
              has={Boolean(p().payrollFileNumber)}
              missing="Not recorded: the ADP export needs it"
            >
              {p().payrollFileNumber}
            </Item>
          </dl>
        </Section>
        <Section title="Emergency contact" id="hr-emergency" description="Only owners and managers see this.">
          <Show
            when={p().emergencyContact}
            fallback={<p class="muted">No emergency contact is recorded. Edit to add one.</p>}
          >
            {(c) => (
              <dl class="details hr-details">
                <Item term="Name">{c().name}</Item>
                <Item term="Relationship" has={Boolean(c().relationship)}>
                  {c().relationship}
                </Item>
                <Item term="Phone">
                  <a href={`tel:${c().phone.replace(/[^\d+]/g, '')}`}>{c().phone}</a>
                </Item>
              </dl>
            )}
          </Show>
        </Section>
      </Show>
    </div>
  );
}

function PersonLoader(props: { id: string; admin: boolean }) {
  const result = createAsync(() => getPerson(props.id));
  const [editing, setEditing] = createSignal(false);
  const [ending, setEnding] = createSignal<Staff>();
  return (
    <Show when={result()}>
      {(r) => {
        const found = () => {
          const res = r();
          return 'person' in res ? res.person : undefined;
        };
        return (
          <Show
            when={found()}
            fallback={
              <>
                <PageHeader title="Person not found" actions={<A href={STAFF_HREF}>All staff</A>} />
                <HrNav />
                <EmptyState
                  title="No such person in the directory"
                  action={
                    <A href={STAFF_HREF} class="btn btn-primary">
                      Back to the staff directory
                    </A>
                  }
                >
                  No one in the directory has this address. The link may be mistyped, or from another
                  practice.
                </EmptyState>
              </>
            }
          >
            {(person) => (
              <>
                <PersonHeading person={person()} />
                <HrNav />
                <PersonView
                  person={person()}
                  admin={props.admin}
                  onEdit={() => setEditing(true)}
                  onEnd={() => setEnding(person())}
                />
                <Show when={props.admin}>
                  <StaffDialog open={editing()} person={person()} onClose={() => setEditing(false)} />
                  <EndStaffDialog person={ending()} onClose={() => setEnding(undefined)} />
                </Show>
              </>
            )}
          </Show>
        );
      }}
    </Show>
  );
}

/** The person's name and job as the page's heading (the page keeps a generic heading until loaded). */
function PersonHeading(props: { person: Staff }) {
  return (
    <PageHeader
      title={props.person.name}
      description={
        <>
          {props.person.jobTitle} · {STAFF_ROLE_LABELS[props.person.staffRole]}
          <Show when={props.person.status === 'ended'}> · Former staff</Show>
        </>
      }
      actions={<A href={STAFF_HREF}>All staff</A>}
    />
  );
}

/** One person in the directory: job, contact, licenses, and for owners and managers pay and emergency contact. */
export function PersonPage() {
  const params = useParams<{ id: string }>();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  return (
    <div class="page hr">
      <LoadBoundary what="person" keys={[getPerson.key]}>
        <PersonLoader id={params.id} admin={admin()} />
      </LoadBoundary>
    </div>
  );
}
