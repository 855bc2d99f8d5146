import { A, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type {
  ClaimBatchPreview,
  ClaimBatchResult,
  RemittanceImportResult,
  RemittancePreview,
} from '../../../../shared/schemas/billing.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { formatCents, formatCount } from '../../lib/number-format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import {
  importClaimBatch,
  importRemittances,
  listRemittances,
  previewClaimBatch,
  previewRemittances,
  type RemittanceDto,
} from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { PreviewTable, Problems, Result } from './import-parts.tsx';
import { claimsHref } from './links.ts';
import { Day, Money, paymentMethodText } from './parts.tsx';
import { createX12Import, X12FileStep, type X12Import, X12ImportAction } from './x12-import.tsx';
import './billing.css';

/** 835: choose → preview → import, then the result; a new file starts over. */
function RemittanceFlow() {
  const fresh = (p: RemittancePreview | undefined) =>
    (p?.remittances ?? []).filter((r) => !r.alreadyImported);
  const flow = createX12Import<RemittancePreview, RemittanceImportResult>({
    kind: '835',
    preview: previewRemittances,
    importText: importRemittances,
    blocked: (p) => remittancesBlocked(p, fresh(p).length),
  });
  return (
    <div class="stack-lg">
      <X12FileStep
        flow={flow as X12Import<unknown, unknown>}
        title="1. Choose the 835 file"
        description="The electronic remittance advice (ERA) your payer or clearinghouse sends with each payment."
        hint="An X12 835 file (it starts with “ISA”), up to 5 MB, from this computer or kept in Documents. Nothing is saved until you import it."
        accept=".835,.txt,.edi,.x12,.era,text/plain"
        documentsTitle="Import an 835 from Documents"
      />
      <Show when={flow.preview()}>
        {(p) => (
          <Section
            id="billing-preview"
            title="2. Check what it holds"
            description="What importing would add. Claims Rounds does not know yet are created from the remittance."
          >
            <div class="stack">
              <Show when={p().problems.length > 0}>
                <Problems
                  problems={p().problems}
                  title={`The file has ${formatCount(p().problems.length, 'problem')}`}
                />
              </Show>
              <Show when={p().remittances.length > 0}>
                <PreviewTable rows={p().remittances} done={Boolean(flow.result())} />
              </Show>
              <Show
                when={flow.result()}
                fallback={
                  <X12ImportAction
                    flow={flow as X12Import<unknown, unknown>}
                    label={`Import ${formatCount(fresh(p()).length, 'remittance')}`}
                    ready={`${formatCents(fresh(p()).reduce((s, r) => s + r.paymentCents, 0))} in payments. A remittance imported before is skipped.`}
                  />
                }
              >
                {(r) => <Result result={r()} />}
              </Show>
            </div>
          </Section>
        )}
      </Show>
    </div>
  );
}

const FIX_FIRST = 'Fix the problems above first: a file with any problem is refused whole.';

function remittancesBlocked(p: RemittancePreview, fresh: number): string | undefined {
  if (p.problems.length) return FIX_FIRST;
  if (p.remittances.length === 0) return 'The file holds no remittance to import.';
  if (fresh === 0) return 'Everything in this file was imported before.';
  return undefined;
}

function claimBatchBlocked(p: ClaimBatchPreview): string | undefined {
  if (p.problems.length) return FIX_FIRST;
  if (p.claims === 0) return 'The file holds no claim to import.';
  if (p.newClaims === 0) return 'Every claim in this file was imported before.';
  return undefined;
}

/** 837P: the claims the practice submitted, so A/R counts them before any payer answers. */
function ClaimBatchFlow() {
  const flow = createX12Import<ClaimBatchPreview, ClaimBatchResult>({
    kind: '837',
    preview: previewClaimBatch,
    importText: importClaimBatch,
    blocked: claimBatchBlocked,
  });
  return (
    <div class="stack-lg">
      <X12FileStep
        flow={flow as X12Import<unknown, unknown>}
        title="1. Choose the 837P file"
        description="The professional claims your billing system or clearinghouse sent to payers. Importing them puts each claim in A/R from the day it was submitted."
        hint="An X12 837P file (it starts with “ISA”), up to 5 MB, from this computer or kept in Documents. Nothing is saved until you import it."
        accept=".837,.txt,.edi,.x12,.clm,text/plain"
        documentsTitle="Import an 837P from Documents"
      />
      <Show when={flow.preview()}>
        {(p) => (
          <Section
            id="billing-preview"
            title="2. Check what it holds"
            description="What importing would add. A claim imported before is left as it is."
          >
            <div class="stack">
              <Show when={p().problems.length > 0}>
                <Problems
                  problems={p().problems}
                  title={`The file has ${formatCount(p().problems.length, 'problem')}`}
                />
              </Show>
              <ClaimBatchSummary preview={p()} />
              <Show
                when={flow.result()}
                fallback={
                  <X12ImportAction
                    flow={flow as X12Import<unknown, unknown>}
                    label={`Import ${formatCount(p().newClaims, 'claim')}`}
                    ready={`${formatCount(p().newClaims, 'new claim')}${p().alreadySubmitted ? `; ${formatCount(p().alreadySubmitted, 'claim')} imported before will be skipped` : ''}.`}
                  />
                }
              >
                {(r) => <ClaimBatchDone result={r()} />}
              </Show>
            </div>
          </Section>
        )}
      </Show>
    </div>
  );
}

/** The preview in figures: how many claims, how many new, for how much, to which payers. */
function ClaimBatchSummary(props: { preview: ClaimBatchPreview }) {
  const p = () => props.preview;
  return (
    <Show when={p().claims > 0}>
      <dl class="billing-batch-summary">
        <div>
          <dt>Claims in the file</dt>
          <dd class="strong">{p().claims.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>New to Rounds</dt>
          <dd class="strong">{p().newClaims.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Imported before</dt>
          <dd>{p().alreadySubmitted.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Charges</dt>
          <dd>
            <Money cents={p().chargeCents} class="strong" />
          </dd>
        </div>
        <div class="billing-batch-payers">
          <dt>{p().payers.length === 1 ? 'Payer' : 'Payers'}</dt>
          <dd class="break">{p().payers.join(', ')}</dd>
        </div>
      </dl>
    </Show>
  );
}

function ClaimBatchDone(props: { result: ClaimBatchResult }) {
  const r = () => props.result;
  return (
    <Alert tone="success" title={r().imported > 0 ? 'Imported' : 'Nothing new to import'}>
      <p>
        <Show
          when={r().imported > 0}
          fallback={<>Every claim in the file was imported before; nothing changed.</>}
        >
          {formatCount(r().imported, 'claim')} for {formatCents(r().chargeCents)} in charges, now awaiting the
          payer.
        </Show>
        <Show when={r().imported > 0 && r().skipped > 0}>
          {' '}
          {formatCount(r().skipped, 'claim')} imported before {r().skipped === 1 ? 'was' : 'were'} skipped.
        </Show>
      </p>
      <p class="billing-links">
        <A href={claimsHref({ state: 'submitted' })}>See the claims awaiting payers</A>
        <A href="/app/billing/aging">A/R aging</A>
      </p>
    </Alert>
  );
}

function RemittanceList() {
  const list = createPagedList(
    () => 'all',
    (cursor) => listRemittances(cursor, PAGE_SIZE),
  );
  return (
    <>
      <DataTable<RemittanceDto>
        caption="Imported remittances"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title="Nothing imported yet">
              Choose an 835 file above, or one kept in Documents: each remittance in it appears here once
              imported.
            </EmptyState>
          </Show>
        }
        columns={[
          { header: 'Paid on', cell: (r) => <Day date={r.paymentDate} /> },
          { header: 'Payer', cell: (r) => <span class="break">{r.payerName}</span> },
          { header: 'Trace', cell: (r) => <span class="mono break-any">{r.traceNumber}</span> },
          {
            header: 'Amount',
            cell: (r) => (
              <span class="who">
                <Money cents={r.paymentCents} class="strong" />
                <span class="muted small">{paymentMethodText(r.paymentMethod)}</span>
              </span>
            ),
            class: 'num',
          },
          { header: 'Claims', cell: (r) => r.claims.toLocaleString('en-US'), class: 'num' },
          {
            header: 'Imported',
            cell: (r) => (
              <span class="who">
                <span class="small">
                  <time datetime={r.importedAt}>{formatDateTime(r.importedAt)}</time> by {r.importedBy}
                </span>
                <Show when={r.fileName}>
                  <span class="muted small break-any">{r.fileName}</span>
                </Show>
              </span>
            ),
          },
        ]}
      />
      <ListPager label="Imported remittances" list={list} />
    </>
  );
}

const KINDS = [
  { id: 'remittances', label: 'Remittances (835)' },
  { id: 'claims', label: 'Claims (837P)' },
];
type KindId = 'remittances' | 'claims';

/** X12 import: payers' remittances (835) or the practice's own claims (837P), and what came in. */
export function ImportPage() {
  const [params, setParams] = useSearchParams<{ file?: string }>();
  const kind = (): KindId => (params.file === 'claims' ? 'claims' : 'remittances');
  return (
    <div class="page billing">
      <PageHeader
        title="Import X12 files"
        description="Bring in the 835 files payers send with their payments and the 837P claim files your billing system sends: claims, denials and balances update from them."
      />
      <BillingNav />
      <Tabs
        label="Kind of file"
        idPrefix="billing-import"
        tabs={KINDS}
        selected={kind()}
        onSelect={(id) => setParams({ file: id === 'claims' ? 'claims' : undefined }, { replace: true })}
      />
      <div {...tabPanelProps('billing-import', kind())}>
        <Show
          when={kind() === 'claims'}
          fallback={
            <div class="stack-lg">
              <RemittanceFlow />
              <Section id="billing-imported" title="Imported remittances" description="Newest payment first.">
                <LoadBoundary what="imported remittances" keys={[listRemittances.key]}>
                  <RemittanceList />
                </LoadBoundary>
              </Section>
            </div>
          }
        >
          <ClaimBatchFlow />
        </Show>
      </div>
    </div>
  );
}
