import type { DomainApp } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { createSchedulingApp } from '../scheduling/scheduling.routes.ts';
import { createTenantsApp } from '../tenants/tenants.routes.ts';
import { createTodayApp } from '../today/today.routes.ts';

/** Every domain app; the local host mounts them all in one process. */
export function allDomains(platform: Platform): DomainApp[] {
  return [createTenantsApp(platform), createSchedulingApp(platform), createTodayApp(platform)];
}
