import type { BenchmarkWindow, SuppressionReason } from '../../../shared/benchmarks/cohorts.ts';
import type { Distribution } from '../../../shared/benchmarks/stats.ts';
import type { PracticeSize, Region, Specialty } from '../../../shared/schemas/tenants.ts';
import { benchmarkKeys, systemKeys, tenantKeys } from '../db/keys.ts';
import type { Store, WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';

/** A metric's figures in one cohort cell: published, or only the reason it is not. */
export type CellFigures = Distribution | { suppressed: SuppressionReason };

/** One cohort, one window, one end month: every metric's figures (what a dashboard reads). */
export interface CellItem {
  associationId: string;
  window: BenchmarkWindow;
  cohort: string;
  month: string;
  metrics: Record<string, CellFigures>;
  computedAt: string;
}

/** One month rolled up for an association: the marker that freezes it. */
export interface RunItem {
  month: string;
  /** Members listed when it ran. */
  members: number;
  /** Per metric, the practices whose value counted in the month's own window. */
  contributors: Record<string, number>;
  computedAt: string;
}

/** A practice's own share of a month: its values, and its rank in each published cohort. */
export interface ContributionItem {
  associationId: string;
  associationName: string;
  month: string;
  /** The eight cohorts the practice counted in (its specialty, region and size, each fixed or not). */
  cohorts: string[];
  windows: Partial<Record<BenchmarkWindow, Record<string, { value: number; ranks: Record<string, number> }>>>;
  computedAt: string;
}

export interface ListedMember {
  practiceId: string;
  specialty: Specialty;
  region: Region;
  size: PracticeSize;
}

export interface ListedAssociation {
  associationId: string;
  timeZone: string;
}

const PAGE = 1000;

async function all<T>(query: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null }>) {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await query(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Platform-side reads and writes of the rollup (platform credentials). */
export const rollupRepo = {
  associations: (store: Store) =>
    all((cursor) =>
      store.query<ListedAssociation>({ partition: benchmarkKeys.associationsPartition, limit: PAGE, cursor }),
    ),
  listingOp: (a: ListedAssociation): WriteOp => ({
    kind: 'put',
    item: { ...benchmarkKeys.association(a.associationId), type: 'association_listing', ...a },
  }),
  members: (store: Store, associationId: string) =>
    all((cursor) =>
      store.query<ListedMember>({
        partition: systemKeys.associationMembersPartition(associationId),
        skPrefix: systemKeys.associationMemberPrefix,
        limit: PAGE,
        cursor,
      }),
    ),
  /** The association's name and time zone (its months turn over at its local midnight). */
  association: async (store: Store, associationId: string) => {
    const t = await store.get<{ name?: string; timeZone?: string }>(
      tenantKeys.tenant({ tenantId: associationId }),
    );
    return { name: t?.name ?? '', timeZone: t?.timeZone ?? 'UTC' };
  },
  runs: (store: Store, associationId: string, from: string, to: string) =>
    all((cursor) =>
      store.query<RunItem>({
        partition: benchmarkKeys.runPartition(associationId),
        skBetween: benchmarkKeys.monthRange(from, to),
        limit: PAGE,
        cursor,
      }),
    ),
  /** A cohort cell as stored; written in batches (Store.putMany), frozen by the run marker after. */
  cellItem: (c: CellItem) => ({
    ...benchmarkKeys.cell(c.associationId, c.window, c.cohort, c.month),
    type: 'benchmark_cell',
    ...c,
  }),
  runOp: (associationId: string, r: RunItem): WriteOp => ({
    kind: 'create',
    item: { ...benchmarkKeys.run(associationId, r.month), type: 'benchmark_run', ...r },
  }),
  contributionOp: (practiceId: string, c: ContributionItem): WriteOp => ({
    kind: 'put',
    item: {
      ...benchmarkKeys.contribution({ tenantId: practiceId }, c.associationId, c.month),
      type: 'benchmark_contribution',
      ...c,
    },
  }),
};

/** Request-side reads: an association's own aggregates, a practice's own contributions. */
export const benchmarkReads = {
  cells: (db: TenantDb, window: BenchmarkWindow, cohort: string, from: string, to: string) =>
    all((cursor) =>
      db.queryAggregates<CellItem>({
        partition: benchmarkKeys.cellPartition(db.tenantId, window, cohort),
        skBetween: benchmarkKeys.monthRange(from, to),
        limit: 24,
        cursor,
      }),
    ),
  runs: (db: TenantDb, from: string, to: string) =>
    all((cursor) =>
      db.queryAggregates<RunItem>({
        partition: benchmarkKeys.runPartition(db.tenantId),
        skBetween: benchmarkKeys.monthRange(from, to),
        limit: 24,
        cursor,
      }),
    ),
  contributions: (db: TenantDb, associationId: string, from: string, to: string) =>
    all((cursor) =>
      db.query<ContributionItem>({
        partition: benchmarkKeys.contributionPartition(db, associationId),
        skBetween: benchmarkKeys.monthRange(from, to),
        limit: 24,
        cursor,
      }),
    ),
};

/**
 * What a member practice may read of an association's aggregates: its own cohorts' cells, read
 * with platform credentials once its membership is checked in its own partition (its tenant
 * credentials can reach neither the association's partition nor any other practice's).
 */
export const memberReads = {
  isMember: async (db: TenantDb, associationId: string) =>
    (await db.get(tenantKeys.membership(db, associationId))) !== undefined,
  cells: (
    store: Store,
    associationId: string,
    window: BenchmarkWindow,
    cohort: string,
    from: string,
    to: string,
  ) =>
    all((cursor) =>
      store.query<CellItem>({
        partition: benchmarkKeys.cellPartition(associationId, window, cohort),
        skBetween: benchmarkKeys.monthRange(from, to),
        limit: 24,
        cursor,
      }),
    ),
};
