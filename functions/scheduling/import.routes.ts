import { ImportResultSchema } from '../../shared/schemas/scheduling.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { importRoutes as pipelineRoutes } from '../platform/imports/import.routes.ts';
import { schedulingImportKinds } from './import.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/** The CSV import of patients and appointments: scheduling's kinds on the platform's import pipeline. */
export function importRoutes(route: Route, tag: string) {
  // The path and body are the ones the web app and API clients have always used.
  pipelineRoutes(route, {
    tag,
    path: '/scheduling/imports',
    summary: 'Import (or preview) a chunk of patient or appointment CSV rows; re-imports change nothing',
    roles: 'practiceAdmins',
    kinds: schedulingImportKinds,
    response: ImportResultSchema,
  });
}
