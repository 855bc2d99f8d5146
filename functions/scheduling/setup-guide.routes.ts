import { SetupGuideSchema } from '../../shared/schemas/setup-guide.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { setupGuide } from './setup-guide.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/** The new practice's setup guide (owners and managers set a practice up). */
export function setupGuideRoutes(route: Route, tag: string) {
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/setup-guide',
      summary: 'Where the practice stands on its way to a first booking (each step read from the data)',
      roles: 'practiceAdmins',
      response: SetupGuideSchema,
    },
    (r) => setupGuide(r.db),
  );
}
