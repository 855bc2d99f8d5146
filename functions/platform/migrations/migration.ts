import type { TenantScope } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';

/**
 * A one-time backfill: a module added a row or copy that its writes now keep (a search row, an index
 * copy, a listing), and the items written before need it too. Declared by the module that owns the
 * items (functions/<module>/migrations.ts), listed per module in functions/local/migrations.ts, run by
 * functions/local/migration-runner.ts (operator tooling: it reads the whole table, which no deployed
 * role may).
 */
export interface Migration {
  /** Stable id, `<module>/<what>`; the ledger records it once finished. */
  id: string;
  description: string;
  /** The item types (their `type` attribute) it reads. */
  reads: readonly string[];
  /** The writes that bring one tenant item up to date: puts of derived rows, so a re-run writes the same. */
  plan(item: Record<string, unknown>, scope: TenantScope): WriteOp[];
}
