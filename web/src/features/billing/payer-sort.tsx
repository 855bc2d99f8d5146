import type { JSX } from 'solid-js';
import type { Payer } from '../../../../shared/schemas/billing-payers.ts';
import { addDays } from '../../../../shared/time.ts';
import { isoDay } from '../../lib/format.ts';
import { DEFAULT_NOTICE_DAYS } from './payers-api.ts';

/** How soon a notice deadline is highlighted. */
export const NOTICE_SOON_DAYS = 60;

export const today = () => isoDay(new Date());
export const daysUntil = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);

/** The day notice must be given before the contract renews (the API's alert uses the same date). */
export function noticeDeadline(p: Payer): string | undefined {
  const c = p.contract;
  return c?.renewalDate ? addDays(c.renewalDate, -(c.noticeDays ?? DEFAULT_NOTICE_DAYS)) : undefined;
}

/* ---------- Sorting ---------- */

export type SortKey =
  | 'name'
  | 'lag'
  | 'denial'
  | 'underpayment'
  | 'underpaid'
  | 'expected'
  | 'charges'
  | 'payments'
  | 'notice';
export type Dir = 'asc' | 'desc';

/**
 * Each sortable column: the value it sorts by (null sorts last either way), the direction it sorts
 * in first (worst first for the rates) and, for the "Sort by" list, what that order shows first.
 */
export const SORTS: Record<
  SortKey,
  { value: (p: Payer) => number | string | null; first: Dir; label: string }
> = {
  name: { value: (p) => p.name.toLowerCase(), first: 'asc', label: 'Payer name' },
  lag: { value: (p) => p.scorecard.paymentLagDays, first: 'desc', label: 'Slowest to pay' },
  denial: { value: (p) => p.scorecard.denialRate, first: 'desc', label: 'Highest denial rate' },
  underpayment: {
    value: (p) => p.scorecard.underpaymentRate,
    first: 'desc',
    label: 'Highest underpayment rate',
  },
  underpaid: {
    value: (p) => (p.scorecard.pricedLines > 0 ? p.scorecard.underpaidCents : null),
    first: 'desc',
    label: 'Most underpaid',
  },
  expected: { value: (p) => p.scorecard.percentOfExpected, first: 'asc', label: 'Lowest % of expected' },
  charges: { value: (p) => p.scorecard.chargesCents, first: 'desc', label: 'Most charges' },
  payments: { value: (p) => p.scorecard.paymentsCents, first: 'desc', label: 'Most payments' },
  notice: { value: (p) => noticeDeadline(p) ?? null, first: 'asc', label: 'Soonest notice deadline' },
};
export const SORT_OPTIONS = (Object.keys(SORTS) as SortKey[]).map((k) => ({
  value: k,
  label: SORTS[k].label,
}));
export const isSortKey = (v: string | undefined): v is SortKey => v !== undefined && v in SORTS;

export function sortPayers(items: readonly Payer[], key: SortKey, dir: Dir): Payer[] {
  const value = SORTS[key].value;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return (dir === 'asc' ? c : -c) || a.name.localeCompare(b.name);
  });
}

/** Headers (and the longer text cells) wrap: columns are as wide as their figures. Sort buttons look like header text. */
export const HEADER_STYLE: JSX.CSSProperties = { 'white-space': 'normal', 'vertical-align': 'bottom' };
export const SORT_BUTTON_STYLE: JSX.CSSProperties = {
  color: 'inherit',
  'white-space': 'inherit',
  'text-transform': 'inherit',
  'letter-spacing': 'inherit',
  'text-align': 'inherit',
};

/** A column header that sorts the table; the current sort is announced through aria-sort. */
export function SortHeader(props: {
  column: SortKey;
  label: string;
  sort: SortKey;
  dir: Dir;
  num?: boolean;
  onSort: (key: SortKey) => void;
}) {
  const active = () => props.sort === props.column;
  return (
    <th
      scope="col"
      class={props.num ? 'num' : undefined}
      style={props.column === 'name' ? undefined : HEADER_STYLE}
      aria-sort={active() ? (props.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        class="link-button"
        style={SORT_BUTTON_STYLE}
        onClick={() => props.onSort(props.column)}
      >
        {props.label}
        <span aria-hidden="true">{active() ? (props.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

/* ---------- Cells ---------- */
