import {
  CompareQuerySchema,
  CompareSchema,
  DashboardQuerySchema,
  DashboardSchema,
  RollupResultSchema,
} from '../../shared/schemas/benchmarks.ts';
import '../../shared/validation.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as benchmarks from './benchmarks.service.ts';

/** Association benchmarks: the association's dashboard and each member practice's comparison. */
export function createBenchmarksApp(p: Platform) {
  const { route, domain } = defineDomain('benchmarks', p);
  const tag = 'benchmarks';

  route(
    {
      tag,
      method: 'get',
      path: '/benchmarks/dashboard',
      summary:
        "Members' percentiles for every registered metric, for one cohort and window, with a year's trend",
      roles: 'association',
      query: DashboardQuerySchema,
      response: DashboardSchema,
    },
    (r) => benchmarks.dashboard(r.db, r.query),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/benchmarks/rollups',
      summary: 'Roll up every publishable month not rolled up yet (the monthly job, now)',
      roles: 'associationAdmins',
      response: RollupResultSchema,
    },
    async (r) => {
      const { months, members, cells } = await benchmarks.rollupNow(p, r.db);
      return { months, members, cells };
    },
  );
  route(
    {
      tag,
      method: 'get',
      path: '/benchmarks/compare',
      summary: "How we compare: this practice's values and ranks beside its cohorts in one association",
      roles: 'practiceAdmins',
      query: CompareQuerySchema,
      response: CompareSchema,
    },
    (r) => benchmarks.compare(p.store, r.db, r.query),
  );
  return domain;
}
