import { DEFAULT_ASSESSMENT_SCHEME, rankTowns, schemeProblems, scoreTown } from './assessment-scheme';

const figures = (overrides: Partial<Parameters<typeof scoreTown>[0]> = {}) => ({
  onTimeRate: 1,
  satisfactionRate: 1,
  onlineRate: 1,
  rectifyRate: 1,
  overdueCount: 0,
  ...overrides,
});

describe('考核: a county’s scheme and its towns’ scores', () => {
  it('accepts the default scheme and names everything wrong with a bad one at once', () => {
    expect(schemeProblems(DEFAULT_ASSESSMENT_SCHEME)).toEqual([]);
    expect(
      schemeProblems([
        { indicator: 'onTimeRate', weight: 50 },
        { indicator: 'onTimeRate', weight: 20 },
        { indicator: 'overdueCount', weight: 10 },
      ]),
    ).toEqual([
      '“按时办结率”重复设置',
      '“超期件数”每件扣分应大于 0 且不超过其分值',
      '各项分值合计应为 100 分，现为 80 分',
    ]);
  });

  it('gives a rate its share of the weight, deducts per overdue case, and scales over what had figures', () => {
    const scored = scoreTown(
      figures({ onTimeRate: 0.9, satisfactionRate: null, onlineRate: 0.2, overdueCount: 3 }),
      DEFAULT_ASSESSMENT_SCHEME,
    );
    expect(scored.parts.map((part) => [part.indicator, part.points])).toEqual([
      ['onTimeRate', 36],
      ['satisfactionRate', null],
      ['onlineRate', 3],
      ['rectifyRate', 10],
      ['overdueCount', 4],
    ]);
    // 53 points over the 75 that had figures.
    expect(scored.score).toBe(70.7);
    expect(scoreTown(figures({ overdueCount: 99 }), DEFAULT_ASSESSMENT_SCHEME).parts.at(-1)?.points).toBe(0);
  });

  it('gives no score to a town with nothing to rate, rather than full marks', () => {
    const quiet = {
      onTimeRate: null,
      satisfactionRate: null,
      onlineRate: null,
      rectifyRate: null,
      overdueCount: 0,
    };
    expect(scoreTown(quiet, DEFAULT_ASSESSMENT_SCHEME).score).toBeNull();
    // Cases past their date are something to score, even with nothing else.
    expect(scoreTown({ ...quiet, overdueCount: 2 }, DEFAULT_ASSESSMENT_SCHEME).score).toBe(60);
  });

  it('ranks the highest first, lets equal scores share a place, and leaves a town without a score unranked', () => {
    const ranked = rankTowns(
      [
        { town: 'A', figures: figures({ onTimeRate: 0.5 }) },
        { town: 'B', figures: figures() },
        { town: 'C', figures: figures({ onTimeRate: 0.5 }) },
        { town: 'D', figures: figures({ overdueCount: 5 }) },
        {
          town: 'E',
          figures: {
            onTimeRate: null,
            satisfactionRate: null,
            onlineRate: null,
            rectifyRate: null,
            overdueCount: 0,
          },
        },
      ],
      DEFAULT_ASSESSMENT_SCHEME,
    );
    expect(ranked.map((town) => [town.town, town.score, town.rank])).toEqual([
      ['B', 100, 1],
      ['D', 90, 2],
      ['A', 80, 3],
      ['C', 80, 3],
      ['E', null, null],
    ]);
  });
});
