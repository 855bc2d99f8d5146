/**
 * Reads 837P professional claims (005010X222A1): billing provider (2000A), subscriber and payer
 * (2000B), patient (2000C), claims (2300) and their service lines (2400).
 */
import {
  components,
  dollars,
  element,
  npiOf,
  ProblemList,
  personName,
  type X12Segment,
} from './x12-segments.ts';
import { tokenizeX12, type X12Transaction } from './x12-tokenizer.ts';
import type { Claim837, ClaimLine837, Parsed837 } from './x12-types.ts';

interface Person {
  lastName: string;
  firstName?: string;
  birthDate?: string;
  memberId?: string;
}

/** A claim with the segments it was read from, and its claim-level date for undated lines. */
interface ClaimEntry {
  claim: Claim837;
  seg: X12Segment;
  lineSegs: X12Segment[];
  claimDate?: string;
  /** How many amounts of the file could not be read when the claim began. */
  unreadBefore: number;
}

/** What the walk over one transaction has seen: the open HL levels and the open claim. */
interface ClaimsState {
  problems: ProblemList;
  component: string;
  submittedDate: string;
  billing: Claim837['billingProvider'] | null;
  subscriber: Person | null;
  payer: Claim837['payer'] | null;
  patient: Person | null;
  /** Whose demographics (DMG) come next: the subscriber's (2010BA) or the patient's (2010CA). */
  dmgFor: Person | null;
  claim: ClaimEntry | null;
  nextLineNumber: number | null;
  claims: Claim837[];
}

type Handler = (s: ClaimsState, seg: X12Segment) => void;

function onBht(s: ClaimsState, seg: X12Segment): void {
  s.submittedDate = s.problems.date(seg, 4, 'the date the claims were created');
}

function onHl(s: ClaimsState, seg: X12Segment): void {
  finishClaim(s);
  const level = element(seg, 3);
  if (level !== '20' && level !== '22' && level !== '23') {
    s.problems.add(
      seg,
      `the hierarchical level "${level}" (HL03) is not a billing provider, subscriber or patient`,
    );
    return;
  }
  s.patient = null;
  s.dmgFor = null;
  if (level === '23') return;
  s.subscriber = null;
  s.payer = null;
  if (level === '20') s.billing = null;
}

function readPerson(seg: X12Segment, s: ClaimsState, label: string): Person {
  const person: Person = { lastName: s.problems.required(seg, 3, `the ${label}'s last name`) };
  if (element(seg, 4) !== '') person.firstName = element(seg, 4);
  return person;
}

function onNm1(s: ClaimsState, seg: X12Segment): void {
  const code = element(seg, 1);
  const npi = npiOf(seg);
  if (s.claim && code !== '82' && code !== '77') return;
  if (code === '85') {
    s.billing = { name: s.problems.required(seg, 3, "the billing provider's name") };
    if (element(seg, 2) === '1') s.billing.name = personName(seg);
    if (npi) s.billing.npi = npi;
  } else if (code === 'IL') {
    s.subscriber = readPerson(seg, s, 'subscriber');
    if (element(seg, 9) !== '') s.subscriber.memberId = element(seg, 9);
    s.dmgFor = s.subscriber;
  } else if (code === 'PR') {
    s.payer = { name: s.problems.required(seg, 3, "the payer's name"), id: element(seg, 9) };
    if (!s.payer.id) s.problems.add(seg, "the payer's id (NM109) is missing");
  } else if (code === 'QC') {
    s.patient = readPerson(seg, s, 'patient');
    s.dmgFor = s.patient;
  } else if (code === '82' && s.claim) {
    const provider: NonNullable<Claim837['renderingProvider']> = {};
    if (npi) provider.npi = npi;
    if (personName(seg)) provider.name = personName(seg);
    s.claim.claim.renderingProvider = provider;
  } else if (code === '77' && s.claim) {
    s.claim.claim.facility = { name: element(seg, 3) };
    if (npi) s.claim.claim.facility.npi = npi;
  }
}

function onDmg(s: ClaimsState, seg: X12Segment): void {
  const date = s.problems.date(seg, 2, 'the birth date');
  if (date && s.dmgFor) s.dmgFor.birthDate = date;
}

/** The claim's patient: the 2000C patient when there is one, with the subscriber's member id. */
function claimPatient(s: ClaimsState): Claim837['patient'] {
  const person = s.patient ?? s.subscriber;
  const patient: Claim837['patient'] = { lastName: person?.lastName ?? '' };
  if (person?.firstName) patient.firstName = person.firstName;
  if (person?.birthDate) patient.birthDate = person.birthDate;
  if (s.subscriber?.memberId) patient.memberId = s.subscriber.memberId;
  return patient;
}

function onClm(s: ClaimsState, seg: X12Segment): void {
  finishClaim(s);
  const unreadBefore = s.problems.unreadAmounts;
  if (!s.billing) s.problems.add(seg, 'the claim (CLM) appears before its billing provider (NM1*85)');
  if (!s.subscriber) s.problems.add(seg, 'the claim (CLM) appears before its subscriber (NM1*IL)');
  if (!s.payer) s.problems.add(seg, 'the claim (CLM) appears before its payer (NM1*PR)');
  const claim: Claim837 = {
    claimId: s.problems.required(seg, 1, 'the claim id'),
    chargeCents: s.problems.amount(seg, 2, "the claim's charge"),
    submittedDate: s.submittedDate,
    payer: { ...(s.payer ?? { id: '', name: '' }) },
    patient: claimPatient(s),
    billingProvider: { ...(s.billing ?? { name: '' }) },
    lines: [],
  };
  const [place = '', , frequency = ''] = components(element(seg, 5), s.component);
  if (place !== '') claim.placeOfService = place;
  if (frequency !== '') claim.frequency = frequency;
  s.claim = { claim, seg, lineSegs: [], unreadBefore };
  s.nextLineNumber = null;
  s.claims.push(claim);
}

function onDtp(s: ClaimsState, seg: X12Segment): void {
  const qualifier = element(seg, 1);
  const range = s.problems.dateRange(seg, 3, 'the date');
  if (!range || (qualifier !== '472' && qualifier !== '434')) return;
  const line = currentLine(s);
  if (line) line.serviceDate = range.from;
  else if (s.claim) s.claim.claimDate = range.from;
}

function currentLine(s: ClaimsState): ClaimLine837 | undefined {
  return s.claim?.claim.lines[s.claim.claim.lines.length - 1];
}

function onLx(s: ClaimsState, seg: X12Segment): void {
  if (!s.claim) s.problems.add(seg, 'a service line number (LX) appears before any claim (CLM)');
  const n = Number(element(seg, 1));
  if (!Number.isInteger(n) || n < 1)
    s.problems.add(seg, `the line number (LX01) "${element(seg, 1)}" is not a number`);
  s.nextLineNumber = n;
}

function onSv1(s: ClaimsState, seg: X12Segment): void {
  const [, code = '', ...modifiers] = components(element(seg, 1), s.component);
  if (code === '') s.problems.add(seg, 'the procedure code (SV101) is missing');
  const line: ClaimLine837 = {
    lineNumber: s.nextLineNumber ?? (s.claim?.claim.lines.length ?? 0) + 1,
    code,
    modifiers: modifiers.slice(0, 4).filter((m) => m !== ''),
    chargeCents: s.problems.amount(seg, 2, "the line's charge"),
    units: s.problems.optionalQuantity(seg, 4, 'the units') ?? 1,
    serviceDate: '',
  };
  s.nextLineNumber = null;
  if (!s.claim) {
    s.problems.add(seg, 'a service line (SV1) appears before any claim (CLM)');
    return;
  }
  s.claim.claim.lines.push(line);
  s.claim.lineSegs.push(seg);
}

function onRef(s: ClaimsState, seg: X12Segment): void {
  const line = currentLine(s);
  if (line && element(seg, 1) === '6R') line.lineControl = element(seg, 2);
}

/** Dates undated lines with the claim's date and checks the lines add up to the claim's charge. */
function finishClaim(s: ClaimsState): void {
  const entry = s.claim;
  if (!entry) return;
  s.claim = null;
  const { claim } = entry;
  if (claim.lines.length === 0) {
    s.problems.add(entry.seg, `claim ${claim.claimId} has no service lines (SV1)`);
    return;
  }
  claim.lines.forEach((line, i) => {
    if (line.serviceDate === '' && entry.claimDate) line.serviceDate = entry.claimDate;
    if (line.serviceDate === '') {
      s.problems.add(
        entry.lineSegs[i]!,
        `claim ${claim.claimId}, line ${line.lineNumber} has no date of service`,
      );
    }
  });
  if (s.problems.unreadAmounts > entry.unreadBefore) return;
  const lineTotal = claim.lines.reduce((sum, l) => sum + l.chargeCents, 0);
  if (lineTotal !== claim.chargeCents) {
    s.problems.add(
      entry.seg,
      `claim ${claim.claimId}: the charge ${dollars(claim.chargeCents)} does not equal the sum of its lines (${dollars(lineTotal)})`,
    );
  }
}

const HANDLERS: Record<string, Handler> = {
  BHT: onBht,
  HL: onHl,
  NM1: onNm1,
  DMG: onDmg,
  CLM: onClm,
  DTP: onDtp,
  LX: onLx,
  SV1: onSv1,
  REF: onRef,
};

function readClaims(tx: X12Transaction, problems: ProblemList, component: string): Claim837[] {
  const s: ClaimsState = {
    problems,
    component,
    submittedDate: '',
    billing: null,
    subscriber: null,
    payer: null,
    patient: null,
    dmgFor: null,
    claim: null,
    nextLineNumber: null,
    claims: [],
  };
  const st = tx.segments[0]!;
  if (tx.segments[1]?.id !== 'BHT') problems.add(st, 'the claims transaction has no BHT right after its ST');
  for (const seg of tx.segments) HANDLERS[seg.id]?.(s, seg);
  finishClaim(s);
  return s.claims;
}

/** Reads an 837P interchange into its claims; `problems` lists everything that is wrong. */
export function parse837P(text: string): Parsed837 {
  const interchange = tokenizeX12(text);
  const problems = new ProblemList();
  problems.items.push(...interchange.problems);
  const claims: Claim837[] = [];
  for (const tx of interchange.transactions) {
    if (tx.setId !== '837') {
      problems.add(tx.segments[0]!, `this is a ${tx.setId || 'unnamed'} transaction, not an 837 claim file`);
      continue;
    }
    claims.push(...readClaims(tx, problems, interchange.delimiters.component));
  }
  if (interchange.segments.length > 0 && interchange.transactions.length === 0) {
    problems.add(interchange.segments[0]!, 'the file holds no claims (no ST…SE transaction)');
  }
  return {
    interchangeControl: interchange.control,
    claims,
    problems: problems.items.sort((a, b) => a.segment - b.segment),
  };
}
