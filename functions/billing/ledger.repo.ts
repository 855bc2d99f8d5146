import {
  type CellDims,
  emptyTotals,
  type LedgerMonth,
  MONTH_TOTAL_FIELDS,
  type MonthTotalField,
  type MonthTotals,
} from '../../shared/billing/ledger.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { LedgerDelta } from './claim-effects.ts';

/**
 * The ledger items. A month item (per payer) holds one counter per total × provider × location,
 * named `<field>|<npi>|<location>`, and `r|<service month>` for what left A/R; an A/R item (per
 * service month and payer) holds `<day>|<npi>|<location>|i` (insurance) and `…|p` (patient)
 * balances. Counters are DynamoDB ADDs, so imports running at once never lose an update.
 */

const FIELDS = new Set<string>(MONTH_TOTAL_FIELDS);
/** The most ledger items a dashboard reads (months × payers): far more than any practice has. */
const MAX_LEDGER_ITEMS = 5000;

type Counters = Map<string, Record<string, number>>;

function bump(items: Counters, sk: string, attr: string, cents: number): void {
  const item = items.get(sk) ?? {};
  item[attr] = (item[attr] ?? 0) + cents;
  items.set(sk, item);
}

/** Sums deltas into one ADD update per ledger item touched (a transaction may touch an item once). */
export function ledgerOps(db: TenantDb, deltas: readonly LedgerDelta[]): WriteOp[] {
  const months: Counters = new Map();
  const ar: Counters = new Map();
  for (const d of deltas) {
    if (d.kind === 'month')
      bump(months, `${d.month}\u0000${d.payer}`, `${d.field}|${d.provider}|${d.location}`, d.cents);
    else if (d.kind === 'reduced') bump(months, `${d.month}\u0000${d.payer}`, `r|${d.serviceMonth}`, d.cents);
    else
      bump(
        ar,
        `${d.serviceDate.slice(0, 7)}\u0000${d.payer}`,
        `${d.serviceDate.slice(8, 10)}|${d.provider}|${d.location}|${d.owner === 'insurance' ? 'i' : 'p'}`,
        d.cents,
      );
  }
  const ops: WriteOp[] = [];
  const toOp = (
    key: { PK: string; SK: string },
    add: Record<string, number>,
    month: string,
    payer: string,
  ): WriteOp => ({
    kind: 'update',
    key,
    add: Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0)),
    setIfMissing: { month, payer },
    upsert: true,
  });
  for (const [k, add] of months) {
    const [month, payer] = k.split('\u0000') as [string, string];
    ops.push(toOp(tenantKeys.billingLedgerMonth(db, month, payer), add, month, payer));
  }
  for (const [k, add] of ar) {
    const [month, payer] = k.split('\u0000') as [string, string];
    ops.push(toOp(tenantKeys.billingArMonth(db, month, payer), add, month, payer));
  }
  return ops.filter((op) => op.kind !== 'update' || Object.keys(op.add ?? {}).length > 0);
}

type RawItem = Record<string, unknown> & { month: string; payer: string };

async function readAll(db: TenantDb, partition: string, between?: [string, string]): Promise<RawItem[]> {
  const out: RawItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<RawItem>({
      partition,
      ...(between ? { skBetween: between } : {}),
      limit: 100,
      cursor,
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_LEDGER_ITEMS);
  return out;
}

/** The ledger's months from `from` to `to` (YYYY-MM, both included), payer items folded into cells. */
export async function readLedger(db: TenantDb, from: string, to: string): Promise<LedgerMonth[]> {
  const items = await readAll(
    db,
    tenantKeys.billingLedgerPartition(db),
    tenantKeys.billingLedgerMonths(from, to),
  );
  const byMonth = new Map<string, LedgerMonth>();
  for (const item of items) {
    const month = byMonth.get(item.month) ?? { month: item.month, cells: [], reducedByServiceMonth: {} };
    const cells = new Map<string, { dims: CellDims; totals: MonthTotals }>();
    for (const [attr, value] of Object.entries(item)) {
      if (typeof value !== 'number') continue;
      const [field, a, b] = attr.split('|');
      if (field === 'r' && a) {
        month.reducedByServiceMonth[a] = (month.reducedByServiceMonth[a] ?? 0) + value;
        continue;
      }
      if (!field || !FIELDS.has(field) || a === undefined || b === undefined) continue;
      const cell = cells.get(`${a}|${b}`) ?? {
        dims: { payer: item.payer, provider: a, location: b },
        totals: emptyTotals(),
      };
      cell.totals[field as MonthTotalField] += value;
      cells.set(`${a}|${b}`, cell);
    }
    month.cells.push(...cells.values());
    byMonth.set(item.month, month);
  }
  return [...byMonth.values()].sort((x, y) => (x.month < y.month ? -1 : 1));
}

/** One A/R balance: a day of service, its payer, provider and location, and who owes it. */
export interface ArBalance {
  serviceDate: string;
  payer: string;
  provider: string;
  location: string;
  owner: 'insurance' | 'patient';
  cents: number;
}

/** Every non-zero A/R balance by day of service (one Query over the service months on the books). */
export async function readArBalances(db: TenantDb): Promise<ArBalance[]> {
  const out: ArBalance[] = [];
  for (const item of await readAll(db, tenantKeys.billingArPartition(db))) {
    for (const [attr, value] of Object.entries(item)) {
      if (typeof value !== 'number' || value === 0) continue;
      const [day, provider, location, owner] = attr.split('|');
      if (!day || !provider || !location || (owner !== 'i' && owner !== 'p')) continue;
      out.push({
        serviceDate: `${item.month}-${day}`,
        payer: item.payer,
        provider,
        location,
        owner: owner === 'i' ? 'insurance' : 'patient',
        cents: value,
      });
    }
  }
  return out;
}
