import { rollupRepo } from '../platform/benchmarks/benchmarks.repo.ts';
import type { Migration } from '../platform/migrations/migration.ts';

/** Backfills for association benchmarks. */
export const benchmarksMigrations: Migration[] = [
  {
    id: 'benchmarks/association-listing',
    description: 'List every association once, so the hourly rollup job finds it without reading any tenant',
    reads: ['tenant'],
    plan: (item, scope) =>
      item.kind === 'association' && typeof item.timeZone === 'string'
        ? [rollupRepo.listingOp({ associationId: scope.tenantId, timeZone: item.timeZone })]
        : [],
  },
];
