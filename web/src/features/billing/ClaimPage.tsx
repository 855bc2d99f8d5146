import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { groupCodeText } from '../../../../shared/billing/adjustment-codes.ts';
import type { ClaimDetail } from '../../../../shared/schemas/billing.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable } from '../../components/ui/Table.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { formatCents } from '../../lib/number-format.ts';
import { getClaim } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { AssignDialog, FollowUpDialog } from './ClaimActions.tsx';
import { FilingLimit } from './FilingLimit.tsx';
import { claimsHref } from './links.ts';
import { PatientPaymentDialog } from './PatientPaymentDialog.tsx';
import {
  CredentialingBadge,
  Day,
  DenialReasons,
  Missing,
  Money,
  PreventableBadge,
  StateBadge,
  When,
} from './parts.tsx';
import './billing.css';

type Line = ClaimDetail['lines'][number];
type Payment = ClaimDetail['payments'][number];
type Adjustment = Payment['adjustments'][number];

/** The money of the claim in one row of figures: what was billed, paid, adjusted and is still owed. */
function Amounts(props: { claim: ClaimDetail['claim'] }) {
  const items = () => [
    { label: 'Charged', cents: props.claim.chargeCents },
    { label: 'Paid by the payer', cents: props.claim.paidCents },
    { label: 'Adjusted', cents: props.claim.adjustedCents },
    { label: 'Payer still owes', cents: props.claim.insuranceBalanceCents, strong: true },
    { label: 'Patient owes', cents: props.claim.patientBalanceCents, strong: true },
  ];
  return (
    <dl class="billing-amounts">
      <For each={items()}>
        {(i) => (
          <div>
            <dt>{i.label}</dt>
            <dd class={i.strong ? 'strong' : undefined}>
              <Money cents={i.cents} />
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}

function Adjustments(props: { items: Adjustment[] }) {
  return (
    <DataTable<Adjustment>
      caption="Adjustments"
      rows={props.items}
      empty={<p class="muted small">No adjustments.</p>}
      columns={[
        {
          header: 'Who bears it',
          cell: (a) => (
            <span class="who">
              <span>{groupCodeText(a.group)}</span>
              <span class="muted small mono">{a.group}</span>
            </span>
          ),
        },
        {
          header: 'Reason',
          cell: (a) => (
            <span>
              <span class="billing-code">{a.reason}</span> <span class="break">{a.reasonText}</span>
            </span>
          ),
        },
        { header: 'Amount', cell: (a) => <Money cents={a.amountCents} />, class: 'num' },
      ]}
    />
  );
}

/** One remittance's part in the claim: its decision, amounts, adjustments in words and remarks. */
function PaymentCard(props: { p: Payment }) {
  return (
    <article class="billing-payment" aria-label={`Remittance ${props.p.traceNumber}`}>
      <header class="billing-payment-head">
        <h3 class="subheading">
          {props.p.statusText} <span class="muted small">· {formatCalendarDate(props.p.paymentDate)}</span>
        </h3>
        <p class="muted small">
          Trace <span class="mono">{props.p.traceNumber}</span>
          <Show when={props.p.payerClaimNumber}>
            {(n) => (
              <>
                {' '}
                · payer's claim number <span class="mono">{n()}</span>
              </>
            )}
          </Show>
        </p>
      </header>
      <dl class="billing-amounts billing-amounts-small">
        <div>
          <dt>Billed</dt>
          <dd>
            <Money cents={props.p.chargeCents} />
          </dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd class="strong">
            <Money cents={props.p.paidCents} />
          </dd>
        </div>
        <div>
          <dt>Patient's share</dt>
          <dd>
            <Money cents={props.p.patientResponsibilityCents} />
          </dd>
        </div>
      </dl>
      <Adjustments items={props.p.adjustments} />
      <Show when={props.p.remarks.length > 0}>
        <div>
          <h4 class="billing-h4">Remarks</h4>
          <ul class="billing-reasons">
            <For each={props.p.remarks}>
              {(r) => (
                <li>
                  <span class="billing-code">{r.code}</span> <span class="billing-reason-text">{r.text}</span>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </article>
  );
}

function ClaimView(props: { detail: ClaimDetail }) {
  const [assigning, setAssigning] = createSignal(false);
  const [working, setWorking] = createSignal(false);
  const [paying, setPaying] = createSignal(false);
  const claim = () => props.detail.claim;
  const patient = () => props.detail.patient;
  const closed = () => claim().state === 'closed';
  const events = () => [...props.detail.events].reverse();
  return (
    <>
      <div class="stack-lg">
        <section class="card" aria-labelledby="billing-claim-status">
          <div class="card-body stack">
            <div class="billing-claim-head">
              <div class="stack">
                <h2 id="billing-claim-status" class="card-title break">
                  {claim().patientName} · {claim().payerName}
                </h2>
                <p class="billing-badges">
                  <StateBadge state={claim().state} />
                  <Show when={claim().preventable}>
                    <PreventableBadge />
                  </Show>
                  <Show when={claim().credentialingIssue}>
                    {(issue) => <CredentialingBadge issue={issue()} />}
                  </Show>
                  <span class="muted small">Seen {formatCalendarDate(claim().serviceDate)}</span>
                </p>
              </div>
              <div class="row-actions billing-claim-actions">
                <Button variant="primary" onClick={() => setAssigning(true)} disabled={closed()}>
                  {claim().assignee ? 'Reassign' : 'Assign for follow-up'}
                </Button>
                <Button onClick={() => setWorking(true)}>Record follow-up</Button>
                <Show when={claim().patientBalanceCents > 0}>
                  <Button onClick={() => setPaying(true)}>Record patient payment</Button>
                </Show>
              </div>
            </div>
            <Amounts claim={claim()} />
            <p class="small">
              <Show
                when={claim().assignee}
                fallback={
                  <span class="muted">
                    {closed() ? 'Closed: nothing to follow up.' : 'Nobody is following this claim up yet.'}
                  </span>
                }
              >
                {(a) => (
                  <>
                    Followed up by <span class="strong">{a().name}</span>
                    <Show when={claim().followUpDate}>
                      {(d) => (
                        <>
                          , next by <span class="strong">{formatCalendarDate(d())}</span>
                        </>
                      )}
                    </Show>
                    .
                  </>
                )}
              </Show>{' '}
              <span class="muted">
                Provider: {claim().providerName ?? claim().providerNpi ?? 'not known'}
                <Show when={claim().submittedDate}>{(d) => <> · sent {formatCalendarDate(d())}</>}</Show>
              </span>
            </p>
            <Show when={claim().credentialingIssue}>
              {(issue) => (
                <Alert tone="warning" title="Billed for a provider the payer has not credentialed">
                  <p>
                    {issue()}. Check the provider's status on the{' '}
                    <A href="/app/billing/credentialing">credentialing page</A> before resubmitting.
                  </p>
                </Alert>
              )}
            </Show>
            <Show when={props.detail.filing}>
              {(filing) => <FilingLimit filing={filing()} payerName={claim().payerName} />}
            </Show>
            <Show when={claim().denialReasons.length > 0}>
              <Alert tone={claim().state === 'denied' ? 'warning' : 'info'} title="Why the payer denied it">
                <DenialReasons codes={claim().denialReasons} />
                <Show when={claim().preventable}>
                  <p class="small">
                    The front desk could have prevented this: check coverage, authorizations and the patient's
                    details before the visit.
                  </p>
                </Show>
              </Alert>
            </Show>
          </div>
        </section>

        <div class="billing-claim-grid">
          <Section id="billing-patient" title="Patient">
            <dl class="billing-details">
              <div>
                <dt>Name</dt>
                <dd>{[patient().lastName, patient().firstName].filter(Boolean).join(', ')}</dd>
              </div>
              <div>
                <dt>Birth date</dt>
                <dd>
                  <Day date={patient().birthDate} missing="Not on the claim" />
                </dd>
              </div>
              <div>
                <dt>Member id</dt>
                <dd class="mono break-any">{patient().memberId ?? <Missing why="Not on the claim" />}</dd>
              </div>
            </dl>
          </Section>

          <Section id="billing-lines" title="Services billed">
            <DataTable<Line>
              caption="Services billed"
              rows={props.detail.lines}
              empty={<p class="muted">The remittances named no service lines for this claim.</p>}
              columns={[
                {
                  header: 'Code',
                  cell: (l) => (
                    <span class="mono">
                      {l.code}
                      {l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}
                    </span>
                  ),
                },
                { header: 'Units', cell: (l) => l.units.toLocaleString('en-US'), class: 'num' },
                { header: 'Date', cell: (l) => <Day date={l.serviceDate ?? claim().serviceDate} /> },
                { header: 'Charge', cell: (l) => <Money cents={l.chargeCents} />, class: 'num' },
                {
                  header: 'Allowed',
                  cell: (l) =>
                    l.allowedCents === undefined ? (
                      <Missing why="Not stated" />
                    ) : (
                      <Money cents={l.allowedCents} />
                    ),
                  class: 'num',
                },
                { header: 'Paid', cell: (l) => <Money cents={l.paidCents} />, class: 'num' },
              ]}
            />
          </Section>
        </div>

        <Section
          id="billing-remittances"
          title="What the payer said"
          description="Each remittance that named this claim, oldest first, with every adjustment in plain words."
        >
          <Show
            when={props.detail.payments.length > 0}
            fallback={
              <EmptyState title="No remittance yet">
                The payer has not decided on this claim in any imported remittance.
              </EmptyState>
            }
          >
            <div class="stack-lg">
              <For each={props.detail.payments}>{(p) => <PaymentCard p={p} />}</For>
            </div>
          </Show>
        </Section>

        <Section id="billing-timeline" title="Timeline" description="Newest first.">
          <Show
            when={events().length > 0}
            fallback={<p class="muted">Nothing has happened on this claim yet.</p>}
          >
            <ol class="billing-timeline">
              <For each={events()}>
                {(e) => (
                  <li class={`billing-event billing-event-${e.kind}`}>
                    <span class="billing-event-when small muted">
                      <When at={e.at} />
                    </span>
                    <span class="billing-event-what">
                      <span class="break">{e.summary}</span>
                      <Show when={e.amountCents !== undefined && e.amountCents !== 0}>
                        {' '}
                        <span class="strong nowrap">{formatCents(e.amountCents!)}</span>
                      </Show>
                      <Show when={e.by}>
                        <span class="muted small"> · {e.by}</span>
                      </Show>
                    </span>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </Section>
      </div>
      <AssignDialog open={assigning()} claim={claim()} onClose={() => setAssigning(false)} />
      <FollowUpDialog open={working()} claim={claim()} onClose={() => setWorking(false)} />
      <PatientPaymentDialog open={paying()} claim={claim()} onClose={() => setPaying(false)} />
    </>
  );
}

function ClaimLoader(props: { id: string }) {
  const detail = createAsync(() => getClaim(props.id));
  return <Show when={detail()}>{(d) => <ClaimView detail={d()} />}</Show>;
}

/** One claim: where it stands, its money, what each remittance said in words, its timeline, and the work on it. */
export function ClaimPage() {
  const params = useParams<{ id: string }>();
  return (
    <div class="page billing">
      <PageHeader
        title={`Claim ${params.id}`}
        description="Where it stands, what each remittance said in plain words, and the work on it."
        actions={<A href={claimsHref()}>All open claims</A>}
      />
      <BillingNav />
      <LoadBoundary what="claim" keys={[getClaim.key]}>
        <ClaimLoader id={params.id} />
      </LoadBoundary>
    </div>
  );
}
