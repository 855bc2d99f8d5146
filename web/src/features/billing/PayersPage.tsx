import { A, createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { BILLING_METRICS } from '../../../../shared/metrics.ts';
import { inRoleGroup } from '../../../../shared/roles.ts';
import type { Payer } from '../../../../shared/schemas/billing-payers.ts';
import { me } from '../../app/session.ts';
import { MetricDefinitions } from '../../components/charts/MetricDefinitions.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { BillingNav } from './BillingNav.tsx';
import { FeeImport } from './FeeImport.tsx';
import { IMPORT_HREF } from './links.ts';
import { PayerDialog } from './PayerDialog.tsx';
import { FeeSchedules } from './PayerFees.tsx';
import { Scorecard } from './PayerScorecard.tsx';
import { getPayers } from './payers-api.ts';
import './billing.css';

/** Underpayment and % of expected in words, with the registry's days-to-pay and denial rate. */
function PayerDefinitions() {
  const metrics = BILLING_METRICS.filter(
    (m) => m.id === 'billing.payment_lag' || m.id === 'billing.denial_rate',
  );
  return (
    <MetricDefinitions metrics={metrics} class="billing-definitions">
      <p class="small">
        Every figure covers the last 12 months. Charges are by date of service; payments (the payer’s and its
        patients’) by the month they were posted. Days to pay is the payment lag below.
      </p>
      <dl>
        <dt>Underpayment rate</dt>
        <dd>
          Priced claim lines the payer allowed less for than its fee schedule says, divided by all priced
          lines. The payer’s allowed amount is the AMT*B6 amount on its remittance, or else what it paid plus
          the patient’s share; the fee schedule’s amount is the fee for the code (with the line’s first
          modifier when the schedule has one, else the code’s own fee) times the units. A line is priced only
          when its code is on the schedule, and only remittances imported after the fee schedule are priced.
        </dd>
        <dt>Underpaid</dt>
        <dd>The total shortfall of the underpaid lines: the fee schedule’s amount minus what was allowed.</dd>
        <dt>% of expected</dt>
        <dd>
          What the payer allowed on priced lines divided by what its fee schedule says for them. Under 100%
          means it pays less than the contract.
        </dd>
      </dl>
    </MetricDefinitions>
  );
}

function PayersBody(props: { admin: boolean; onEdit: (p: Payer) => void; onImport: () => void }) {
  const data = createAsync(() => getPayers());
  const [openFees, setOpenFees] = createSignal<Set<string>>(new Set());
  const toggle = (id: string, open: boolean) => {
    const next = new Set(openFees());
    if (open) next.add(id);
    else next.delete(id);
    setOpenFees(next);
  };
  const showFees = (p: Payer) => {
    toggle(p.id, true);
    queueMicrotask(() => {
      const el = document.getElementById(`fees-${p.id}`);
      el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      el?.querySelector('summary')?.focus({ preventScroll: true });
    });
  };
  return (
    <Show when={data()}>
      {(d) => (
        <Show
          when={d().items.length > 0}
          fallback={
            <EmptyState
              title="No payers yet"
              action={
                <A href={IMPORT_HREF} class="btn btn-primary">
                  Import an 835 file
                </A>
              }
            >
              Payers appear here once a remittance (835) or a claim file naming them is imported.
            </EmptyState>
          }
        >
          <div class="stack-lg">
            <Section
              id="payers-scorecard"
              title="Scorecard, last 12 months"
              description={
                props.admin
                  ? 'How each payer paid, its filing windows and contract. Sort by any column; Edit sets the windows and the contract.'
                  : 'How each payer paid, its filing windows and contract. Sort by any column. Owners and managers set the windows and contracts.'
              }
            >
              <div class="stack">
                <Scorecard
                  payers={d().items}
                  admin={props.admin}
                  onEdit={props.onEdit}
                  onImport={props.onImport}
                  onShowFees={showFees}
                />
                <PayerDefinitions />
              </div>
            </Section>
            <FeeSchedules
              payers={d().items}
              admin={props.admin}
              openFees={openFees()}
              onToggle={toggle}
              onImport={props.onImport}
            />
          </div>
        </Show>
      )}
    </Show>
  );
}

/* ---------- Fee schedule import ---------- */

/** Payers: a 12-month scorecard, filing windows, contracts with their notice deadline, fee schedules. */
export function PayersPage() {
  const admin = () => inRoleGroup(me()?.user.role ?? '', 'practiceAdmins');
  const [editing, setEditing] = createSignal<Payer>();
  const [importOpen, setImportOpen] = createSignal(false);
  const openImport = () => {
    setImportOpen(true);
    queueMicrotask(() => {
      const heading = document.getElementById('fee-import-title');
      heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      heading?.focus({ preventScroll: true });
    });
  };
  return (
    <div class="page billing billing-wide">
      <PageHeader
        title="Payers"
        description="How fast each payer pays, how often it denies or underpays, its filing windows, and when its contract can be renegotiated."
      />
      <BillingNav />
      <div class="stack-lg">
        <LoadBoundary what="payers" keys={[getPayers.key]}>
          <PayersBody admin={admin()} onEdit={setEditing} onImport={openImport} />
        </LoadBoundary>
        <Show when={admin()}>
          <FeeImport
            open={importOpen()}
            onToggle={() => (importOpen() ? setImportOpen(false) : openImport())}
          />
        </Show>
      </div>
      <Show when={admin()}>
        <PayerDialog payer={editing()} onClose={() => setEditing(undefined)} />
      </Show>
    </div>
  );
}
