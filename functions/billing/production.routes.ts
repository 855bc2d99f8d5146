import { MyProductionQuerySchema, MyProductionSchema } from '../../shared/schemas/billing-production.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { myProduction } from './production.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * A provider's own production: the one billing read a provider may make, of the NPI their login is
 * linked to and nothing else (the caller's id comes from the token, never from the request).
 */
export function productionRoutes(route: Route) {
  route(
    {
      tag: 'billing',
      method: 'get',
      path: '/billing/my-production',
      summary:
        'The caller’s own monthly production (charges, payments, claims submitted, denial rate, payment lag) and A/R by age, for the NPI their login is linked to; says so when it is not linked',
      roles: 'providers',
      query: MyProductionQuerySchema,
      response: MyProductionSchema,
    },
    (r) => myProduction(r.db, Number(r.query.months ?? 12)),
  );
}
