import {
  AgingQuerySchema,
  AgingSchema,
  BillingDirectorySchema,
  ClaimAssignSchema,
  ClaimBatchPreviewSchema,
  ClaimBatchResultSchema,
  ClaimDetailSchema,
  ClaimFollowUpSchema,
  ClaimIdParamsSchema,
  ClaimListQuerySchema,
  ClaimSchema,
  DashboardQuerySchema,
  DashboardSchema,
  RemittanceImportResultSchema,
  RemittancePreviewSchema,
  RemittanceSchema,
  X12UploadSchema,
} from '../../shared/schemas/billing.ts';
import { PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import '../../shared/validation.ts';
import { X12_BODY_BYTES } from '../platform/http/body-limit.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { aging } from './aging.service.ts';
import { importClaimBatch, previewClaimBatch } from './claim-import.service.ts';
import * as claims from './claims.service.ts';
import { credentialingRoutes } from './credentialing.routes.ts';
import { csvImportRoutes } from './csv-import.routes.ts';
import { dashboard } from './dashboard.service.ts';
import { manualEntryRoutes } from './manual-entry.routes.ts';
import { payerRoutes } from './payers.routes.ts';
import { productionRoutes } from './production.routes.ts';
import { billingDirectory, remittanceRepo } from './remittance.repo.ts';
import { importRemittances, previewRemittances } from './remittances.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Billing oversight: remittances in, claims worked, A/R and KPIs out. Owners, managers and billing
 * staff see all of it; a provider sees only their own production (production.routes.ts, totals with
 * no patient); nobody else sees any (claims carry patient names and member ids).
 */
export function createBillingApp(p: Platform) {
  const { route, domain } = defineDomain('billing', p);
  remittanceRoutes(route);
  claimRoutes(route);
  reportRoutes(route);
  payerRoutes(route);
  credentialingRoutes(route);
  csvImportRoutes(route);
  manualEntryRoutes(route);
  productionRoutes(route);
  return domain;
}

function remittanceRoutes(route: Route) {
  const tag = 'billing';
  route(
    {
      tag,
      method: 'post',
      path: '/billing/remittances/preview',
      summary: 'Read an 835 remittance file and say what importing it would do; writes nothing',
      roles: 'revenue',
      maxBodyBytes: X12_BODY_BYTES,
      body: X12UploadSchema,
      response: RemittancePreviewSchema,
    },
    (r) => previewRemittances(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/billing/remittances',
      summary:
        'Import an 835 file: a file with any problem is refused whole; a remittance imported before is skipped',
      roles: 'revenue',
      maxBodyBytes: X12_BODY_BYTES,
      body: X12UploadSchema,
      response: RemittanceImportResultSchema,
    },
    (r) => importRemittances(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/billing/remittances',
      summary: 'Imported remittances, newest payment first',
      roles: 'revenue',
      query: PageQuerySchema,
      response: pageOf(RemittanceSchema),
    },
    async (r) => {
      const { limit, cursor } = pageArgs(r.query);
      const page = await remittanceRepo.list(r.db, limit, cursor);
      return {
        items: page.items.map(
          ({ status: _s, providerAdjustmentsCents: _p, chunkStarts: _c, ...rest }) => rest,
        ),
        nextCursor: page.nextCursor,
      };
    },
  );
}

function claimRoutes(route: Route) {
  const tag = 'billing';
  route(
    {
      tag,
      method: 'post',
      path: '/billing/claim-batches/preview',
      summary: 'Read an 837P claim file and say what importing it would do; writes nothing',
      roles: 'revenue',
      maxBodyBytes: X12_BODY_BYTES,
      body: X12UploadSchema,
      response: ClaimBatchPreviewSchema,
    },
    (r) => previewClaimBatch(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/billing/claim-batches',
      summary:
        'Import an 837P file: claims already submitted are skipped; a file with any problem is refused whole',
      roles: 'revenue',
      maxBodyBytes: X12_BODY_BYTES,
      body: X12UploadSchema,
      response: ClaimBatchResultSchema,
    },
    (r) => importClaimBatch(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/billing/claims',
      summary:
        'Claims in a state (open by default) by date of service, optionally only those with a date of service from `serviceFrom` to `serviceTo` (YYYY-MM-DD, both days included), filtered by payer, provider, location or text',
      roles: 'revenue',
      query: ClaimListQuerySchema,
      response: pageOf(ClaimSchema),
    },
    (r) => claims.listClaims(r.db, r.query, pageArgs(r.query).limit),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/billing/claims/:id',
      summary: 'One claim: lines, each remittance in words, and its timeline',
      roles: 'revenue',
      params: ClaimIdParamsSchema,
      response: ClaimDetailSchema,
    },
    (r) => claims.claimDetail(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/billing/claims/:id/assign',
      summary: 'Give the claim to a person with a follow-up date (a Today item for them)',
      roles: 'revenue',
      params: ClaimIdParamsSchema,
      body: ClaimAssignSchema,
      response: ClaimSchema,
    },
    (r) => claims.assignClaim(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/billing/claims/:id/follow-ups',
      summary: 'Record work on a claim: a note, an appeal or its outcome, or a write-off',
      roles: 'revenue',
      params: ClaimIdParamsSchema,
      body: ClaimFollowUpSchema,
      response: ClaimSchema,
    },
    (r) => claims.recordFollowUp(r.db, r.params.id, r.body),
  );
}

function reportRoutes(route: Route) {
  const tag = 'billing';
  route(
    {
      tag,
      method: 'get',
      path: '/billing/dashboard',
      summary:
        'Billing KPIs month by month (from the ledger’s monthly totals), with breakdowns by payer, provider and location',
      roles: 'revenue',
      query: DashboardQuerySchema,
      response: DashboardSchema,
    },
    (r) => dashboard(r.db, r.query),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/billing/directory',
      summary: 'The payers and rendering providers seen on claims, by name (for filters)',
      roles: 'revenue',
      response: BillingDirectorySchema,
    },
    (r) => billingDirectory(r.db),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/billing/aging',
      summary: 'A/R aging by day of service in five buckets, by payer, provider or location',
      roles: 'revenue',
      query: AgingQuerySchema,
      response: AgingSchema,
    },
    (r) => aging(r.db, r.query.by ?? 'payer'),
  );
}
