import { For, Show } from 'solid-js';
import type { Payer } from '../../../../shared/schemas/billing-payers.ts';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { Missing, Money } from './parts.tsx';
import { type Fee, listFees } from './payers-api.ts';

/** One payer's fees, a page at a time; loaded when its expander is first opened. */
export function FeeList(props: { payer: Payer }) {
  const list = createPagedList<Fee & { key: string }>(
    () => props.payer.id,
    async (cursor) => {
      const page = await listFees(props.payer.id, cursor, PAGE_SIZE);
      return { ...page, items: page.items.map((f) => ({ ...f, key: `${f.code}|${f.modifier}` })) };
    },
    'key',
  );
  return (
    <LoadBoundary what={`fees of ${props.payer.name}`} keys={[listFees.key]}>
      <DataTable<Fee>
        caption={`Fee schedule of ${props.payer.name}`}
        loading={list.loading()}
        rows={list.items()}
        empty={<p class="muted small">No fees on file for this payer.</p>}
        columns={[
          { header: 'Code', cell: (f) => <span class="billing-code">{f.code}</span> },
          {
            header: 'Modifier',
            cell: (f) =>
              f.modifier ? <span class="billing-code">{f.modifier}</span> : <Missing why="None" />,
          },
          { header: 'Allowed', cell: (f) => <Money cents={f.allowedCents} />, class: 'num' },
        ]}
      />
      <ListPager label={`Fees of ${props.payer.name}`} list={list} />
    </LoadBoundary>
  );
}

/** A payer's fees in an expander; the list is read only once it is opened. */
export function FeeExpander(props: { payer: Payer; open: boolean; onToggle: (open: boolean) => void }) {
  return (
    <details
      id={`fees-${props.payer.id}`}
      open={props.open}
      onToggle={(e) => props.onToggle(e.currentTarget.open)}
    >
      <summary>
        <span class="strong">{props.payer.name}</span> <span class="muted small mono">{props.payer.id}</span>
      </summary>
      <Show when={props.open}>
        <div class="stack" style={{ 'margin-top': '8px' }}>
          <FeeList payer={props.payer} />
        </div>
      </Show>
    </details>
  );
}

export function FeeSchedules(props: {
  payers: Payer[];
  admin: boolean;
  openFees: Set<string>;
  onToggle: (id: string, open: boolean) => void;
  onImport: () => void;
}) {
  const withFees = () => props.payers.filter((p) => p.hasFeeSchedule);
  const without = () => props.payers.filter((p) => !p.hasFeeSchedule);
  return (
    <Section
      id="payer-fees"
      title="Fee schedules"
      description="What each contract allows per procedure code. Remittances imported after a fee schedule are checked against it, line by line."
    >
      <div class="stack">
        <Show
          when={withFees().length > 0}
          fallback={
            <EmptyState
              title="No fee schedule yet"
              action={
                <Show when={props.admin}>
                  <Button variant="primary" onClick={() => props.onImport()}>
                    Import a fee schedule
                  </Button>
                </Show>
              }
            >
              Import each payer’s contracted rates to see underpayments and % of expected.
              <Show when={!props.admin}> An owner or manager can import them.</Show>
            </EmptyState>
          }
        >
          <For each={withFees()}>
            {(p) => (
              <FeeExpander
                payer={p}
                open={props.openFees.has(p.id)}
                onToggle={(open) => props.onToggle(p.id, open)}
              />
            )}
          </For>
          <Show when={without().length > 0}>
            <p class="muted small">
              No fee schedule yet for{' '}
              {without()
                .map((p) => p.name)
                .join(', ')}
              .
              <Show when={props.admin}>
                {' '}
                <button type="button" class="link-button link" onClick={() => props.onImport()}>
                  Import one
                </button>
              </Show>
            </p>
          </Show>
        </Show>
      </div>
    </Section>
  );
}
