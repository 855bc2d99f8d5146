import * as z from 'zod/mini';
import { IdSchema } from '../../shared/schemas/common.ts';
import {
  DateSchema,
  FhirBundleSchema,
  MeasuresQuerySchema,
  MeasuresSchema,
  MonthlyMeasuresSchema,
  MonthsQuerySchema,
} from '../../shared/schemas/scheduling.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import * as fhir from './fhir.service.ts';
import * as measuresService from './measures.service.ts';

const FhirQuerySchema = z.object({ locationId: IdSchema, from: DateSchema, to: DateSchema });

type Route = ReturnType<typeof defineDomain>['route'];

/** Reports: the FHIR export and the weekly and monthly measures. */
export function reportRoutes(route: Route, tag: string) {
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/fhir',
      summary: 'Export a location’s days as a FHIR R4 Bundle (audited)',
      roles: 'practiceAdmins',
      query: FhirQuerySchema,
      response: FhirBundleSchema,
    },
    (r) => fhir.exportFhir(r.db, r.query),
  );

  // --- measures ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/measures',
      summary: 'No-show, late-cancel and utilization week over week; time to third next available',
      roles: 'revenue',
      query: MeasuresQuerySchema,
      response: MeasuresSchema,
    },
    (r) =>
      measuresService.measures(r.db, {
        locationId: r.query.locationId,
        weekOf: r.query.weekOf,
        weeks: Number(r.query.weeks ?? 8),
      }),
  );

  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/measures/months',
      summary:
        'Completed months’ measures as the monthly metrics job stored them (a month not stored yet is absent)',
      roles: 'revenue',
      query: MonthsQuerySchema,
      response: z.object({ months: z.array(MonthlyMeasuresSchema) }),
    },
    async (r) => ({
      months: await measuresService.monthlyMeasures(r.db, {
        locationId: r.query.locationId,
        months: Number(r.query.months ?? 6),
      }),
    }),
  );
}
