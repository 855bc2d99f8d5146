/**
 * The weekly rates of the measures page: what each is out of, when it is from too few visits to
 * read as a trend, why a week has none, and the headline of each (plain data, no components).
 */

import type { TrendHeadlineProps } from '../../../components/charts/TrendHeadline.tsx';
import type { Datum } from '../../../components/charts/text-alternative.ts';
import { formatMonthDay } from '../../../lib/calendar-format.ts';
import { formatCalendarDate } from '../../../lib/format.ts';
import { formatCount, formatMinutesAsHours, formatPercent } from '../../../lib/number-format.ts';
import type { WeekMeasures } from './api.ts';

/** Fewer visits than this behind a rate are too few to read as a trend: marked, no arrow. */
export const FEW_VISITS = 20;

/** What the rates are measured over: a rate from few of them is marked "few visits". */
export const SAMPLE_NOUN = 'visits';

type RateKey = 'noShowRate' | 'lateCancelRate' | 'utilization';

export interface Measure {
  key: RateKey;
  title: string;
  about: string;
  better: 'up' | 'down';
  /** What a null week means for this measure. */
  missing: string;
  /** The axis reaches at least this high, so 3% does not look like a crisis. */
  minTop: number;
  /** The visits behind a week's rate, and what the rate is out of in words ("1 of 3 visits"). */
  basis: (w: WeekMeasures) => { visits: number; count: string };
}

const ofVisits = (part: number, whole: number) =>
  `${part.toLocaleString('en-US')} of ${formatCount(whole, 'visit')}`;

export const MEASURES: Measure[] = [
  {
    key: 'noShowRate',
    title: 'No-show rate',
    about: 'Visits whose time has passed where the patient did not come.',
    better: 'down',
    missing: 'No visits held',
    minTop: 0.1,
    basis: (w) => ({ visits: w.pastVisits, count: ofVisits(w.noShows, w.pastVisits) }),
  },
  {
    key: 'lateCancelRate',
    title: 'Late-cancel rate',
    about: 'Booked visits the patient cancelled at short notice.',
    better: 'down',
    missing: 'No visits booked',
    minTop: 0.1,
    basis: (w) => ({ visits: w.booked, count: ofVisits(w.lateCancels, w.booked) }),
  },
  {
    key: 'utilization',
    title: 'Utilization',
    about: 'Booked minutes as a share of the providers’ open hours.',
    better: 'up',
    missing: 'No open hours',
    minTop: 1,
    basis: (w) => ({
      visits: w.heldVisits,
      count: `${formatMinutesAsHours(w.bookedMinutes)} of ${formatMinutesAsHours(w.availableMinutes)}, ${formatCount(w.heldVisits, 'visit')}`,
    }),
  },
];

/** Why a week has no figure for a measure: utilization also needs a booking to measure against. */
export function missingIn(w: WeekMeasures, m: Measure): string {
  if (m.key === 'utilization' && w.availableMinutes > 0) return 'No visits booked';
  return m.missing;
}

export const isFew = (w: WeekMeasures, m: Measure) => m.basis(w).visits < FEW_VISITS;

/** What a rate's headline shows; the page adds which direction is good news and the unit. */
export type HeadlineParts = Omit<TrendHeadlineProps, 'better' | 'unit' | 'sampleNoun'>;

export const weekDatum = (w: WeekMeasures, m: Measure): Datum => ({
  label: formatMonthDay(w.weekStart),
  name: `Week of ${formatCalendarDate(w.weekStart)}`,
  value: w[m.key],
  missing: missingIn(w, m),
  count: m.basis(w).count,
  few: isFew(w, m),
});

/**
 * The headline of a rate: the latest week that has one with what it is out of, and the change from
 * the week before in percentage points of the rounded figures, so "12%" and "9%" always read as
 * "3 pts". A change is only drawn between two weeks of at least FEW_VISITS visits each: a few
 * visits more or less swing a rate by tens of points without meaning anything.
 */
export function rateHeadline(weeks: WeekMeasures[], m: Measure): HeadlineParts {
  const at = weeks.findLastIndex((w) => w[m.key] !== null);
  if (at < 0) return { none: m.missing, vs: '', when: `in the last ${weeks.length} weeks` };
  const week = weeks[at]!;
  const value = week[m.key]!;
  const previous = at > 0 ? weeks[at - 1]! : undefined;
  const before = previous?.[m.key];
  const few = isFew(week, m);
  const fewBefore = previous !== undefined && before != null && isFew(previous, m);
  const current = at === weeks.length - 1;
  let noPrevious: string | undefined;
  if (few) noPrevious = 'too few to show a trend';
  else if (fewBefore) noPrevious = 'too few visits the week before to compare';
  else if (previous) noPrevious = `${missingIn(previous, m).toLowerCase()} the week before`;
  return {
    value: formatPercent(value),
    count: m.basis(week).count,
    few,
    delta:
      few || fewBefore || before == null ? undefined : Math.round(value * 100) - Math.round(before * 100),
    vs: current ? 'vs last week' : 'vs the week before',
    noPrevious,
    when: current
      ? m.key === 'utilization'
        ? 'This week'
        : 'This week so far'
      : `Week of ${formatMonthDay(weeks[at]!.weekStart)}, the latest with data`,
  };
}
