/**
 * Element access, money and date parsing shared by the 835 and 837P readers and the writer, so an
 * amount or a date is read (and reported) one way everywhere.
 */
import type { X12Problem } from './x12-types.ts';

/** One segment: `elements[0]` is its id, so `elements[n]` is the guide's element n (CLP01 = 1). */
export interface X12Segment {
  id: string;
  elements: string[];
  /** 1-based position in the interchange (ISA is 1). */
  position: number;
}

/** The four separators an ISA declares. `repetition` is '' when the ISA declares none (4010). */
export interface X12Delimiters {
  element: string;
  component: string;
  segment: string;
  repetition: string;
}

/** Element n of a segment, trimmed; '' when the segment stops before it. */
export function element(seg: X12Segment, n: number): string {
  return seg.elements[n]?.trim() ?? '';
}

/** The two-digit name of element n, as the guides print it (CLP04). */
export function elementName(seg: X12Segment, n: number): string {
  return `${seg.id}${String(n).padStart(2, '0')}`;
}

const AMOUNT = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * X12 decimal (R) to integer cents by string math, so "0.29" is 29 and never 28.999…; null when
 * not a number or when it has fractions of a cent.
 */
export function parseCents(raw: string): number | null {
  const m = AMOUNT.exec(raw.trim());
  if (!m) return null;
  const [, sign, whole = '', fraction = ''] = m;
  if (whole === '' && fraction === '') return null;
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const cents = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Cents as an X12 decimal: no trailing zeros after the point ("125", "125.5", "-12.34"). */
export function formatCents(cents: number): string {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  const sign = cents < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  const digits = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${digits}`;
}

/** Cents for a person to read: "$1,234.50", "-$20.00". */
export function dollars(cents: number): string {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${cents < 0 ? '-' : ''}$${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** X12 CCYYMMDD to YYYY-MM-DD; null when not a real calendar date (20260230). */
export function parseX12Date(raw: string): string | null {
  if (!/^\d{8}$/.test(raw)) return null;
  const year = Number(raw.slice(0, 4));
  const month = Number(raw.slice(4, 6));
  const day = Number(raw.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

/** YYYY-MM-DD to X12 CCYYMMDD. */
export function formatX12Date(date: string): string {
  return date.replaceAll('-', '');
}

/** A D8 date or an RD8 range ("20260101-20260105"); null when either end is not a real date. */
export function parseDateOrRange(raw: string): { from: string; to: string } | null {
  const [start = '', end, extra] = raw.split('-');
  if (extra !== undefined) return null;
  const from = parseX12Date(start);
  const to = end === undefined ? from : parseX12Date(end);
  return from && to ? { from, to } : null;
}

/** Splits a composite element (SVC01 "HC:99213:25") on the component separator. */
export function components(value: string, separator: string): string[] {
  return value.split(separator).map((c) => c.trim());
}

/** An NM1 name: an organisation's NM103, or a person's "first last" from NM104 and NM103. */
export function personName(seg: X12Segment): string {
  if (element(seg, 2) === '2') return element(seg, 3);
  return [element(seg, 4), element(seg, 3)].filter((p) => p !== '').join(' ');
}

/** An NM1's NPI: NM109 when NM108 says it is one (XX). */
export function npiOf(seg: X12Segment): string | undefined {
  return element(seg, 8) === 'XX' && element(seg, 9) !== '' ? element(seg, 9) : undefined;
}

/**
 * The problems found in one file, and readers for required elements, amounts and dates that
 * report what is wrong in words a practice manager can act on, naming the segment.
 */
export class ProblemList {
  readonly items: X12Problem[] = [];
  /** Amounts that could not be read: balancing over them would only restate the problem. */
  unreadAmounts = 0;

  /** Records a problem at a segment: "Segment 14 (CLP): …". */
  add(seg: X12Segment, message: string): void {
    this.items.push({
      segment: seg.position,
      segmentId: seg.id,
      message: `Segment ${seg.position} (${seg.id}): ${message}`,
    });
  }

  /** Element n, or '' and a problem when it is missing. */
  required(seg: X12Segment, n: number, label: string): string {
    const value = element(seg, n);
    if (value === '') this.add(seg, `${label} (${elementName(seg, n)}) is missing`);
    return value;
  }

  /** A required amount in cents; 0 and a problem when missing or not a number. */
  amount(seg: X12Segment, n: number, label: string): number {
    const raw = element(seg, n);
    if (raw === '') {
      this.unreadAmounts++;
      this.add(seg, `${label} (${elementName(seg, n)}) is missing`);
      return 0;
    }
    return this.optionalAmount(seg, n, label) ?? 0;
  }

  /** An amount in cents when the element is present; a problem when it is not a number. */
  optionalAmount(seg: X12Segment, n: number, label: string): number | undefined {
    const raw = element(seg, n);
    if (raw === '') return undefined;
    const cents = parseCents(raw);
    if (cents === null) {
      this.unreadAmounts++;
      this.add(seg, `${label} (${elementName(seg, n)}) "${raw}" is not a number`);
      return undefined;
    }
    return cents;
  }

  /** A quantity (units), when present; a problem when it is not a number. */
  optionalQuantity(seg: X12Segment, n: number, label: string): number | undefined {
    const raw = element(seg, n);
    if (raw === '') return undefined;
    const value = /^-?(\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isNaN(value)) {
      this.add(seg, `${label} (${elementName(seg, n)}) "${raw}" is not a number`);
      return undefined;
    }
    return value;
  }

  /** A date or RD8 range; undefined and a problem when missing or not a real date. */
  dateRange(seg: X12Segment, n: number, label: string): { from: string; to: string } | undefined {
    const raw = this.required(seg, n, label);
    if (raw === '') return undefined;
    const range = parseDateOrRange(raw);
    if (!range) this.add(seg, `${label} (${elementName(seg, n)}) "${raw}" is not a valid date`);
    return range ?? undefined;
  }

  /** A single CCYYMMDD date; '' and a problem when missing or not a real date. */
  date(seg: X12Segment, n: number, label: string): string {
    const raw = this.required(seg, n, label);
    if (raw === '') return '';
    const date = parseX12Date(raw);
    if (!date) this.add(seg, `${label} (${elementName(seg, n)}) "${raw}" is not a valid date`);
    return date ?? '';
  }
}
