import { type Key, systemKeys, tenantOfPartition } from '../platform/db/keys.ts';
import type { Store } from '../platform/db/store.ts';
import type { Migration } from '../platform/migrations/migration.ts';
import { scanItemsPage } from './item-scan.ts';

/** Where a migration stands: items read, writes made, and whether its pass finished. */
export interface MigrationProgress {
  id: string;
  scanned: number;
  written: number;
  done: boolean;
}

interface Ledger extends MigrationProgress {
  cursor?: Key;
  finishedAt?: string;
}

const PAGE = 200;
/** DynamoDB's TransactWriteItems limit. */
const TRANSACTION = 100;

/**
 * Runs each migration not yet finished: one pass over the table's items of the types it reads, writing
 * what each needs. The ledger records the pass's position after every page, so a stopped run resumes
 * where it stopped, and a finished migration is skipped from then on.
 */
export async function runMigrations(
  store: Store,
  migrations: readonly Migration[],
  onProgress: (p: MigrationProgress) => void = () => {},
  nowIso: () => string = () => new Date().toISOString(),
): Promise<MigrationProgress[]> {
  const results: MigrationProgress[] = [];
  for (const migration of migrations) {
    const key = systemKeys.migration(migration.id);
    const ledger: Ledger = (await store.get<Ledger>(key)) ?? {
      id: migration.id,
      scanned: 0,
      written: 0,
      done: false,
    };
    while (!ledger.done) {
      const page = await scanItemsPage(store.doc, store.tableName, {
        types: migration.reads,
        startKey: ledger.cursor,
        limit: PAGE,
      });
      const ops = page.items.flatMap((item) => {
        const tenantId = tenantOfPartition(String(item.PK));
        return tenantId ? migration.plan(item, { tenantId }) : [];
      });
      for (let i = 0; i < ops.length; i += TRANSACTION) await store.transact(ops.slice(i, i + TRANSACTION));
      ledger.scanned += page.items.length;
      ledger.written += ops.length;
      ledger.cursor = page.nextKey;
      ledger.done = !page.nextKey;
      if (ledger.done) ledger.finishedAt = nowIso();
      await store.put({
        ...key,
        type: 'migration',
        ...withoutCursor(ledger),
        ...(ledger.cursor ? { cursor: ledger.cursor } : {}),
      });
      onProgress({ id: ledger.id, scanned: ledger.scanned, written: ledger.written, done: ledger.done });
    }
    results.push({ id: ledger.id, scanned: ledger.scanned, written: ledger.written, done: ledger.done });
  }
  return results;
}

/**
 * Records migrations as finished without running them: a table seeded by this version's code already
 * has everything they would write.
 */
export async function markMigrationsDone(
  store: Store,
  migrations: readonly Migration[],
  nowIso: string,
): Promise<void> {
  for (const m of migrations) {
    await store.put({
      ...systemKeys.migration(m.id),
      type: 'migration',
      id: m.id,
      scanned: 0,
      written: 0,
      done: true,
      finishedAt: nowIso,
    });
  }
}

function withoutCursor(ledger: Ledger): Omit<Ledger, 'cursor'> {
  const { cursor: _cursor, ...rest } = ledger;
  return rest;
}
