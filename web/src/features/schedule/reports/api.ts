import { query } from '@solidjs/router';
import type * as z from 'zod/mini';
import type {
  MeasuresSchema,
  MonthlyMeasures,
  WeekMeasuresSchema,
} from '../../../../../shared/schemas/scheduling.ts';
import { api } from '../../../lib/api.ts';

export type Measures = z.infer<typeof MeasuresSchema>;
export type WeekMeasures = z.infer<typeof WeekMeasuresSchema>;

/** A FHIR R4 Bundle as the export returns it; only what the page reads is typed. */
export interface FhirBundle {
  resourceType: 'Bundle';
  // No `total`: R4 allows it only on search and history bundles; the Location is always an entry.
  entry: { fullUrl: string; resource: { resourceType: string; id: string } }[];
}

/** Week-over-week rates and time to third next available for one location. */
export const getMeasures = query(
  (locationId: string, weeks: number) =>
    api<Measures>('/scheduling/measures', { query: { locationId, weeks } }),
  'schedMeasures',
);

/** Completed months' snapshots for one location, newest first. */
export const getMonthlyMeasures = query(
  (locationId: string, months: number) =>
    api<{ months: MonthlyMeasures[] }>('/scheduling/measures/months', { query: { locationId, months } }),
  'schedMonthlyMeasures',
);

/** Not a cached query: every export is a fresh, audited read of patient data. */
export const exportFhir = (locationId: string, from: string, to: string) =>
  api<FhirBundle>('/scheduling/fhir', { query: { locationId, from, to } });
