/** Numbers as people read them on a page: shares, counts of things, durations (US style, as the practices are). */

/** A 0..1 rate as a whole percentage ("12%"). */
export const formatPercent = (rate: number) => `${Math.round(rate * 100)}%`;

/** A count with its noun, singular or plural ("1 resource", "1,204 resources"). */
export const formatCount = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Minutes as hours to one decimal ("12.5 h"). */
export const formatMinutesAsHours = (minutes: number) =>
  `${(Math.round((minutes / 60) * 10) / 10).toLocaleString('en-US')} h`;
