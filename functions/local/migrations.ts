import { MODULE_IDS, type ModuleId } from '../../shared/modules.ts';
import { benchmarksMigrations } from '../benchmarks/migrations.ts';
import { documentsMigrations } from '../documents/migrations.ts';
import type { Migration } from '../platform/migrations/migration.ts';
import { schedulingMigrations } from '../scheduling/migrations.ts';
import { tenantsMigrations } from '../tenants/migrations.ts';

/** Each module's backfills, in the order they run (module order, then as listed). */
const MODULE_MIGRATIONS: Record<ModuleId, readonly Migration[]> = {
  tenants: tenantsMigrations,
  scheduling: schedulingMigrations,
  today: [],
  documents: documentsMigrations,
  billing: [],
  hr: [],
  benchmarks: benchmarksMigrations,
};

/** Every module's migrations, in module-list order. */
export const allMigrations = (): Migration[] => MODULE_IDS.flatMap((id) => [...MODULE_MIGRATIONS[id]]);
