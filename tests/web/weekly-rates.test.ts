import { describe, expect, it } from 'vitest';
import { summarise } from '../../web/src/components/charts/text-alternative.ts';
import type { WeekMeasures } from '../../web/src/features/schedule/reports/api.ts';
import {
  MEASURES,
  rateHeadline,
  SAMPLE_NOUN,
  weekDatum,
} from '../../web/src/features/schedule/reports/weekly-rates.ts';
import { formatPercent } from '../../web/src/lib/number-format.ts';

const noShow = MEASURES.find((m) => m.key === 'noShowRate')!;
const utilization = MEASURES.find((m) => m.key === 'utilization')!;

/** A week of `past` visits whose time has passed, `missed` of them no-shows, in 45 h of open time. */
function week(weekStart: string, past: number, missed: number): WeekMeasures {
  const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    weekStart,
    booked: past,
    heldVisits: past,
    pastVisits: past,
    noShows: missed,
    lateCancels: 0,
    bookedMinutes: past * 30,
    availableMinutes: 2700,
    noShowRate: rate(missed, past),
    lateCancelRate: rate(0, past),
    utilization: past > 0 ? rate(past * 30, 2700) : null,
    byProvider: [],
  };
}

describe('weekly rates', () => {
  it('a rate from a handful of visits shows its count, is marked few visits and gets no arrow', () => {
    // 1 of 30 (3%), then 1 of 3 (33%): the "↑ 30 pts" the issue reported.
    const weeks = [week('2027-03-01', 30, 1), week('2027-03-08', 3, 1)];
    expect(rateHeadline(weeks, noShow)).toEqual({
      value: '33%',
      count: '1 of 3 visits',
      few: true,
      delta: undefined,
      vs: 'vs last week',
      noPrevious: 'too few to show a trend',
      when: 'This week so far',
    });
  });

  it('compares with the week before only when both weeks have enough visits', () => {
    const enough = [week('2027-03-01', 40, 4), week('2027-03-08', 25, 5)];
    expect(rateHeadline(enough, noShow)).toMatchObject({
      value: '20%',
      count: '5 of 25 visits',
      few: false,
      delta: 10,
    });
    const fewBefore = [week('2027-03-01', 4, 2), week('2027-03-08', 25, 5)];
    expect(rateHeadline(fewBefore, noShow)).toMatchObject({
      few: false,
      delta: undefined,
      noPrevious: 'too few visits the week before to compare',
    });
  });

  it('a week without visits is a gap with its reason, never 0%, and the latest with data heads the chart', () => {
    const weeks = [week('2027-03-01', 22, 2), week('2027-03-08', 0, 0)];
    const points = weeks.map((w) => weekDatum(w, utilization));
    expect(points[1]).toMatchObject({ value: null, missing: 'No visits booked' });
    expect(weekDatum(weeks[1]!, noShow)).toMatchObject({ value: null, missing: 'No visits held' });
    expect(rateHeadline(weeks, noShow)).toMatchObject({
      value: '9%',
      count: '2 of 22 visits',
      when: 'Week of Mar 1, the latest with data',
    });
    expect(points[0]).toMatchObject({ count: '11 h of 45 h, 22 visits', few: false });
    const sentence = summarise({
      title: 'Utilization',
      data: points,
      format: formatPercent,
      missing: 'No open hours',
    });
    expect(sentence).toContain('Latest 24% (11 h of 45 h, 22 visits; Week of Mar 1, 2027).');
    expect(sentence).toContain('1 of 2 without data (no visits booked).');
  });

  it('the screen-reader summary names the count and how many points are from few visits', () => {
    const points = [week('2027-03-01', 3, 1), week('2027-03-08', 2, 0)].map((w) => weekDatum(w, noShow));
    const sentence = summarise({
      title: 'No-show rate',
      data: points,
      format: formatPercent,
      missing: 'No visits held',
      sampleNoun: SAMPLE_NOUN,
    });
    expect(sentence).toContain('Latest 0% (0 of 2 visits, few visits; Week of Mar 8, 2027).');
    expect(sentence).toContain('2 of 2 from too few visits to read as a trend.');
  });
});
