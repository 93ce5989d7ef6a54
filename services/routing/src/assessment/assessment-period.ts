export const ASSESSMENT_PERIODS = ['month', 'quarter', 'year'] as const;
export type AssessmentPeriodKind = (typeof ASSESSMENT_PERIODS)[number];

export interface AssessmentPeriod {
  kind: AssessmentPeriodKind;
  /** 2026-12, 2026-Q4 or 2026, as asked. */
  of: string;
  /** 2026年12月, 2026年第四季度, 2026年度. */
  title: string;
  from: string;
  /** The period's last day, or today while it runs. */
  to: string;
  complete: boolean;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const PATTERNS: Record<AssessmentPeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const iso = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The days a month, quarter or year covers, up to today; undefined when it is malformed or has not begun. */
export function assessmentPeriod(
  kind: AssessmentPeriodKind,
  of: string,
  today: string,
): AssessmentPeriod | undefined {
  const match = PATTERNS[kind].exec(of);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [firstMonth, months, title] =
    kind === 'month'
      ? [Number(match[2]), 1, `${year}年${Number(match[2])}月`]
      : kind === 'quarter'
        ? [(Number(match[2]) - 1) * 3 + 1, 3, `${year}年第${QUARTER_NAMES[Number(match[2]) - 1]}季度`]
        : [1, 12, `${year}年度`];
  const from = iso(year, firstMonth, 1);
  const last = iso(year, firstMonth + months, 0);
  if (from > today) return undefined;
  return { kind, of, title, from, to: last < today ? last : today, complete: last < today };
}
