import { beforeAll, describe, expect, it } from 'vitest';
import { seedBillingFiles } from '../../functions/local/seed-billing-files.ts';
import { TenantDb } from '../../functions/platform/db/tenant-db.ts';
import { localParts } from '../../shared/time.ts';
import { write835 } from '../../shared/x12/x12-writer.ts';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';
import { localFiles } from '../support/files.ts';

/**
 * The demo keeps the X12 files it imported in Documents (functions/local/seed.ts): they are ready
 * text files, their link gives back the very text imported, and the preview of that text says it
 * was imported before, which is what the billing page's "From Documents" shows a manager.
 */

let t: TestApp;
let owner: Session;
const today = localParts(Date.now(), 'America/Los_Angeles').date;
const text = write835(
  [
    {
      traceNumber: 'SEED-TRACE-1',
      paymentCents: 14000,
      handlingCode: 'I',
      paymentMethod: 'ACH',
      paymentDate: today,
      payer: { id: 'AET01', name: 'AETNA' },
      payee: { name: 'PRACTICE' },
      claims: [
        {
          claimId: 'SEED-1',
          statusCode: '1',
          chargeCents: 20000,
          paidCents: 14000,
          patientResponsibilityCents: 0,
          patient: { lastName: 'DOE', firstName: 'JAN' },
          serviceDateFrom: today,
          adjustments: [{ group: 'CO', reason: '45', amountCents: 6000 }],
          remarks: [],
          lines: [],
        },
      ],
      providerAdjustments: [],
      startSegment: 0,
    },
  ],
  { senderId: 'AETNA', receiverId: 'PRACTICE', interchangeControl: '7', date: today },
);
const as = (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: owner.token, json });

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Seeded Files Practice');
});

describe('the demo’s X12 files in Documents', () => {
  it('are ready text files whose link reads back the imported text, which previews as imported before', async () => {
    const fileName = `remittances-${today.slice(0, 7)}.835`;
    expect((await as('POST', '/billing/remittances', { fileName, text })).status).toBe(200);
    const db = new TenantDb(
      t.platform.store,
      { tenantId: owner.tenantId },
      { userId: owner.userId, name: 'Olivia Owner', role: 'owner' },
      'seed',
      t.platform.clock,
    );
    const [id] = await seedBillingFiles(t.platform.files, db, [{ fileName, text }]);

    const listed = await as('GET', '/files');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id, name: fileName, status: 'ready', contentType: 'text/plain' }),
    ]);
    const detail = await as('GET', `/files/${id}`);
    const dl = await localFiles(t).request(`http://localhost${detail.body.download.url}`);
    const read = await dl.text();
    expect(read).toBe(text);

    const preview = await as('POST', '/billing/remittances/preview', { fileName, text: read });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.remittances).toEqual([
      expect.objectContaining({ traceNumber: 'SEED-TRACE-1', alreadyImported: true }),
    ]);
    const audit = await as('GET', '/audit?action=file.uploaded');
    expect(audit.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ entityId: id, detail: 'X12 text' })]),
    );
  });
});
