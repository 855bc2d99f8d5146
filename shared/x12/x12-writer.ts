/**
 * Writes 835 remittances and 837P claims as X12 interchanges that parse835/parse837P read back to
 * the same data: demo files, test fixtures and the 5,000-claim bench file.
 */
import { type SegmentWriter, writeInterchange, type X12WriteOptions } from './x12-envelope-writer.ts';
import { formatCents, formatX12Date } from './x12-segments.ts';
import type {
  Adjustment,
  Claim837,
  ClaimLine837,
  ClaimPayment,
  ProviderAdjustment,
  Remittance835,
  ServiceLinePayment,
} from './x12-types.ts';

export type { X12WriteOptions } from './x12-envelope-writer.ts';

const CAS_TRIPLETS = 6;
const MOA_REMARKS = 5;
const PLB_PAIRS = 6;

/** Consecutive runs of items sharing a key, each cut to at most `size` items. */
function runs<T>(items: T[], key: (item: T) => string, size = Number.POSITIVE_INFINITY): T[][] {
  const out: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const k = key(item);
    const current = out[out.length - 1];
    if (current && k === last && current.length < size) current.push(item);
    else out.push([item]);
    last = k;
  }
  return out;
}

function optionalNumber(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** An NM1 for a person whose name is one string: the last word is the last name (NM103). */
function nameElements(name: string | undefined): [string, string] {
  const trimmed = name?.trim() ?? '';
  const space = trimmed.lastIndexOf(' ');
  return space < 0 ? [trimmed, ''] : [trimmed.slice(space + 1), trimmed.slice(0, space)];
}

function writeAdjustments(w: SegmentWriter, adjustments: Adjustment[]): void {
  for (const run of runs(adjustments, (a) => a.group, CAS_TRIPLETS)) {
    const triplets = run.flatMap((a) => [a.reason, formatCents(a.amountCents), optionalNumber(a.quantity)]);
    w.add('CAS', run[0]!.group, ...triplets);
  }
}

function writeRendering(w: SegmentWriter, provider: { npi?: string; name?: string } | undefined): void {
  if (!provider) return;
  const [last, first] = nameElements(provider.name);
  w.add('NM1', '82', '1', last, first, '', '', '', provider.npi ? 'XX' : '', provider.npi);
}

function writeServiceLine(w: SegmentWriter, line: ServiceLinePayment): void {
  const charge = formatCents(line.chargeCents);
  const units = optionalNumber(line.units);
  w.add(
    'SVC',
    [line.qualifier, line.code, ...line.modifiers],
    charge,
    formatCents(line.paidCents),
    '',
    units,
  );
  if (line.serviceDate) w.add('DTM', '472', formatX12Date(line.serviceDate));
  writeAdjustments(w, line.adjustments);
  if (line.lineControl) w.add('REF', '6R', line.lineControl);
  if (line.allowedCents !== undefined) w.add('AMT', 'B6', formatCents(line.allowedCents));
  for (const remark of line.remarks) w.add('LQ', 'HE', remark);
}

function writeClaimPayment(w: SegmentWriter, claim: ClaimPayment): void {
  w.add(
    'CLP',
    claim.claimId,
    claim.statusCode,
    formatCents(claim.chargeCents),
    formatCents(claim.paidCents),
    formatCents(claim.patientResponsibilityCents),
    claim.filingIndicator,
    claim.payerClaimNumber,
  );
  writeAdjustments(w, claim.adjustments);
  const { patient } = claim;
  const memberQualifier = patient.memberId ? 'MI' : '';
  w.add('NM1', 'QC', '1', patient.lastName, patient.firstName, '', '', '', memberQualifier, patient.memberId);
  writeRendering(w, claim.renderingProvider);
  for (let i = 0; i < claim.remarks.length; i += MOA_REMARKS) {
    w.add('MOA', '', '', ...claim.remarks.slice(i, i + MOA_REMARKS));
  }
  if (claim.serviceDateFrom) w.add('DTM', '232', formatX12Date(claim.serviceDateFrom));
  if (claim.serviceDateTo) w.add('DTM', '233', formatX12Date(claim.serviceDateTo));
  for (const line of claim.lines) writeServiceLine(w, line);
}

function writeProviderAdjustments(w: SegmentWriter, adjustments: ProviderAdjustment[]): void {
  for (const run of runs(adjustments, (a) => `${a.providerId}\u0001${a.date}`, PLB_PAIRS)) {
    const pairs = run.flatMap((a) => [[a.reason, a.reference], formatCents(a.amountCents)]);
    w.add('PLB', run[0]!.providerId, formatX12Date(run[0]!.date), ...pairs);
  }
}

function writeRemittance(w: SegmentWriter, r: Remittance835, productionDate: string): void {
  w.startTransaction('835');
  const payDate = formatX12Date(r.paymentDate);
  const bprFiller = new Array<string>(11).fill('');
  w.add('BPR', r.handlingCode, formatCents(r.paymentCents), 'C', r.paymentMethod, ...bprFiller, payDate);
  w.add('TRN', '1', r.traceNumber, r.payer.id);
  w.add('DTM', '405', productionDate);
  w.add('N1', 'PR', r.payer.name, r.payer.id ? 'XV' : '', r.payer.id);
  const payeeId = r.payee.npi ?? r.payee.taxId;
  w.add('N1', 'PE', r.payee.name, r.payee.npi ? 'XX' : payeeId ? 'FI' : '', payeeId);
  if (r.payee.npi && r.payee.taxId) w.add('REF', 'TJ', r.payee.taxId);
  if (r.claims.length > 0) w.add('LX', '1');
  for (const claim of r.claims) writeClaimPayment(w, claim);
  writeProviderAdjustments(w, r.providerAdjustments);
  w.endTransaction();
}

/** An 835 interchange with one ST…SE transaction per remittance. */
export function write835(remittances: Remittance835[], opts: X12WriteOptions): string {
  const group = { functionalId: 'HP', version: '005010X221A1' };
  const productionDate = formatX12Date(opts.date);
  return writeInterchange(opts, group, (w) => {
    for (const r of remittances) writeRemittance(w, r, productionDate);
  });
}

/** Numbers HL segments and remembers each level's parent. */
interface HlCounter {
  next: number;
}

function writeClaim837(w: SegmentWriter, claim: Claim837): void {
  const frequency = [claim.placeOfService, 'B', claim.frequency];
  w.add('CLM', claim.claimId, formatCents(claim.chargeCents), '', '', frequency, 'Y', 'A', 'Y', 'Y');
  writeRendering(w, claim.renderingProvider);
  if (claim.facility) {
    const { name, npi } = claim.facility;
    w.add('NM1', '77', '2', name, '', '', '', '', npi ? 'XX' : '', npi);
  }
  for (const line of claim.lines) writeClaimLine(w, line);
}

function writeClaimLine(w: SegmentWriter, line: ClaimLine837): void {
  w.add('LX', String(line.lineNumber));
  const procedure = ['HC', line.code, ...line.modifiers];
  w.add('SV1', procedure, formatCents(line.chargeCents), 'UN', String(line.units), '', '', '1');
  w.add('DTP', '472', 'D8', formatX12Date(line.serviceDate));
  if (line.lineControl) w.add('REF', '6R', line.lineControl);
}

/** 2000B: the subscriber (who is the patient: the writer sends no 2000C) and the payer. */
function writeSubscriber(w: SegmentWriter, hl: HlCounter, parent: number, claims: Claim837[]): void {
  const { patient, payer } = claims[0]!;
  w.add('HL', String(hl.next++), String(parent), '22', '0');
  w.add('SBR', 'P', '18', '', '', '', '', '', '', 'CI');
  const idQualifier = patient.memberId ? 'MI' : '';
  w.add('NM1', 'IL', '1', patient.lastName, patient.firstName, '', '', '', idQualifier, patient.memberId);
  if (patient.birthDate) w.add('DMG', 'D8', formatX12Date(patient.birthDate), 'U');
  w.add('NM1', 'PR', '2', payer.name, '', '', '', '', 'PI', payer.id);
  for (const claim of claims) writeClaim837(w, claim);
}

function writeBillingProvider(w: SegmentWriter, hl: HlCounter, claims: Claim837[]): void {
  const provider = claims[0]!.billingProvider;
  const parent = hl.next++;
  w.add('HL', String(parent), '', '20', '1');
  w.add('NM1', '85', '2', provider.name, '', '', '', '', provider.npi ? 'XX' : '', provider.npi);
  const subscriberKey = (c: Claim837) => JSON.stringify([c.payer, c.patient]);
  for (const run of runs(claims, subscriberKey)) writeSubscriber(w, hl, parent, run);
}

function writeClaimBatch(w: SegmentWriter, claims: Claim837[], opts: X12WriteOptions): void {
  w.startTransaction('837', '005010X222A1');
  const batch = `${opts.interchangeControl}-${w.transactionCount}`;
  w.add('BHT', '0019', '00', batch, formatX12Date(claims[0]!.submittedDate), opts.time ?? '1200', 'CH');
  w.add('NM1', '41', '2', opts.senderId, '', '', '', '', '46', opts.senderId);
  w.add('PER', 'IC', 'BILLING OFFICE', 'TE', '5555550100');
  w.add('NM1', '40', '2', opts.receiverId, '', '', '', '', '46', opts.receiverId);
  const hl: HlCounter = { next: 1 };
  const providerKey = (c: Claim837) => `${c.billingProvider.npi ?? ''}\u0001${c.billingProvider.name}`;
  for (const run of runs(claims, providerKey)) writeBillingProvider(w, hl, run);
  w.endTransaction();
}

/** An 837P interchange: one transaction per run of claims submitted the same day. */
export function write837P(claims: Claim837[], opts: X12WriteOptions): string {
  const group = { functionalId: 'HC', version: '005010X222A1' };
  return writeInterchange(opts, group, (w) => {
    for (const batch of runs(claims, (c) => c.submittedDate)) writeClaimBatch(w, batch, opts);
  });
}
