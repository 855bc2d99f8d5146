import type { ModuleId } from '../../shared/modules.ts';
import { MODULE_IDS } from '../../shared/modules.ts';
import { createBenchmarksApp } from '../benchmarks/benchmarks.routes.ts';
import { createBillingApp } from '../billing/billing.routes.ts';
import { createDocumentsApp } from '../documents/documents.routes.ts';
import { createHrApp } from '../hr/hr.routes.ts';
import type { DomainApp } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { createSchedulingApp } from '../scheduling/scheduling.routes.ts';
import { createTenantsApp } from '../tenants/tenants.routes.ts';
import { createTodayApp } from '../today/today.routes.ts';

/** Each module's Hono app; the same factories its Lambda entry (functions/<id>/handler.ts) calls. */
const MODULE_APPS: Record<ModuleId, (platform: Platform) => DomainApp> = {
  tenants: createTenantsApp,
  scheduling: createSchedulingApp,
  today: createTodayApp,
  documents: createDocumentsApp,
  billing: createBillingApp,
  hr: createHrApp,
  benchmarks: createBenchmarksApp,
};

/** Every module's app, in the module list's order; the local host mounts them all in one process. */
export function allDomains(platform: Platform): DomainApp[] {
  return MODULE_IDS.map((id) => MODULE_APPS[id](platform));
}
