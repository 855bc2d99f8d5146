import { ImportInputSchema, ImportResultSchema } from '../../shared/schemas/scheduling.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import * as imports from './import.service.ts';

const admins = ['owner', 'manager'] as const;

type Route = ReturnType<typeof defineDomain>['route'];

/** The CSV import of patients and appointments. */
export function importRoutes(route: Route, tag: string) {
  // --- CSV import ---
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/imports',
      summary: 'Import (or preview) a chunk of patient or appointment CSV rows; re-imports change nothing',
      roles: admins,
      body: ImportInputSchema,
      response: ImportResultSchema,
    },
    (r) => imports.importChunk(r.db, r.body),
  );
}
