import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ModuleFixture } from './module-fixture.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'billing', 'fixtures', name), 'utf8');

/** Billing in practice A: the claims of an 837P batch, one of them paid by a remittance. */
export const billingFixture: ModuleFixture = {
  seed: async ({ t, a }) => {
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
    return { claimId: 'RND-10044' };
  },
  idPrefixes: { '/billing/claims': 'claimId' },
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
