/**
 * The text alternative of a percentile-band chart: what one period holds and the series in a
 * sentence for screen readers. Plain functions, no components, so they can be unit-tested and reused.
 */

/** One period of a percentile-band chart: the cohort's spread, its median, and optionally one's own value. */
export interface BandDatum {
  /** Short axis text ("Oct"). */
  label: string;
  /** The full name for the data table and tooltips ("October 2026"). */
  name: string;
  /** The cohort's 10th/90th and 25th/75th percentiles; absent where only the median is known. */
  p10?: number;
  p25?: number;
  p75?: number;
  p90?: number;
  /** The cohort's median; null where the cohort is not published (drawn as a gap, never as zero). */
  p50: number | null;
  /** How many practices the figures are over. */
  n?: number;
  /** One practice's own value (the "your practice" line); null when it had none that period. */
  own?: number | null;
  /** Why the median is null ("Fewer than 5 practices reported this measure"). */
  missing?: string;
}

export interface BandSeries {
  title: string;
  data: BandDatum[];
  format: (value: number) => string;
  /** Whose line `own` is ("Your practice"). */
  ownLabel?: string;
  /** What a null median means when a datum gives no reason. */
  missing?: string;
}

/** True when the datum carries the middle-half band (p25–p75). */
export const hasBand = (d: BandDatum): d is BandDatum & { p25: number; p75: number } =>
  d.p50 !== null && d.p25 !== undefined && d.p75 !== undefined;

/** True when the datum carries the outer band (p10–p90). */
export const hasOuterBand = (d: BandDatum): d is BandDatum & { p10: number; p90: number } =>
  d.p50 !== null && d.p10 !== undefined && d.p90 !== undefined;

/** Why a period has no median: its own reason, the chart's, or "Not published". */
export const bandMissingOf = (d: BandDatum, chart: { missing?: string }) =>
  d.missing ?? chart.missing ?? 'Not published';

/** "median 6.1%, middle half 4.0% to 8.2%, 12 practices": one period in words. */
export function describeBand(d: BandDatum, format: (v: number) => string): string {
  if (d.p50 === null) return '';
  return [
    `median ${format(d.p50)}`,
    hasBand(d) ? `middle half ${format(d.p25)} to ${format(d.p75)}` : '',
    hasOuterBand(d) ? `10th to 90th percentile ${format(d.p10)} to ${format(d.p90)}` : '',
    d.n !== undefined ? `${d.n.toLocaleString('en-US')} practices` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The series in a few sentences: the latest period's spread, one's own latest value, and the gaps. */
export function summariseBands(props: BandSeries): string {
  const data = props.data;
  if (data.length === 0) return `${props.title}: no data.`;
  const span = `${data[0]!.name} to ${data[data.length - 1]!.name}`;
  const known = data.filter((d) => d.p50 !== null);
  const latest = known[known.length - 1];
  const ownKnown = data.filter((d) => d.own !== undefined && d.own !== null);
  const ownLatest = ownKnown[ownKnown.length - 1];
  const gaps = data.length - known.length;
  const why = [
    ...new Set(data.filter((d) => d.p50 === null).map((d) => bandMissingOf(d, props).toLowerCase())),
  ];
  const medians = known.map((d) => d.p50!);
  return [
    `${props.title}, ${span}.`,
    latest
      ? `Latest: ${describeBand(latest, props.format)} (${latest.name}).`
      : `${props.missing ?? 'Not published'} throughout.`,
    known.length > 1
      ? `Median lowest ${props.format(Math.min(...medians))}, highest ${props.format(Math.max(...medians))}.`
      : '',
    ownLatest ? `${props.ownLabel ?? 'Own value'}: ${props.format(ownLatest.own!)} (${ownLatest.name}).` : '',
    gaps ? `${gaps} of ${data.length} not published (${why.join(' or ')}).` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
