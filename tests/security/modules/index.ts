import { MODULE_IDS, type ModuleId } from '../../../shared/modules.ts';
import { benchmarksFixture } from './benchmarks.ts';
import { billingFixture } from './billing.ts';
import { documentsFixture } from './documents.ts';
import { hrFixture } from './hr.ts';
import type { ModuleFixture, SeedContext, WorldIds } from './module-fixture.ts';
import { schedulingFixture } from './scheduling.ts';
import { tenantsFixture } from './tenants.ts';
import { todayFixture } from './today.ts';

/** Each module's part of the security world, keyed by the shared module list. */
export const MODULE_FIXTURES: Record<ModuleId, ModuleFixture> = {
  tenants: tenantsFixture,
  scheduling: schedulingFixture,
  today: todayFixture,
  documents: documentsFixture,
  billing: billingFixture,
  hr: hrFixture,
  benchmarks: benchmarksFixture,
};

/** Seeds every module in module-list order (a later module may use an earlier one's ids). */
export async function seedModules(ctx: Omit<SeedContext, 'ids'>): Promise<WorldIds> {
  const ids: Partial<WorldIds> = {};
  for (const id of MODULE_IDS) Object.assign(ids, await MODULE_FIXTURES[id].seed({ ...ctx, ids }));
  return ids as WorldIds;
}

const all = () => MODULE_IDS.map((id) => MODULE_FIXTURES[id]);

/** The id a `:id` stands for: the longest matching path prefix of any module (an invitation by default). */
export function idFor(path: string, ids: WorldIds): string {
  const prefixes = all().flatMap((f) => Object.entries(f.idPrefixes));
  const match = prefixes
    .filter(([prefix]) => path.startsWith(prefix))
    .sort((x, y) => y[0].length - x[0].length)[0];
  return match ? ids[match[1]] : ids.inviteId;
}

/** Every module's query strings, by route path. */
export const queriesFor = (ids: WorldIds): Record<string, string> =>
  Object.assign({}, ...all().map((f) => f.queries(ids)));

/** Every module's sample bodies, keyed `METHOD /path`. */
export const bodiesFor = (ids: WorldIds): Record<string, unknown> =>
  Object.assign({}, ...all().map((f) => f.bodies(ids)));
