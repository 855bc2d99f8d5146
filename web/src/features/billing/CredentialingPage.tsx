import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  CREDENTIALING_STATUS_LABELS,
  type CredentialingGrid,
  type CredentialingProvider,
  type CredentialingRecord,
  type CredentialingStatus,
} from '../../../../shared/schemas/billing-credentialing.ts';
import { addDays } from '../../../../shared/time.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { formatCalendarDate, isoDay } from '../../lib/format.ts';
import { AddProviderDialog } from './AddProviderDialog.tsx';
import { BillingNav } from './BillingNav.tsx';
import { CaqhDialog, type CaqhTarget, type CellTarget, RecordDialog } from './CredentialingDialogs.tsx';
import { getCredentialing } from './credentialing-api.ts';
import { IMPORT_HREF } from './links.ts';
import { type LoginTarget, ProviderLoginDialog } from './ProviderLoginDialog.tsx';
import './billing.css';
import './credentialing.css';

type Payer = CredentialingGrid['payers'][number];

const STATUS_TONES: Record<CredentialingStatus, Tone> = {
  not_started: 'neutral',
  submitted: 'info',
  in_process: 'warning',
  effective: 'success',
  denied: 'danger',
  terminated: 'neutral',
};

const today = () => isoDay(new Date());

/** A date as a due date: overdue in red, within `soonDays` in amber, otherwise plain. */
function DueDate(props: { date: string; soonDays: number; prefix: string }) {
  const overdue = () => props.date < today();
  const soon = () => !overdue() && props.date <= addDays(today(), props.soonDays);
  return (
    <span class={overdue() ? 'cred-due cred-overdue' : soon() ? 'cred-due cred-soon' : 'cred-due'}>
      {props.prefix} {formatCalendarDate(props.date)}
      <Show when={overdue()}>
        {' '}
        <Badge tone="danger">Overdue</Badge>
      </Show>
      <Show when={soon()}>
        {' '}
        <Badge tone="warning">Due soon</Badge>
      </Show>
    </span>
  );
}

/** One provider × payer cell: the status as a colored badge with its word, and the date that matters. */
function StatusCell(props: { record?: CredentialingRecord; onEdit: () => void; label: string }) {
  return (
    <td class="cred-cell">
      <button type="button" class="cred-cell-button" onClick={props.onEdit} aria-label={props.label}>
        <Show when={props.record} fallback={<span class="muted small">Not tracked</span>}>
          {(r) => (
            <>
              <Badge tone={STATUS_TONES[r().status]}>{CREDENTIALING_STATUS_LABELS[r().status]}</Badge>
              <Show when={r().status === 'effective' && r().effectiveDate}>
                <span class="cred-date small">since {formatCalendarDate(r().effectiveDate!)}</span>
              </Show>
              <Show when={r().recredentialDate && r().status !== 'terminated' && r().status !== 'denied'}>
                <DueDate date={r().recredentialDate!} soonDays={90} prefix="Re-cred." />
              </Show>
            </>
          )}
        </Show>
      </button>
    </td>
  );
}

/** The provider's CAQH attestation: last attested, next due (overdue highlighted). */
function CaqhCell(props: { provider: CredentialingProvider; onEdit: () => void }) {
  const caqh = () => props.provider.caqh;
  return (
    <td class="cred-cell">
      <button
        type="button"
        class="cred-cell-button"
        onClick={props.onEdit}
        aria-label={`CAQH re-attestation for ${props.provider.name}: ${caqh() ? `next due ${caqh()!.nextDueDate}` : 'not recorded'}. Edit`}
      >
        <Show when={caqh()} fallback={<span class="muted small">Not recorded</span>}>
          {(c) => (
            <>
              <span class="cred-date small">Attested {formatCalendarDate(c().lastAttestedDate)}</span>
              <DueDate date={c().nextDueDate} soonDays={30} prefix="Next" />
            </>
          )}
        </Show>
      </button>
    </td>
  );
}

/** The provider's Rounds login (who sees this NPI's production); owners and managers change it. */
function LoginLine(props: { provider: CredentialingProvider; onEdit?: () => void }) {
  const name = () => props.provider.login?.userName;
  return (
    <span class="cred-npi muted small">
      {name() ? `Rounds login: ${name()}` : 'No Rounds login'}
      <Show when={props.onEdit}>
        {' '}
        <button
          type="button"
          class="link-button"
          onClick={() => props.onEdit?.()}
          aria-label={`${name() ? 'Change' : 'Link'} the Rounds login of ${props.provider.name}`}
        >
          {name() ? 'Change' : 'Link'}
        </button>
      </Show>
    </span>
  );
}

/** Providers (rows) × CAQH and payers (columns); the table scrolls inside its frame on a phone. */
function Grid(props: {
  grid: CredentialingGrid;
  onCell: (t: CellTarget) => void;
  onCaqh: (t: CaqhTarget) => void;
  onLogin?: (t: LoginTarget) => void;
}) {
  const records = () => new Map(props.grid.records.map((r) => [`${r.npi}|${r.payerId}`, r]));
  const cell = (p: CredentialingProvider, payer: Payer): CellTarget => ({
    npi: p.npi,
    providerName: p.name,
    payerId: payer.id,
    payerName: payer.name,
    record: records().get(`${p.npi}|${payer.id}`),
  });
  return (
    <>
      <p class="billing-scroll-hint muted small">Scroll the table sideways for more payers.</p>
      <section class="billing-scroll" aria-labelledby="cred-caption" tabindex="0">
        <table class="billing-grid cred-grid">
          <caption id="cred-caption" class="visually-hidden">
            Credentialing status of each provider with each payer, and their CAQH re-attestation
          </caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">CAQH</th>
              <For each={props.grid.payers}>{(payer) => <th scope="col">{payer.name}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.grid.providers}>
              {(p) => (
                <tr>
                  <th scope="row">
                    <span class="strong">{p.name}</span>
                    <span class="cred-npi muted small">NPI {p.npi}</span>
                    <LoginLine
                      provider={p}
                      onEdit={
                        props.onLogin
                          ? () => props.onLogin?.({ npi: p.npi, providerName: p.name, login: p.login })
                          : undefined
                      }
                    />
                  </th>
                  <CaqhCell
                    provider={p}
                    onEdit={() =>
                      props.onCaqh({
                        npi: p.npi,
                        providerName: p.name,
                        caqhId: p.caqh?.caqhId,
                        lastAttestedDate: p.caqh?.lastAttestedDate,
                        version: p.caqh?.version ?? 0,
                      })
                    }
                  />
                  <For each={props.grid.payers}>
                    {(payer) => {
                      const target = () => cell(p, payer);
                      const status = () => target().record?.status;
                      return (
                        <StatusCell
                          record={target().record}
                          onEdit={() => props.onCell(target())}
                          label={`${p.name} with ${payer.name}: ${status() ? CREDENTIALING_STATUS_LABELS[status()!] : 'not tracked'}. Edit`}
                        />
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </>
  );
}

function CredentialingBody(props: { onAdd: () => void }) {
  const grid = createAsync(() => getCredentialing());
  const [cell, setCell] = createSignal<CellTarget>();
  const [caqh, setCaqh] = createSignal<CaqhTarget>();
  const [login, setLogin] = createSignal<LoginTarget>();
  // Billing staff see the links; only owners and managers decide who reads an NPI's production.
  const mayLink = () => {
    const m = me();
    return m ? canAccess(m, 'billing-logins') : false;
  };
  return (
    <Show when={grid()}>
      {(g) => (
        <Show
          when={g().providers.length > 0 && g().payers.length > 0}
          fallback={
            <EmptyState
              title={g().payers.length ? 'No providers yet' : 'No payers yet'}
              action={
                g().payers.length ? (
                  <Button variant="primary" onClick={props.onAdd}>
                    Add provider
                  </Button>
                ) : (
                  <A href={IMPORT_HREF} class="btn btn-primary">
                    Import an 835 file
                  </A>
                )
              }
            >
              {g().payers.length
                ? 'Add the providers who bill under this practice to track their credentialing.'
                : 'Payers appear here once a remittance (835) from them is imported.'}
            </EmptyState>
          }
        >
          <Section
            id="cred-grid"
            title="Providers and payers"
            description="Click a cell to record where credentialing stands. Claims billed while a provider was not effective with the payer are flagged on the claims list."
          >
            <Grid grid={g()} onCell={setCell} onCaqh={setCaqh} onLogin={mayLink() ? setLogin : undefined} />
          </Section>
          <RecordDialog target={cell()} onClose={() => setCell(undefined)} />
          <CaqhDialog target={caqh()} onClose={() => setCaqh(undefined)} />
          <ProviderLoginDialog target={login()} onClose={() => setLogin(undefined)} />
        </Show>
      )}
    </Show>
  );
}

/** Credentialing: which provider is in network with which payer, and what is due when. */
export function CredentialingPage() {
  const [adding, setAdding] = createSignal(false);
  return (
    <div class="page billing">
      <PageHeader
        title="Credentialing"
        description="Each provider's standing with each payer, re-credentialing dates and CAQH re-attestation. Managers get reminders ahead of every date."
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add provider
          </Button>
        }
      />
      <BillingNav />
      <LoadBoundary what="credentialing" keys={[getCredentialing.key]}>
        <CredentialingBody onAdd={() => setAdding(true)} />
      </LoadBoundary>
      <AddProviderDialog open={adding()} onClose={() => setAdding(false)} />
    </div>
  );
}
