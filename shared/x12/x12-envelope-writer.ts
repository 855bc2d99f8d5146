/**
 * Builds X12 interchanges segment by segment: the ISA/GS/ST envelope with its counts, and the
 * checks that keep data from breaking the file (a delimiter inside a name).
 */
import { parseX12Date, type X12Delimiters } from './x12-segments.ts';

/** Who sends the interchange to whom, its control number and date, and optionally its delimiters. */
export interface X12WriteOptions {
  senderId: string;
  receiverId: string;
  /** ISA13: up to 9 digits, zero-padded to 9. */
  interchangeControl: string;
  /** YYYY-MM-DD, the interchange and group date. */
  date: string;
  /** HHMM; 1200 when not given. */
  time?: string;
  delimiters?: X12Delimiters;
  /** Puts a line break after every segment terminator, so the file reads well in an editor. */
  lineBreaks?: boolean;
  /** ISA15: P production (default), T test. */
  usage?: 'P' | 'T';
}

export const DEFAULT_DELIMITERS: X12Delimiters = {
  element: '*',
  component: ':',
  segment: '~',
  repetition: '^',
};

/** Collects segments and joins them once at the end (a 5,000-claim file stays fast). */
export class SegmentWriter {
  private readonly segments: string[] = [];
  private transactionStart = -1;
  private transactions = 0;
  private readonly forbidden: string[];

  constructor(readonly d: X12Delimiters) {
    this.forbidden = [d.element, d.component, d.segment, d.repetition].filter((c) => c !== '');
  }

  /** Fails loudly rather than write a value that would split a segment or element. */
  private clean(value: string): string {
    for (const c of this.forbidden) {
      if (value.includes(c)) throw new Error(`"${value}" contains the X12 delimiter "${c}"`);
    }
    return value;
  }

  /** Adds a segment; an array element is a composite (HC:99213:25). Trailing empties are dropped. */
  add(id: string, ...elements: Element[]): void {
    let end = elements.length;
    while (end > 0 && isEmpty(elements[end - 1])) end--;
    let text = id;
    for (let i = 0; i < end; i++) {
      const value = elements[i];
      text += this.d.element + (Array.isArray(value) ? this.composite(value) : this.clean(value ?? ''));
    }
    this.segments.push(text);
  }

  private composite(parts: (string | undefined)[]): string {
    let end = parts.length;
    while (end > 0 && !parts[end - 1]) end--;
    let text = '';
    for (let i = 0; i < end; i++) text += (i > 0 ? this.d.component : '') + this.clean(parts[i] ?? '');
    return text;
  }

  /** Opens a transaction: ST with its control number. */
  startTransaction(setId: string, implementation?: string): void {
    this.transactions++;
    this.transactionStart = this.segments.length;
    this.add('ST', setId, this.control(), implementation);
  }

  /** Closes the open transaction with SE and its segment count (ST and SE included). */
  endTransaction(): void {
    this.add('SE', String(this.segments.length - this.transactionStart + 1), this.control());
  }

  private control(): string {
    return String(this.transactions).padStart(4, '0');
  }

  /** The number of transactions started so far (GE01). */
  get transactionCount(): number {
    return this.transactions;
  }

  /** All segments, each followed by the terminator. */
  text(lineBreaks: boolean): string {
    const end = this.d.segment + (lineBreaks && this.d.segment !== '\n' ? '\n' : '');
    return this.segments.join(end) + end;
  }
}

/** A simple element, or a composite's components (written joined by the component separator). */
export type Element = string | undefined | (string | undefined)[];

function isEmpty(value: Element): boolean {
  return Array.isArray(value) ? value.every((p) => !p) : !value;
}

function fixed(value: string, width: number, label: string): string {
  if (value.length > width) throw new Error(`The ${label} "${value}" is longer than ${width} characters`);
  return value.padEnd(width, ' ');
}

function checkedDate(date: string): string {
  const compact = date.replaceAll('-', '');
  if (!parseX12Date(compact)) throw new Error(`The interchange date "${date}" is not a YYYY-MM-DD date`);
  return compact;
}

/** The fixed-width ISA (106 characters with its terminator). */
function isaSegment(opts: X12WriteOptions, d: X12Delimiters, date: string, time: string): string {
  if (!/^\d{1,9}$/.test(opts.interchangeControl)) {
    throw new Error(`The interchange control number "${opts.interchangeControl}" must be 1 to 9 digits`);
  }
  const elements = [
    'ISA',
    '00',
    fixed('', 10, 'authorization'),
    '00',
    fixed('', 10, 'security'),
    'ZZ',
    fixed(opts.senderId, 15, 'sender id'),
    'ZZ',
    fixed(opts.receiverId, 15, 'receiver id'),
    date.slice(2),
    time,
    d.repetition || 'U',
    '00501',
    opts.interchangeControl.padStart(9, '0'),
    '0',
    opts.usage ?? 'P',
    d.component,
  ];
  return elements.join(d.element);
}

/**
 * A complete interchange with one functional group: `build` adds the transactions to the writer
 * (startTransaction … endTransaction), this adds ISA, GS, GE and IEA around them.
 */
export function writeInterchange(
  opts: X12WriteOptions,
  group: { functionalId: string; version: string },
  build: (w: SegmentWriter) => void,
): string {
  const d = opts.delimiters ?? DEFAULT_DELIMITERS;
  const date = checkedDate(opts.date);
  const time = opts.time ?? '1200';
  if (!/^\d{4}$/.test(time)) throw new Error(`The interchange time "${time}" must be HHMM`);
  const groupControl = String(Number(opts.interchangeControl));
  const body = new SegmentWriter(d);
  body.add(
    'GS',
    group.functionalId,
    opts.senderId,
    opts.receiverId,
    date,
    time,
    groupControl,
    'X',
    group.version,
  );
  build(body);
  body.add('GE', String(body.transactionCount), groupControl);
  body.add('IEA', '1', opts.interchangeControl.padStart(9, '0'));
  const end = d.segment + (opts.lineBreaks && d.segment !== '\n' ? '\n' : '');
  return isaSegment(opts, d, date, time) + end + body.text(opts.lineBreaks ?? false);
}
