/**
 * Reads 835 remittances (005010X221A1): one Remittance835 per ST…SE transaction, with the problems
 * that keep a file from being imported (grammar, numbers, dates, envelope counts, balancing).
 */
import { type ClaimEntry, checkRemittanceBalances } from './remittance-835-checks.ts';
import { readAdjustments, readProviderAdjustments, readServiceLine } from './remittance-835-elements.ts';
import { element, npiOf, ProblemList, personName, type X12Segment } from './x12-segments.ts';
import { tokenizeX12, type X12Transaction } from './x12-tokenizer.ts';
import type { ClaimPayment, Parsed835, Remittance835 } from './x12-types.ts';

/** What the walk over one transaction has seen so far. */
interface RemitState {
  problems: ProblemList;
  component: string;
  remit: Remittance835;
  st: X12Segment;
  bpr?: X12Segment;
  trn?: X12Segment;
  /** The N1 loop (1000A payer, 1000B payee) that REF segments belong to. */
  party: 'PR' | 'PE' | null;
  payerRefId: string;
  payerTraceId: string;
  payerSeg?: X12Segment;
  claims: ClaimEntry[];
  claim: ClaimEntry | null;
  insured?: { name: string; memberId: string };
  sawPlb: boolean;
}

type Handler = (s: RemitState, seg: X12Segment) => void;

function onBpr(s: RemitState, seg: X12Segment): void {
  if (s.bpr || s.trn || s.claims.length > 0) {
    s.problems.add(seg, 'the payment (BPR) must come once, right after the ST that opens the remittance');
  }
  s.bpr = seg;
  s.remit.handlingCode = s.problems.required(seg, 1, 'the payment handling code');
  s.remit.paymentCents = s.problems.amount(seg, 2, 'the payment total');
  s.remit.paymentMethod = s.problems.required(seg, 4, 'the payment method');
  s.remit.paymentDate = s.problems.date(seg, 16, 'the payment date');
}

function onTrn(s: RemitState, seg: X12Segment): void {
  if (s.claims.length > 0) s.problems.add(seg, 'the trace number (TRN) must come before the claims');
  s.trn = seg;
  s.remit.traceNumber = s.problems.required(seg, 2, 'the check or EFT trace number');
  s.payerTraceId = element(seg, 3);
}

function onN1(s: RemitState, seg: X12Segment): void {
  const code = element(seg, 1);
  s.party = code === 'PR' || code === 'PE' ? code : null;
  if (!s.party) return;
  if (s.claims.length > 0) {
    s.problems.add(seg, `the ${code === 'PR' ? 'payer' : 'payee'} (N1) must come before the claims`);
  }
  const name = s.problems.required(seg, 2, code === 'PR' ? "the payer's name" : "the payee's name");
  if (s.party === 'PR') {
    s.payerSeg = seg;
    s.remit.payer = { id: element(seg, 4), name };
    return;
  }
  s.remit.payee = { name };
  const id = element(seg, 4);
  if (id !== '' && element(seg, 3) === 'XX') s.remit.payee.npi = id;
  if (id !== '' && element(seg, 3) === 'FI') s.remit.payee.taxId = id;
}

function onRef(s: RemitState, seg: X12Segment): void {
  const qualifier = element(seg, 1);
  const line = currentLine(s);
  if (line) {
    if (qualifier === '6R') line.lineControl = element(seg, 2);
  } else if (s.claim) {
    return;
  } else if (s.party === 'PR' && qualifier === '2U') {
    s.payerRefId = element(seg, 2);
  } else if (s.party === 'PE' && qualifier === 'TJ') {
    s.remit.payee.taxId = element(seg, 2);
  }
}

function currentLine(s: RemitState) {
  return s.claim?.claim.lines[s.claim.claim.lines.length - 1];
}

function onClp(s: RemitState, seg: X12Segment): void {
  finishClaim(s);
  if (!s.bpr || !s.trn) {
    s.problems.add(seg, 'a claim (CLP) appears before the payment (BPR) and trace number (TRN) segments');
  }
  if (s.sawPlb) s.problems.add(seg, 'a claim (CLP) appears after the provider adjustments (PLB)');
  const p = s.problems;
  const claim: ClaimPayment = {
    claimId: p.required(seg, 1, 'the claim id'),
    statusCode: p.required(seg, 2, "the claim's status code"),
    chargeCents: p.amount(seg, 3, "the claim's charge"),
    paidCents: p.amount(seg, 4, "the claim's paid amount"),
    patientResponsibilityCents: p.optionalAmount(seg, 5, "the patient's responsibility") ?? 0,
    patient: { lastName: '' },
    adjustments: [],
    remarks: [],
    lines: [],
  };
  if (element(seg, 6) !== '') claim.filingIndicator = element(seg, 6);
  if (element(seg, 7) !== '') claim.payerClaimNumber = element(seg, 7);
  s.claim = { claim, seg, lineSegs: [] };
  s.claims.push(s.claim);
  s.remit.claims.push(claim);
}

/** Fills what a claim takes from later segments: member id from NM1*IL, dates from its lines. */
function finishClaim(s: RemitState): void {
  const entry = s.claim;
  if (!entry) return;
  const { claim } = entry;
  if (s.insured) {
    if (!claim.patient.memberId && s.insured.memberId) claim.patient.memberId = s.insured.memberId;
    if (!claim.patient.lastName) claim.patient.lastName = s.insured.name;
  }
  if (!claim.patient.lastName)
    s.problems.add(entry.seg, `claim ${claim.claimId} has no patient name (NM1*QC)`);
  const dates = claim.lines.flatMap((l) => (l.serviceDate ? [l.serviceDate] : [])).sort();
  if (!claim.serviceDateFrom && dates[0]) claim.serviceDateFrom = dates[0];
  if (!claim.serviceDateTo && dates.length > 0) claim.serviceDateTo = dates[dates.length - 1];
  s.claim = null;
  s.insured = undefined;
}

function onCas(s: RemitState, seg: X12Segment): void {
  const adjustments = readAdjustments(seg, s.problems);
  if (!s.claim) {
    s.problems.add(seg, 'an adjustment (CAS) appears before any claim (CLP) or service line (SVC)');
    return;
  }
  (currentLine(s) ?? s.claim.claim).adjustments.push(...adjustments);
}

function onNm1(s: RemitState, seg: X12Segment): void {
  const claim = s.claim?.claim;
  if (!claim) return;
  const code = element(seg, 1);
  if (code === 'QC') {
    claim.patient.lastName = s.problems.required(seg, 3, "the patient's last name");
    if (element(seg, 4) !== '') claim.patient.firstName = element(seg, 4);
    if (element(seg, 9) !== '') claim.patient.memberId = element(seg, 9);
  } else if (code === 'IL') {
    s.insured = { name: element(seg, 3), memberId: element(seg, 9) };
  } else if (code === '82') {
    const provider: ClaimPayment['renderingProvider'] = {};
    const npi = npiOf(seg);
    const name = personName(seg);
    if (npi) provider.npi = npi;
    if (name) provider.name = name;
    claim.renderingProvider = provider;
  }
}

function remarksFrom(seg: X12Segment, positions: number[]): string[] {
  return positions.map((n) => element(seg, n)).filter((r) => r !== '');
}

function onMoaMia(s: RemitState, seg: X12Segment): void {
  if (!s.claim) {
    s.problems.add(seg, `claim remarks (${seg.id}) appear before any claim (CLP)`);
    return;
  }
  // MOA03-07 are remark codes; on MIA they are MIA05 and MIA20-24 (the rest are amounts).
  const positions = seg.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23, 24];
  s.claim.claim.remarks.push(...remarksFrom(seg, positions));
}

function onDtm(s: RemitState, seg: X12Segment): void {
  const qualifier = element(seg, 1);
  const date = s.problems.date(seg, 2, 'the date');
  if (!date) return;
  const line = currentLine(s);
  if (line && (qualifier === '472' || qualifier === '150')) line.serviceDate = date;
  else if (s.claim && !line && qualifier === '232') s.claim.claim.serviceDateFrom = date;
  else if (s.claim && !line && qualifier === '233') s.claim.claim.serviceDateTo = date;
}

function onSvc(s: RemitState, seg: X12Segment): void {
  const line = readServiceLine(seg, s.problems, s.component);
  if (!s.claim) {
    s.problems.add(seg, 'a service line (SVC) appears before any claim (CLP)');
    return;
  }
  s.claim.claim.lines.push(line);
  s.claim.lineSegs.push(seg);
}

function onAmt(s: RemitState, seg: X12Segment): void {
  const line = currentLine(s);
  if (!line || element(seg, 1) !== 'B6') return;
  const allowed = s.problems.optionalAmount(seg, 2, 'the allowed amount');
  if (allowed !== undefined) line.allowedCents = allowed;
}

function onLq(s: RemitState, seg: X12Segment): void {
  const line = currentLine(s);
  if (!line) {
    s.problems.add(seg, 'a remark (LQ) appears outside a service line (SVC)');
    return;
  }
  if (element(seg, 1) === 'HE') line.remarks.push(s.problems.required(seg, 2, 'the remark code'));
}

function onLx(s: RemitState): void {
  finishClaim(s);
  s.party = null;
}

function onPlb(s: RemitState, seg: X12Segment): void {
  finishClaim(s);
  s.sawPlb = true;
  s.remit.providerAdjustments.push(...readProviderAdjustments(seg, s.problems, s.component));
}

const HANDLERS: Record<string, Handler> = {
  BPR: onBpr,
  TRN: onTrn,
  N1: onN1,
  REF: onRef,
  LX: onLx,
  CLP: onClp,
  CAS: onCas,
  NM1: onNm1,
  MOA: onMoaMia,
  MIA: onMoaMia,
  DTM: onDtm,
  SVC: onSvc,
  AMT: onAmt,
  LQ: onLq,
  PLB: onPlb,
};

function emptyRemittance(st: X12Segment): Remittance835 {
  return {
    traceNumber: '',
    paymentCents: 0,
    handlingCode: '',
    paymentMethod: '',
    paymentDate: '',
    payer: { id: '', name: '' },
    payee: { name: '' },
    claims: [],
    providerAdjustments: [],
    startSegment: st.position,
  };
}

/** The header segments every remittance needs, and the payer id's fallbacks (REF*2U, TRN03). */
function finishHeader(s: RemitState): void {
  if (!s.bpr) s.problems.add(s.st, 'the remittance has no payment segment (BPR)');
  if (!s.trn) s.problems.add(s.st, 'the remittance has no check or EFT trace number (TRN)');
  if (!s.payerSeg) s.problems.add(s.st, 'the remittance does not name its payer (N1*PR)');
  else if (!s.remit.payer.id) s.remit.payer.id = s.payerRefId || s.payerTraceId;
  if (s.payerSeg && !s.remit.payer.id) {
    s.problems.add(s.payerSeg, 'the payer has no id (N104, REF*2U or TRN03)');
  }
  if (!s.remit.payee.name) s.problems.add(s.st, 'the remittance does not name the payee (N1*PE)');
}

function readRemittance(tx: X12Transaction, problems: ProblemList, component: string): Remittance835 {
  const st = tx.segments[0]!;
  const s: RemitState = {
    problems,
    component,
    remit: emptyRemittance(st),
    st,
    party: null,
    payerRefId: '',
    payerTraceId: '',
    claims: [],
    claim: null,
    sawPlb: false,
  };
  const before = problems.unreadAmounts;
  for (const seg of tx.segments) HANDLERS[seg.id]?.(s, seg);
  finishClaim(s);
  finishHeader(s);
  // Balancing over an amount that could not be read would only restate that problem.
  if (problems.unreadAmounts === before && s.bpr) checkRemittanceBalances(s.remit, s.bpr, s.claims, problems);
  return s.remit;
}

/** Reads an 835 interchange into its remittances; `problems` lists everything that is wrong. */
export function parse835(text: string): Parsed835 {
  const interchange = tokenizeX12(text);
  const problems = new ProblemList();
  problems.items.push(...interchange.problems);
  const remittances: Remittance835[] = [];
  for (const tx of interchange.transactions) {
    if (tx.setId !== '835') {
      problems.add(tx.segments[0]!, `this is a ${tx.setId || 'unnamed'} transaction, not an 835 remittance`);
      continue;
    }
    remittances.push(readRemittance(tx, problems, interchange.delimiters.component));
  }
  if (interchange.segments.length > 0 && interchange.transactions.length === 0) {
    problems.add(interchange.segments[0]!, 'the file holds no remittance (no ST…SE transaction)');
  }
  return {
    interchangeControl: interchange.control,
    senderId: interchange.senderId,
    receiverId: interchange.receiverId,
    remittances,
    problems: problems.items.sort((a, b) => a.segment - b.segment),
  };
}
