import type { defineDomain } from '../platform/http/route.ts';
import { importRoutes } from '../platform/imports/import.routes.ts';
import { claimsCsvImport } from './csv-import.service.ts';
import { paymentsCsvImport } from './csv-payments.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/** The CSV import of claims and payment postings: billing's kinds on the platform's import pipeline. */
export function csvImportRoutes(route: Route) {
  importRoutes(route, {
    tag: 'billing',
    path: '/billing/imports',
    summary:
      'Import (or preview) a chunk of claim-line or payment CSV rows from a billing system; re-imports change nothing',
    roles: 'revenue',
    kinds: [claimsCsvImport, paymentsCsvImport],
  });
}
