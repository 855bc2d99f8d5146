import { ClaimIdParamsSchema, ClaimSchema } from '../../shared/schemas/billing.ts';
import { ClaimEntrySchema, PatientPaymentSchema } from '../../shared/schemas/billing-entry.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { createClaim, recordPatientPayment } from './manual-entry.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/** Claims and patient payments typed in by hand (a small practice without a billing system's exports). */
export function manualEntryRoutes(route: Route) {
  const tag = 'billing';
  route(
    {
      tag,
      method: 'post',
      path: '/billing/claims',
      summary: 'Enter a claim by hand with 1 to 20 service lines; 409 when the claim id is already in Rounds',
      roles: 'revenue',
      body: ClaimEntrySchema,
      response: ClaimSchema,
      status: 201,
    },
    (r) => createClaim(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/billing/claims/:id/patient-payments',
      summary: 'Record a patient’s payment on a claim (cash, card or check), at most what the patient owes',
      roles: 'revenue',
      params: ClaimIdParamsSchema,
      body: PatientPaymentSchema,
      response: ClaimSchema,
    },
    (r) => recordPatientPayment(r.db, r.params.id, r.body),
  );
}
