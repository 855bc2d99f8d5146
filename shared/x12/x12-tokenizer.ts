/**
 * Splits an X12 interchange into segments and transactions, with the delimiters its ISA declares,
 * and checks the envelope (ISA/IEA, GS/GE, ST/SE counts and control numbers).
 */
import { element, ProblemList, type X12Delimiters, type X12Segment } from './x12-segments.ts';
import type { X12Problem } from './x12-types.ts';

/** One ST…SE transaction: its segments from ST to SE inclusive (or to where the file stops). */
export interface X12Transaction {
  /** ST01: 835, 837… */
  setId: string;
  /** ST02, the transaction set control number. */
  control: string;
  segments: X12Segment[];
}

/** A split interchange; `segments` is empty when even the ISA could not be read. */
export interface X12Interchange {
  senderId: string;
  receiverId: string;
  /** ISA13. */
  control: string;
  delimiters: X12Delimiters;
  segments: X12Segment[];
  transactions: X12Transaction[];
  problems: X12Problem[];
}

const ISA_ELEMENTS = 16;
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/** Where the ISA's 16th element separator sits (its ISA16 follows), or -1 when the ISA is cut short. */
function isa16Separator(text: string, separator: string): number {
  let at = 3;
  for (let n = 1; n < ISA_ELEMENTS; n++) {
    at = text.indexOf(separator, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/**
 * The delimiters of an ISA. A fixed-width ISA puts them at 3, 82, 104 and 105; counting the
 * element separators instead also reads the occasional ISA whose padding was trimmed.
 */
export function readDelimiters(text: string): X12Delimiters | null {
  const elementSep = text[3];
  if (!text.startsWith('ISA') || !elementSep) return null;
  const last = isa16Separator(text, elementSep);
  const component = text[last + 1];
  const segment = text[last + 2];
  if (last < 0 || !component || !segment) return null;
  // 4010 files put the standards identifier "U" in ISA11; only 5010 makes it the repetition separator.
  const isa11 = text.slice(0, last).split(elementSep)[11] ?? '';
  const repetition = isa11.length === 1 && !/[A-Za-z0-9 ]/.test(isa11) ? isa11 : '';
  return { element: elementSep, component, segment, repetition };
}

/** A cheap test that spares the regex on most segments of a large file. */
function hasLineBreakAtEnds(piece: string): boolean {
  const first = piece.charCodeAt(0);
  const last = piece.charCodeAt(piece.length - 1);
  return first === 10 || first === 13 || last === 10 || last === 13;
}

/** Segments split on the terminator; CR/LF around a segment (pretty-printed files) are ignored. */
function splitSegments(text: string, d: X12Delimiters, problems: ProblemList): X12Segment[] {
  const segments: X12Segment[] = [];
  for (const piece of text.split(d.segment)) {
    const raw = hasLineBreakAtEnds(piece) ? piece.replace(/^[\r\n]+|[\r\n]+$/g, '') : piece;
    if (raw.trim() === '') continue;
    const elements = raw.split(d.element);
    const seg: X12Segment = { id: (elements[0] ?? '').trim(), elements, position: segments.length + 1 };
    segments.push(seg);
    if (!SEGMENT_ID.test(seg.id)) problems.add(seg, `"${raw.slice(0, 20)}" is not an X12 segment`);
  }
  return segments;
}

/** Tracks the open group and transaction while walking the envelope. */
interface EnvelopeState {
  group: { gs: X12Segment; transactions: number } | null;
  tx: { st: X12Segment; start: number } | null;
  groups: number;
  transactions: X12Transaction[];
}

function closeTransaction(state: EnvelopeState, segments: X12Segment[], end: number): void {
  if (!state.tx) return;
  const { st, start } = state.tx;
  state.transactions.push({
    setId: element(st, 1),
    control: element(st, 2),
    segments: segments.slice(start, end + 1),
  });
  state.tx = null;
}

function checkCount(problems: ProblemList, seg: X12Segment, actual: number, what: string): void {
  const declared = element(seg, 1);
  if (declared !== String(actual)) {
    problems.add(seg, `the trailer says there are ${declared || 'no'} ${what} but there are ${actual}`);
  }
}

function checkControl(
  problems: ProblemList,
  seg: X12Segment,
  n: number,
  opener: X12Segment,
  m: number,
): void {
  if (element(seg, n) !== element(opener, m)) {
    problems.add(
      seg,
      `its control number "${element(seg, n)}" does not match "${element(opener, m)}" of segment ${opener.position} (${opener.id})`,
    );
  }
}

function unterminated(state: EnvelopeState, seg: X12Segment, problems: ProblemList, all: X12Segment[]) {
  if (state.tx) {
    problems.add(state.tx.st, 'the transaction has no SE trailer before the next envelope segment');
    closeTransaction(state, all, seg.position - 2);
  }
}

/** Walks ISA…IEA checking that every GS/ST is closed and that trailer counts are right. */
function checkEnvelope(segments: X12Segment[], problems: ProblemList): X12Transaction[] {
  const state: EnvelopeState = { group: null, tx: null, groups: 0, transactions: [] };
  const isa = segments[0]!;
  let iea: X12Segment | null = null;
  for (const [i, seg] of segments.entries()) {
    if (i === 0) continue;
    if (iea) {
      problems.add(seg, 'the segment comes after the IEA interchange trailer');
      continue;
    }
    if (seg.id === 'ISA') problems.add(seg, 'a second interchange header (ISA) appears inside the file');
    else if (seg.id === 'GS') {
      unterminated(state, seg, problems, segments);
      if (state.group) problems.add(state.group.gs, 'the functional group has no GE trailer');
      state.group = { gs: seg, transactions: 0 };
      state.groups++;
    } else if (seg.id === 'ST') {
      unterminated(state, seg, problems, segments);
      if (!state.group)
        problems.add(seg, 'the transaction is not inside a functional group (no GS before it)');
      else state.group.transactions++;
      state.tx = { st: seg, start: i };
    } else if (seg.id === 'SE') {
      if (!state.tx) problems.add(seg, 'a transaction trailer (SE) appears without its ST');
      else {
        checkCount(problems, seg, i - state.tx.start + 1, 'segments in the transaction (SE01)');
        checkControl(problems, seg, 2, state.tx.st, 2);
        closeTransaction(state, segments, i);
      }
    } else if (seg.id === 'GE') {
      unterminated(state, seg, problems, segments);
      if (!state.group) problems.add(seg, 'a group trailer (GE) appears without its GS');
      else {
        checkCount(problems, seg, state.group.transactions, 'transactions in the group (GE01)');
        checkControl(problems, seg, 2, state.group.gs, 6);
      }
      state.group = null;
    } else if (seg.id === 'IEA') {
      unterminated(state, seg, problems, segments);
      if (state.group) problems.add(state.group.gs, 'the functional group has no GE trailer');
      checkCount(problems, seg, state.groups, 'functional groups in the interchange (IEA01)');
      checkControl(problems, seg, 2, isa, 13);
      iea = seg;
    } else if (!state.tx) {
      problems.add(seg, 'the segment is outside any transaction (between ST and SE)');
    }
  }
  if (state.tx) {
    problems.add(state.tx.st, 'the transaction has no SE trailer: the file may have been cut off');
    closeTransaction(state, segments, segments.length - 1);
  }
  if (!iea) {
    if (state.group) problems.add(state.group.gs, 'the functional group has no GE trailer');
    const last = segments[segments.length - 1]!;
    problems.add(last, 'the file ends without the IEA interchange trailer: it may have been cut off');
  }
  return state.transactions;
}

function cutShort(text: string): X12Interchange {
  const problems: X12Problem[] = [];
  const message = text.startsWith('ISA')
    ? `Segment 1 (ISA): the interchange header is cut short (${text.length} characters; a complete ISA has 106)`
    : 'Segment 1: the file does not start with an ISA interchange header, so it is not an X12 file';
  problems.push({ segment: 1, segmentId: text.startsWith('ISA') ? 'ISA' : '', message });
  const delimiters = { element: '*', component: ':', segment: '~', repetition: '^' };
  return { senderId: '', receiverId: '', control: '', delimiters, segments: [], transactions: [], problems };
}

/** Splits an interchange into segments and transactions, reporting envelope problems. */
export function tokenizeX12(input: string): X12Interchange {
  const text = input.replace(/^[\uFEFF\s]+/, '');
  const delimiters = readDelimiters(text);
  if (!delimiters) return cutShort(text);
  const problems = new ProblemList();
  const segments = splitSegments(text, delimiters, problems);
  const isa = segments[0]!;
  if (isa.elements.length !== ISA_ELEMENTS + 1) {
    problems.add(isa, `the interchange header has ${isa.elements.length - 1} elements instead of 16`);
  }
  const transactions = checkEnvelope(segments, problems);
  return {
    senderId: element(isa, 6),
    receiverId: element(isa, 8),
    control: element(isa, 13),
    delimiters,
    segments,
    transactions,
    problems: problems.items,
  };
}
