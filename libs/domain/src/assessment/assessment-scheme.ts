/**
 * 考核: the indicators a county scores its towns by, each with a weight; the weights add up to 100 points. Rates earn
 * their share of the weight; the overdue count deducts points per case from its weight, down to nothing.
 */
export const ASSESSMENT_INDICATORS = {
  onTimeRate: { name: '按时办结率', kind: 'rate' },
  satisfactionRate: { name: '满意率', kind: 'rate' },
  onlineRate: { name: '网上办件率', kind: 'rate' },
  rectifyRate: { name: '差评整改率', kind: 'rate' },
  overdueCount: { name: '超期件数', kind: 'deduction' },
} as const;
export type AssessmentIndicator = keyof typeof ASSESSMENT_INDICATORS;
export const ASSESSMENT_INDICATOR_KEYS = Object.keys(ASSESSMENT_INDICATORS) as AssessmentIndicator[];

export interface WeightedIndicator {
  indicator: AssessmentIndicator;
  /** Points out of 100. */
  weight: number;
  /** For a deduction: points taken per case (the weight is the most it can take). */
  perCase?: number;
}

/** What the scheme starts as until a county sets its own (the plan's emphasis: on time first, then satisfaction). */
export const DEFAULT_ASSESSMENT_SCHEME: WeightedIndicator[] = [
  { indicator: 'onTimeRate', weight: 40 },
  { indicator: 'satisfactionRate', weight: 25 },
  { indicator: 'onlineRate', weight: 15 },
  { indicator: 'rectifyRate', weight: 10 },
  { indicator: 'overdueCount', weight: 10, perCase: 2 },
];

/** What is wrong with a scheme, in words for the county's administrator (empty: nothing). */
export function schemeProblems(scheme: readonly WeightedIndicator[]): string[] {
  const problems: string[] = [];
  if (scheme.length === 0) problems.push('至少选择一项考核指标');
  const seen = new Set<string>();
  for (const item of scheme) {
    const known = ASSESSMENT_INDICATORS[item.indicator];
    if (!known) {
      problems.push(`没有“${String(item.indicator)}”这项考核指标`);
      continue;
    }
    if (seen.has(item.indicator)) problems.push(`“${known.name}”重复设置`);
    seen.add(item.indicator);
    if (!Number.isInteger(item.weight) || item.weight < 1 || item.weight > 100)
      problems.push(`“${known.name}”的分值应为 1 到 100 的整数`);
    if (
      known.kind === 'deduction' &&
      !(typeof item.perCase === 'number' && item.perCase > 0 && item.perCase <= item.weight)
    )
      problems.push(`“${known.name}”每件扣分应大于 0 且不超过其分值`);
    if (known.kind === 'rate' && item.perCase !== undefined)
      problems.push(`“${known.name}”按比率计分，不设每件扣分`);
  }
  const total = scheme.reduce((sum, item) => sum + (Number.isFinite(item.weight) ? item.weight : 0), 0);
  if (total !== 100) problems.push(`各项分值合计应为 100 分，现为 ${total} 分`);
  return problems;
}

/** A town's figures over the period, as the indicators read them (a rate is null when there is nothing to rate). */
export type TownFigures = Record<Exclude<AssessmentIndicator, 'overdueCount'>, number | null> & {
  overdueCount: number;
};

export interface IndicatorScore {
  indicator: AssessmentIndicator;
  value: number | null;
  /** Null when there was nothing to rate: the indicator is left out and the others scaled to 100. */
  points: number | null;
}

export interface TownScore {
  town: string;
  /** Out of 100 over the indicators the town had figures for; null when it had none (no case in the period). */
  score: number | null;
  /** Null for a town not ranked (nothing to score). */
  rank: number | null;
  parts: IndicatorScore[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * A rate earns its share of its weight; the overdue count deducts per case down to nothing. A rate with nothing to
 * rate (no 差评 to answer, no rating given) neither earns nor costs: the score is taken over the indicators that had
 * figures and scaled to 100, so a town is neither marked down nor up for what did not happen. A town with nothing to
 * score at all (no rate, nothing overdue) has no score.
 */
export function scoreTown(
  figures: TownFigures,
  scheme: readonly WeightedIndicator[],
): Omit<TownScore, 'town' | 'rank'> {
  const parts = scheme.map((item): IndicatorScore => {
    const value = figures[item.indicator];
    if (ASSESSMENT_INDICATORS[item.indicator].kind === 'deduction') {
      const count = value ?? 0;
      return {
        indicator: item.indicator,
        value: count,
        points: round1(Math.max(0, item.weight - count * (item.perCase ?? 0))),
      };
    }
    if (value === null) return { indicator: item.indicator, value: null, points: null };
    return { indicator: item.indicator, value, points: round1(item.weight * value) };
  });
  const rated = scheme.filter((_item, index) => parts[index].points !== null);
  const anyRate = rated.some((item) => ASSESSMENT_INDICATORS[item.indicator].kind === 'rate');
  if (!anyRate && !(figures.overdueCount > 0)) return { score: null, parts };
  const weight = rated.reduce((sum, item) => sum + item.weight, 0);
  const points = parts.reduce((sum, part) => sum + (part.points ?? 0), 0);
  return { score: round1((points / weight) * 100), parts };
}

/**
 * Scores every town and ranks those with a score, the highest first; equal scores share a rank (1, 2, 2, 4). Towns
 * without a score follow, unranked.
 */
export function rankTowns(
  towns: readonly { town: string; figures: TownFigures }[],
  scheme: readonly WeightedIndicator[],
): TownScore[] {
  const scored = towns
    .map(({ town, figures }) => ({ town, ...scoreTown(figures, scheme) }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.town.localeCompare(b.town));
  return scored.map((town) => ({
    ...town,
    rank:
      town.score === null
        ? null
        : 1 + scored.filter((other) => (other.score ?? -1) > (town.score ?? -1)).length,
  }));
}
