import { describe, expect, it } from 'vitest';
import { type Contribution, rollupMetric } from '../../functions/platform/benchmarks/publish-rules.ts';
import type { PracticeProfileForCohorts } from '../../shared/benchmarks/cohorts.ts';

const FM_SA: PracticeProfileForCohorts = {
  specialty: 'family_medicine',
  region: 'south_atlantic',
  size: 'small',
};
const IM_SA: PracticeProfileForCohorts = {
  specialty: 'internal_medicine',
  region: 'south_atlantic',
  size: 'small',
};
const FM_PAC: PracticeProfileForCohorts = { specialty: 'family_medicine', region: 'pacific', size: 'small' };

let next = 0;
const practices = (profile: PracticeProfileForCohorts, values: number[]): Contribution[] =>
  values.map((value) => ({ practiceId: `p${next++}`, profile, value }));

const ALL = 'any.any.any';
const FM = 'family_medicine.any.any';
const SA = 'any.south_atlantic.any';
const FM_SA_KEY = 'family_medicine.south_atlantic.any';

describe('publishing rules', () => {
  it('publishes a cohort of five and hides one of four, with no figure', () => {
    const five = rollupMetric(practices(FM_SA, [0.05, 0.1, 0.02, 0.08, 0.04]), false);
    expect(five.cells.get(ALL)).toEqual({
      cohort: ALL,
      published: expect.objectContaining({ n: 5, p50: 0.05 }),
    });
    const four = rollupMetric(practices(FM_SA, [0.05, 0.1, 0.02, 0.08]), false);
    expect(four.cells.get(ALL)).toEqual({ cohort: ALL, suppressed: 'too_few' });
    expect(four.ranks.size).toBe(0);
  });

  it('hides a total where one practice holds more than 25% of the sum, but not a rate', () => {
    const values = [100, 100, 100, 100, 200]; // 200 of 600 = 33%
    expect(rollupMetric(practices(FM_SA, values), true).cells.get(ALL)).toEqual({
      cohort: ALL,
      suppressed: 'dominance',
    });
    expect('published' in rollupMetric(practices(FM_SA, values), false).cells.get(ALL)!).toBe(true);
    // five equal practices: 20% each
    expect(
      'published' in rollupMetric(practices(FM_SA, [100, 100, 100, 100, 100]), true).cells.get(ALL)!,
    ).toBe(true);
  });

  it('hides a nested cohort when a larger one holds 1–4 other practices (complement)', () => {
    // 5 family medicine + 2 internal medicine, all South Atlantic: all members − family medicine = 2.
    const list = [...practices(FM_SA, [1, 2, 3, 4, 5]), ...practices(IM_SA, [6, 7])];
    const { cells } = rollupMetric(list, false);
    expect(cells.get(ALL)).toMatchObject({ published: { n: 7 } });
    expect(cells.get(SA)).toMatchObject({ published: { n: 7 } }); // same set as all: nothing to subtract
    expect(cells.get(FM)).toEqual({ cohort: FM, suppressed: 'complement' });
    expect(cells.get(FM_SA_KEY)).toEqual({ cohort: FM_SA_KEY, suppressed: 'complement' });
    expect(cells.get('internal_medicine.any.any')).toEqual({
      cohort: 'internal_medicine.any.any',
      suppressed: 'too_few',
    });
  });

  it('publishes the nested cohort once the remainder reaches five', () => {
    const list = [...practices(FM_SA, [1, 2, 3, 4, 5, 6]), ...practices(FM_PAC, [7, 8, 9, 10, 11])];
    const { cells } = rollupMetric(list, false);
    expect(cells.get(FM_SA_KEY)).toMatchObject({ published: { n: 6 } }); // FM has 5 more, all has 5 more
    expect(cells.get('family_medicine.pacific.any')).toMatchObject({ published: { n: 5 } });
  });

  it('ranks each practice in the published cohorts it belongs to', () => {
    const list = practices(FM_SA, [10, 20, 20, 40, 50]);
    const { ranks } = rollupMetric(list, false);
    expect(ranks.get(list[1]!.practiceId)).toMatchObject({ [ALL]: 40, [FM_SA_KEY]: 40 }); // (1 + 2/2) / 5
    expect(ranks.get(list[4]!.practiceId)![ALL]).toBe(90);
  });
});
