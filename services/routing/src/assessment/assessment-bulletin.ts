import type { NoticeText } from '@oneseal/contracts';
import {
  ASSESSMENT_INDICATORS,
  chineseDate,
  type IndicatorScore,
  type TownScore,
  type WeightedIndicator,
} from '@oneseal/domain';
import type { AssessmentPeriod } from './assessment-period';

/** What a 通报 is composed from: the county, the period, the scheme it was scored on and every town's score. */
export interface BulletinFacts {
  countyName: string;
  period: AssessmentPeriod;
  scheme: { version: number; indicators: WeightedIndicator[] };
  towns: (TownScore & { townName: string })[];
}

/** How many of the last-ranked towns are asked to put things right, when enough towns are ranked to have a tail. */
const NAMED_TAIL = 3;

/** 根据泽州县乡（镇）便民服务中心考核方案（第2版）; a county that never set its own is scored on the default indicators. */
const basisOf = (countyName: string, version: number) =>
  version
    ? `根据${countyName}乡（镇）便民服务中心考核方案（第${version}版）`
    : `按照${countyName}乡（镇）便民服务中心默认考核指标`;

/** 按时办结率40分，…，超期件数10分（每件扣2分）. */
export function schemeWording(indicators: readonly WeightedIndicator[]): string {
  return indicators
    .map(
      (item) =>
        `${ASSESSMENT_INDICATORS[item.indicator].name}${item.weight}分${item.perCase ? `（每件扣${item.perCase}分）` : ''}`,
    )
    .join('，');
}

/** A part as the table shows it: the town's figure and what it earned; an indicator without figures is not scored. */
export function partWording(part: IndicatorScore): string {
  if (part.points === null || part.value === null) return '无数据，不计分';
  const value =
    ASSESSMENT_INDICATORS[part.indicator].kind === 'rate'
      ? `${(part.value * 100).toFixed(1)}%`
      : `${part.value}件`;
  return `${value}，得${part.points}分`;
}

/**
 * The 通报 of a period's assessment as the county's 行政审批服务管理局 issues it: addressed to the towns, saying on which
 * scheme and over which days they were scored, the ranking as a table, the towns with nothing to score named in a
 * line, the last three (where more than three are ranked) asked to put things right within ten working days.
 */
export function composeAssessmentBulletin(facts: BulletinFacts): NoticeText {
  const { countyName, period, scheme, towns } = facts;
  const ranked = towns.filter((town) => town.rank !== null);
  const unranked = towns.filter((town) => town.rank === null);
  const tail = ranked.length > NAMED_TAIL ? ranked.slice(-NAMED_TAIL).map((town) => town.townName) : [];
  return {
    title: `关于${period.title}全县乡（镇）便民服务中心考核情况的通报`,
    addressee: '各乡（镇）人民政府：',
    opening: [
      `${basisOf(countyName, scheme.version)}，县行政审批服务管理局对全县` +
        `${towns.length}个乡（镇）便民服务中心${chineseDate(period.from)}至${chineseDate(period.to)}的办件情况进行了考核` +
        `${period.complete ? '' : '（本期尚未结束，为截至当日的情况）'}。考核指标及分值为：${schemeWording(scheme.indicators)}；` +
        `没有数据的比率指标不计分，其余按满分100分折算。` +
        (ranked.length
          ? `本期有办件的${ranked.length}个乡（镇）参与排名，现将结果通报如下。`
          : '本期各乡（镇）均无可评分的办件，不作排名，特此说明。'),
    ],
    // Nobody to rank: no empty table.
    ...(ranked.length === 0
      ? {}
      : {
          table: {
            columns: [
              '名次',
              '乡（镇）',
              '得分',
              ...scheme.indicators.map(
                (item) => `${ASSESSMENT_INDICATORS[item.indicator].name}（${item.weight}分）`,
              ),
            ],
            rows: ranked.map((town) => [
              String(town.rank),
              town.townName,
              String(town.score),
              ...town.parts.map(partWording),
            ]),
          },
        }),
    closing: [
      ...(unranked.length && ranked.length
        ? [`本期无可评分办件、不参与排名的乡（镇）：${unranked.map((town) => town.townName).join('、')}。`]
        : []),
      ...(tail.length
        ? [
            `排名后${tail.length}位的${tail.join('、')}，请对照各项指标查找原因，于10个工作日内将整改情况报县行政审批服务管理局。`,
          ]
        : []),
      '请各乡（镇）对照考核结果，巩固成绩、补齐短板，持续提升便民服务水平。',
      '特此通报。',
    ],
  };
}
