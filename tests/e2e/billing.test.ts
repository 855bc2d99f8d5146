import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays, localParts } from '../../shared/time.ts';
import type { ClaimPayment } from '../../shared/x12/x12-types.ts';
import { write835 } from '../../shared/x12/x12-writer.ts';
import {
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('billing');
const BILLER = 'billing@maplestreet.example';
const CLAIMS_837 = fileURLToPath(new URL('../billing/fixtures/claims-basic.837', import.meta.url));

/** This week's remittance from Anthem: one visit paid, one denied for a missing authorization. */
function remittanceFile(): string {
  const today = localParts(Date.now(), 'America/New_York').date;
  const seen = addDays(today, -6);
  const claim = (id: string, paid: boolean): ClaimPayment => ({
    claimId: id,
    statusCode: paid ? '1' : '4',
    chargeCents: 25000,
    paidCents: paid ? 17000 : 0,
    patientResponsibilityCents: 0,
    patient: { lastName: paid ? 'QUINTERO' : 'VASQUEZ', firstName: 'LUZ', memberId: 'ANT55501' },
    renderingProvider: { npi: '1336421879', name: 'Priya Raman' },
    serviceDateFrom: seen,
    adjustments: [{ group: 'CO', reason: paid ? '45' : '197', amountCents: paid ? 8000 : 25000 }],
    remarks: [],
    lines: [],
  });
  const dir = mkdtempSync(join(tmpdir(), 'rounds-e2e-835-'));
  const path = join(dir, 'anthem-this-week.835');
  writeFileSync(
    path,
    write835(
      [
        {
          traceNumber: 'E2E0000001',
          paymentCents: 17000,
          handlingCode: 'I',
          paymentMethod: 'ACH',
          paymentDate: today,
          payer: { id: '00227', name: 'Anthem Blue Cross' },
          payee: { name: 'Maple Street Family Medicine', npi: '1437246810' },
          claims: [claim('E2E-PAID-1', true), claim('E2E-DENIED-1', false)],
          providerAdjustments: [],
          startSegment: 0,
        },
      ],
      {
        senderId: 'ANTHEM',
        receiverId: 'MAPLESTREET',
        interchangeControl: '987',
        date: today,
        lineBreaks: true,
      },
    ),
  );
  return path;
}

const agingTotal = async (page: import('playwright-core').Page) =>
  ((await page.locator('tfoot tr.billing-grid-total').textContent()) ?? '').replace(/\s+/g, ' ');

describe('Billing oversight', () => {
  it('the manager imports an 835, sees A/R change and assigns the denial; billing appeals it from Today', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
    await page.getByRole('heading', { name: 'Key figures' }).waitFor();
    await expectNoAxeViolations(page, 'billing overview');

    // A tile drills down to its claims: the list arrives narrowed to the month's dates of service.
    await page.getByRole('link', { name: /^See the open claims of .+ services behind Charges$/ }).click();
    await page
      .getByRole('list', { name: 'Also narrowed to' })
      .getByText(/^Service .+ – .+, \d{4}$/)
      .waitFor();
    expect(new URL(page.url()).searchParams.get('serviceFrom')).toMatch(/^\d{4}-\d{2}-01$/);
    await page.goBack();

    await page.getByRole('link', { name: 'A/R aging' }).click();
    const before = await agingTotal(page);

    // Upload → preview → import.
    await page.getByRole('link', { name: 'Import X12' }).click();
    // The demo keeps its latest 835 in Documents: read from there, it was imported before.
    await page.getByRole('button', { name: 'From Documents' }).click();
    await page
      .getByRole('dialog', { name: 'Import an 835 from Documents' })
      .getByRole('button', { name: /^Read remittances-\d{4}-\d{2}\.835$/ })
      .click();
    await page.getByText('Everything in this file was imported before.').waitFor();
    await page.locator('#billing-file-input').setInputFiles(remittanceFile());
    const preview = page.getByRole('region', { name: /Check what it holds/ });
    await preview.getByText('E2E0000001').waitFor();
    await preview.getByText('New', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Import 1 remittance' }).click();
    await preview.getByText('Imported', { exact: true }).waitFor();

    // The practice's own claims come in from its billing system's 837P, on the same page.
    await page.getByRole('tab', { name: 'Claims (837P)' }).click();
    await page.locator('#billing-file-input').setInputFiles(remittanceFile());
    await page.getByText(/is an 835 remittance, not an 837 claim file/).waitFor();
    await page.locator('#billing-file-input').setInputFiles(CLAIMS_837);
    await preview.getByText('New to Rounds').waitFor();
    await expectNoAxeViolations(page, 'claim file preview');
    await page.getByRole('button', { name: 'Import 4 claims' }).click();
    await page.getByText(/^4 claims for \$[\d,.]+ in charges, now awaiting the payer\.$/).waitFor();

    // The new denial is owed and recent: the aging's total moved.
    await page.getByRole('status').getByRole('link', { name: 'A/R aging' }).click();
    await expect.poll(() => agingTotal(page)).not.toBe(before);

    // The denied claim, assigned to billing for follow-up.
    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    await page.getByRole('tab', { name: 'Denied' }).click();
    // A year of demo denials comes first (oldest first): the new one is found by its id.
    await page.getByLabel('Search', { exact: true }).fill('E2E-DENIED-1');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'E2E-DENIED-1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Claim E2E-DENIED-1' }).waitFor();
    await page.getByText('No prior authorization', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'claim page');
    await page.getByRole('button', { name: 'Assign for follow-up' }).click();
    const dialog = page.getByRole('dialog', { name: /Assign claim E2E-DENIED-1/ });
    await dialog.getByLabel('Who follows it up').selectOption({ label: 'Tom Becker · Billing' });
    await dialog.getByLabel('Follow up by').fill(addDays(localParts(Date.now(), 'America/New_York').date, 2));
    await dialog.getByLabel('Note').fill('Get the authorization number from the referral');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('Tom Becker').first().waitFor();
    await context.close();

    // Billing sees it in Today and records the appeal.
    const billing = await newPage(app);
    await logInUi(billing.page, BILLER, DEMO.password);
    const item = billing.page.getByRole('link', { name: 'Follow up claim E2E-DENIED-1 (Anthem Blue Cross)' });
    await item.click();
    await billing.page.getByRole('heading', { level: 1, name: 'Claim E2E-DENIED-1' }).waitFor();
    await billing.page.getByRole('button', { name: 'Record follow-up' }).click();
    const record = billing.page.getByRole('dialog', { name: /Record follow-up/ });
    await record.getByLabel('What did you do?').selectOption({ label: 'Sent an appeal' });
    await record.getByLabel('Note').fill('Appeal faxed with authorization 88123');
    await record.getByRole('button', { name: 'Record' }).click();
    await billing.page.getByText('Appealed', { exact: true }).first().waitFor();
    await billing.page.getByText(/Sent an appeal: Appeal faxed with authorization 88123/).waitFor();
    await billing.context.close();
    // Two people, six pages and two accessibility scans: longer than one page's test.
  }, 120_000);

  it('the claims work list fits a phone', async () => {
    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.manager, DEMO.password);
    await page.setViewportSize(PHONE);
    await page.goto('/app/billing/claims?state=denied');
    await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
    await page.locator('a[href*="/app/billing/claims/"]').first().waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await context.close();
  });
});
