/**
 * The text alternative of a chart: what a point is, what it is out of, and the series in a sentence
 * for screen readers. Plain functions, no components, so they can be unit-tested and reused.
 */

/** One point of a series: a category on the x axis (a week, a month, a provider) and its value. */
export interface Datum {
  /** Short axis text ("Nov 16"). */
  label: string;
  /** The full name for the data table and tooltips ("Week of Nov 16, 2026"). */
  name: string;
  /** Null when there is nothing to measure: drawn as a gap, never as zero. */
  value: number | null;
  /** Why this value is null, when it differs from the chart's `missing` ("No open hours"). */
  missing?: string;
  /** What the value is out of, shown beside it ("1 of 3 visits"). */
  count?: string;
  /** Too few samples behind the value to read as a trend: drawn hollow and marked ("few visits"). */
  few?: boolean;
}

/** What a chart's values are measured over, plural, when none is given: a `few` point is "few samples". */
export const DEFAULT_SAMPLE_NOUN = 'samples';

/** "1 of 3 visits, few visits": the count behind a value and its small-number mark. */
export const basisOf = (d: Datum, chart: { sampleNoun?: string }) =>
  [d.count, d.few ? `few ${chart.sampleNoun ?? DEFAULT_SAMPLE_NOUN}` : ''].filter(Boolean).join(', ');
/** Why a point has no value: its own reason, the chart's, or "No data". */
export const missingOf = (d: Datum, chart: { missing?: string }) => d.missing ?? chart.missing ?? 'No data';

/** What the sentences need of a chart. */
export interface Series {
  title: string;
  data: Datum[];
  format: (value: number) => string;
  /** What a null value means to a reader ("No visits"). */
  missing?: string;
  /** What each value is measured over, plural ("visits"): a `few` point reads "few visits". */
  sampleNoun?: string;
}

/** The series in one sentence: range, lowest, highest, latest and how many points are missing. */
export function summarise(props: Series): string {
  const data = props.data;
  if (data.length === 0) return `${props.title}: no data.`;
  const known = data.filter((d): d is Datum & { value: number } => d.value !== null);
  const span = `${data[0]!.name} to ${data[data.length - 1]!.name}`;
  if (known.length === 0) return `${props.title}, ${span}: ${props.missing ?? 'no data'} throughout.`;
  const values = known.map((d) => d.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const latest = known[known.length - 1]!;
  const gaps = data.length - known.length;
  const why = [
    ...new Set(data.filter((d) => d.value === null).map((d) => missingOf(d, props).toLowerCase())),
  ];
  const few = known.filter((d) => d.few).length;
  const basis = basisOf(latest, props);
  return [
    `${props.title}, ${span}.`,
    `Latest ${props.format(latest.value)} (${basis ? `${basis}; ` : ''}${latest.name}).`,
    known.length > 1 ? `Lowest ${props.format(low)}, highest ${props.format(high)}.` : '',
    gaps ? `${gaps} of ${data.length} without data (${why.join(' or ')}).` : '',
    few
      ? `${few} of ${known.length} from too few ${props.sampleNoun ?? DEFAULT_SAMPLE_NOUN} to read as a trend.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Categories that are not a time series, one by one ("Dr. Raman 49%, Dr. Chen 12%"). */
export function listed(props: Series): string {
  const items = props.data.map(
    (d) =>
      `${d.name} ${d.value === null ? (props.missing ?? 'no data').toLowerCase() : props.format(d.value)}`,
  );
  return `${props.title}: ${items.length ? items.join(', ') : 'no data'}.`;
}
