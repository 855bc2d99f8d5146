import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Payer } from '../../../../shared/schemas/billing-payers.ts';
import { Button } from '../../components/ui/Button.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { formatCount, formatPercent } from '../../lib/number-format.ts';
import { claimsHref } from './links.ts';
import { Missing, Money } from './parts.tsx';
import { ContractCell, FeeScheduleCell, RateCell, ShortMoney } from './payer-cells.tsx';
import {
  type Dir,
  HEADER_STYLE,
  isSortKey,
  SORT_OPTIONS,
  SORTS,
  SortHeader,
  type SortKey,
  sortPayers,
} from './payer-sort.tsx';

/** One row per payer: how it paid over 12 months, its windows, contract and fee schedule. */
export function Scorecard(props: {
  payers: Payer[];
  admin: boolean;
  onEdit: (p: Payer) => void;
  onImport: () => void;
  onShowFees: (p: Payer) => void;
}) {
  const [params, setParams] = useSearchParams<{ sort?: string; dir?: string }>();
  const sort = (): SortKey => (isSortKey(params.sort) ? params.sort : 'charges');
  const dir = (): Dir => (params.dir === 'asc' || params.dir === 'desc' ? params.dir : SORTS[sort()].first);
  const rows = createMemo(() => sortPayers(props.payers, sort(), dir()));
  const onSort = (key: SortKey) => {
    const next: Dir = key === sort() ? (dir() === 'asc' ? 'desc' : 'asc') : SORTS[key].first;
    setParams({ sort: key, dir: next }, { replace: true });
  };
  const header = (key: SortKey, label: string, num = true) => (
    <SortHeader column={key} label={label} sort={sort()} dir={dir()} num={num} onSort={onSort} />
  );
  return (
    <>
      <div class="billing-toolbar">
        <SelectField
          label="Sort by"
          name="sort"
          value={sort()}
          options={SORT_OPTIONS}
          onChange={(v) => isSortKey(v) && setParams({ sort: v, dir: SORTS[v].first }, { replace: true })}
        />
        <Show when={dir() !== SORTS[sort()].first}>
          <p class="billing-toolbar-action muted small">In reverse order</p>
        </Show>
      </div>
      <p class="billing-scroll-hint muted small">Scroll the table sideways for more columns.</p>
      {/* Positioned, so the words hidden for screen readers in its cells stay inside its scrolling frame. */}
      <section
        class="billing-scroll"
        aria-labelledby="payers-caption"
        tabindex="0"
        style={{ position: 'relative' }}
      >
        <table class="billing-grid">
          <caption id="payers-caption" class="visually-hidden">
            Payers over the last 12 months, sorted by the column marked as sorted. Column headers sort the
            table.
          </caption>
          <thead>
            <tr>
              {header('name', 'Payer', false)}
              {header('lag', 'Days to pay')}
              {header('denial', 'Initial denial rate')}
              {header('underpayment', 'Under\u00adpayment rate')}
              {header('underpaid', 'Underpaid, % of expected')}
              {header('charges', 'Charges, then payments')}
              {header('notice', 'Filing windows, contract', false)}
              <th scope="col" style={HEADER_STYLE}>
                Fee schedule
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(p) => {
                const s = () => p.scorecard;
                const denied = () => Math.round((s().denialRate ?? 0) * s().firstAdjudicated);
                const underpaidLines = () => Math.round((s().underpaymentRate ?? 0) * s().pricedLines);
                const unpriced = () =>
                  p.hasFeeSchedule ? 'No line priced against the fee schedule yet' : 'No fee schedule';
                return (
                  <tr>
                    <th scope="row">
                      <span class="who">
                        <A href={claimsHref({ payer: p.id })} title="Open its claims" class="strong">
                          {p.name}
                        </A>
                        <span class="muted small mono">{p.id}</span>
                      </span>
                    </th>
                    <td class="num">
                      <Show
                        when={s().paymentLagDays !== null}
                        fallback={<Missing why="No claim paid in 12 months" />}
                      >
                        {formatCount(Math.round(s().paymentLagDays!), 'day')}
                      </Show>
                    </td>
                    <td class="num">
                      <RateCell
                        rate={s().denialRate}
                        count={`${denied().toLocaleString('en-US')} of ${s().firstAdjudicated.toLocaleString('en-US')}`}
                        missing="No claim decided in 12 months"
                      />
                    </td>
                    <td class="num">
                      <RateCell
                        rate={s().underpaymentRate}
                        count={`${underpaidLines().toLocaleString('en-US')} of ${formatCount(s().pricedLines, 'line')}`}
                        missing={unpriced()}
                      />
                    </td>
                    <td class="num">
                      <Show when={s().pricedLines > 0} fallback={<Missing why={unpriced()} />}>
                        <span class="who">
                          <Money cents={s().underpaidCents} />
                          <Show when={s().percentOfExpected !== null}>
                            <span class="muted small">
                              {formatPercent(s().percentOfExpected!)} of expected
                            </span>
                          </Show>
                        </span>
                      </Show>
                    </td>
                    <td class="num">
                      <span class="who">
                        <ShortMoney cents={s().chargesCents} />
                        <span>
                          <ShortMoney cents={s().paymentsCents} /> <span class="muted small">paid</span>
                        </span>
                      </span>
                    </td>
                    {/* Lines here may wrap, so the table fits a laptop screen without scrolling. */}
                    <td style={{ 'white-space': 'normal' }}>
                      <span class="stack" style={{ gap: '6px' }}>
                        <span class="who small">
                          <span>Appeal: {formatCount(p.appealDays, 'day')}</span>
                          <span>Filing: {formatCount(p.timelyFilingDays, 'day')}</span>
                        </span>
                        <ContractCell payer={p} />
                        <Show when={props.admin}>
                          <span>
                            <Button size="sm" onClick={() => props.onEdit(p)}>
                              Edit<span class="visually-hidden"> the windows and contract of {p.name}</span>
                            </Button>
                          </span>
                        </Show>
                      </span>
                    </td>
                    <td>
                      <FeeScheduleCell
                        payer={p}
                        admin={props.admin}
                        onImport={props.onImport}
                        onShow={() => props.onShowFees(p)}
                      />
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </section>
    </>
  );
}
