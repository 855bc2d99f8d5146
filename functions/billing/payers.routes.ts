import * as z from 'zod/mini';
import {
  FeeSchema,
  PayerIdParamsSchema,
  PayerSchema,
  PayerUpdateSchema,
} from '../../shared/schemas/billing-payers.ts';
import { PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { importRoutes } from '../platform/imports/import.routes.ts';
import { feeScheduleImport } from './fee-schedule-import.ts';
import { listPayers, payerFees, updatePayer } from './payers.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/** Payers: the scorecard, each payer's windows and contract, and its fee schedule (in from CSV). */
export function payerRoutes(route: Route) {
  const tag = 'billing';
  route(
    {
      tag,
      method: 'get',
      path: '/billing/payers',
      summary: 'Every payer on your claims: filing windows, contract, and a 12-month scorecard',
      roles: 'revenue',
      response: z.object({ items: z.array(PayerSchema) }),
    },
    async (r) => ({ items: await listPayers(r.db) }),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/billing/payers/:payerId',
      summary:
        'Set a payer’s appeal and timely-filing windows and its contract dates (the notice deadline gets alerts)',
      roles: 'practiceAdmins',
      params: PayerIdParamsSchema,
      body: PayerUpdateSchema,
      response: PayerSchema,
    },
    (r) => updatePayer(r.db, r.params.payerId, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/billing/payers/:payerId/fees',
      summary: 'A payer’s fee schedule by code, one page at a time',
      roles: 'revenue',
      params: PayerIdParamsSchema,
      query: PageQuerySchema,
      response: pageOf(FeeSchema),
    },
    (r) => payerFees(r.db, r.params.payerId, pageArgs(r.query, 50)),
  );
  importRoutes(route, {
    tag,
    path: '/billing/fee-schedules/import',
    summary: 'Import (or preview) a chunk of fee schedule CSV rows; re-imports change nothing',
    roles: 'practiceAdmins',
    kinds: [feeScheduleImport],
  });
}
