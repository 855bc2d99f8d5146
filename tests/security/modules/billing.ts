import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ModuleFixture } from './module-fixture.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'billing', 'fixtures', name), 'utf8');

/** Billing in practice A: the claims of an 837P batch, some paid by a remittance, one with a patient share. */
export const billingFixture: ModuleFixture = {
  seed: async ({ t, a, roles }) => {
    const claims = await t.call('POST', '/api/billing/claim-batches', {
      token: a.token,
      json: { text: fixture('claims-basic.837') },
    });
    expect(claims.status).toBe(200);
    const remit = await t.call('POST', '/api/billing/remittances', {
      token: a.token,
      json: { text: fixture('remit-basic.835') },
    });
    expect(remit.status).toBe(200);
    // A patient share on the claim, so recording a patient payment on it can succeed.
    const share = await t.call('POST', '/api/billing/imports', {
      token: a.token,
      json: {
        kind: 'billing.payments',
        csv: 'claim_id,posted_date,payer,amount_paid,adjustment_group,adjustment_reason,adjustment_amount\r\nRND-10044,2026-01-20,HHP01,,PR,1,10\r\n',
        dryRun: false,
        firstRow: 2,
      },
    });
    expect(share.body).toMatchObject({ created: 1, errors: [] });
    const source = (path: string, kind: string) =>
      t
        .call('POST', `/api${path}/sources`, {
          token: a.token,
          json: { kind, name: 'Kareo export', mapping: {} },
        })
        .then((res) => res.body.id as string);
    const billingSourceId = await source('/billing/imports', 'billing.claims');
    const feeSourceId = await source('/billing/fee-schedules/import', 'billing.fee_schedule');
    return { billingSourceId, feeSourceId, claimId: 'RND-10044', providerUserId: roles.provider.userId };
  },
  idPrefixes: {
    '/billing/claims': 'claimId',
    '/billing/imports/sources': 'billingSourceId',
    '/billing/fee-schedules/import/sources': 'feeSourceId',
  },
  queries: () => ({}),
  bodies: (ids) => ({
    'POST /billing/remittances/preview': { text: fixture('remit-denied.835') },
    'POST /billing/remittances': { text: fixture('remit-denied.835') },
    'POST /billing/claim-batches/preview': { text: fixture('claims-basic.837') },
    'POST /billing/claim-batches': { text: fixture('claims-basic.837') },
    'POST /billing/claims/:id/assign': {
      assigneeId: ids.staffUserId,
      followUpDate: '2027-01-04',
      version: 1,
    },
    'POST /billing/claims/:id/follow-ups': { action: 'note', note: 'Called the payer', version: 1 },
    // Paths name the remittance's rendering provider and payer (tests/security/fixture.ts pathFor).
    'PUT /billing/credentialing/:npi/caqh': {
      lastAttestedDate: '2026-10-01',
      caqhId: '12345678',
      version: 0,
    },
    'PUT /billing/credentialing/:npi/:payerId': {
      status: 'effective',
      submittedDate: '2025-09-02',
      effectiveDate: '2026-01-01',
      recredentialDate: '2029-01-01',
      note: 'Welcome letter received',
      version: 0,
    },
    'POST /billing/credentialing/providers': { npi: '9876500015', name: 'Dr. Nia Newcomer' },
    // Links A's provider to the remittance's rendering provider: GET /billing/my-production then has figures.
    'PUT /billing/credentialing/providers/:npi/login': { userId: ids.providerUserId, version: 0 },
    'POST /billing/imports/sources': { kind: 'billing.payments', name: 'AdvancedMD payments', mapping: {} },
    'PUT /billing/imports/sources/:id': { name: 'Kareo claims', version: 1 },
    'POST /billing/fee-schedules/import/sources': {
      kind: 'billing.fee_schedule',
      name: 'Aetna fees',
      mapping: {},
    },
    'PUT /billing/fee-schedules/import/sources/:id': { name: 'Kareo fees', version: 1 },
    'POST /billing/imports': {
      kind: 'billing.claims',
      csv: 'claim_id,patient_last_name,payer_name,service_date,submitted_date,cpt_code,charge\r\nSEC-1,Garcia,Harbor Health Plan,01/05/2026,01/06/2026,99213,95\r\n',
      dryRun: true,
    },
    'POST /billing/claims': {
      claimId: 'SEC-2',
      patient: { lastName: 'Garcia', firstName: 'Elena' },
      payer: { id: 'HHP01', name: 'HARBOR HEALTH PLAN' },
      submittedDate: '2026-01-06',
      lines: [{ code: '99213', modifiers: [], units: 1, serviceDate: '2026-01-05', chargeCents: 9500 }],
    },
    'POST /billing/claims/:id/patient-payments': {
      amountCents: 100,
      date: '2026-01-20',
      method: 'cash',
      version: 1,
    },
    'PUT /billing/payers/:payerId': {
      appealDays: 120,
      timelyFilingDays: 365,
      contract: { effectiveFrom: '2025-01-01', renewalDate: '2027-07-01', noticeDays: 90 },
      version: 0,
    },
    'POST /billing/fee-schedules/import': {
      kind: 'billing.fee_schedule',
      csv: 'payer_id,code,allowed\nHHP01,99213,92.50',
      dryRun: true,
    },
  }),
};
