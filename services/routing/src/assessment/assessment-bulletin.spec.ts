import { DEFAULT_ASSESSMENT_SCHEME, rankTowns, type TownFigures } from '@oneseal/domain';
import { assessmentPeriod } from './assessment-period';
import { composeAssessmentBulletin } from './assessment-bulletin';

const figures = (onTimeRate: number | null, overdueCount = 0): TownFigures => ({
  onTimeRate,
  satisfactionRate: null,
  onlineRate: onTimeRate === null ? null : 0.5,
  rectifyRate: null,
  overdueCount,
});

function bulletinOf(towns: [string, TownFigures][], today = '2026-12-04') {
  const period = assessmentPeriod('month', '2026-11', today);
  if (!period) throw new Error('period');
  const scored = rankTowns(
    towns.map(([town, townFigures]) => ({ town, figures: townFigures })),
    DEFAULT_ASSESSMENT_SCHEME,
  );
  return composeAssessmentBulletin({
    countyName: '泽州县',
    period,
    scheme: { version: 2, indicators: DEFAULT_ASSESSMENT_SCHEME },
    towns: scored.map((town) => ({ ...town, townName: `${town.town}镇` })),
  });
}

describe('the 考核通报 as the county issues it', () => {
  it('is addressed to the towns, names the period, the scheme and its weights, and ranks the towns in a table', () => {
    const bulletin = bulletinOf([
      ['南村', figures(1)],
      ['北义城', figures(0.5, 1)],
      ['巴公', figures(null)],
    ]);
    expect(bulletin.title).toBe('关于2026年11月全县乡（镇）便民服务中心考核情况的通报');
    expect(bulletin.addressee).toBe('各乡（镇）人民政府：');
    expect(bulletin.opening[0]).toContain('泽州县乡（镇）便民服务中心考核方案（第2版）');
    expect(bulletin.opening[0]).toContain('2026年11月1日至2026年11月30日');
    expect(bulletin.opening[0]).toContain('按时办结率40分');
    expect(bulletin.opening[0]).toContain('超期件数10分（每件扣2分）');
    expect(bulletin.opening[0]).not.toContain('尚未结束');
    expect(bulletin.table?.columns.slice(0, 4)).toEqual(['名次', '乡（镇）', '得分', '按时办结率（40分）']);
    expect(bulletin.table?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['1', '南村镇'],
      ['2', '北义城镇'],
    ]);
    // Every row as wide as the header; an indicator without figures says so instead of a number.
    expect(bulletin.table?.rows.every((row) => row.length === bulletin.table?.columns.length)).toBe(true);
    expect(bulletin.table?.rows[0]).toContain('100.0%，得40分');
    expect(bulletin.table?.rows[0]).toContain('无数据，不计分');
    expect(bulletin.table?.rows[1]).toContain('1件，得8分');
    // The town with nothing to score is named once, under the table; with only two ranked nobody is singled out.
    expect(bulletin.closing[0]).toBe('本期无可评分办件、不参与排名的乡（镇）：巴公镇。');
    expect(bulletin.closing.join('')).not.toContain('排名后');
    expect(bulletin.closing.at(-1)).toBe('特此通报。');
  });

  it('asks the last three to put things right when more than three are ranked', () => {
    const bulletin = bulletinOf([
      ['甲', figures(1)],
      ['乙', figures(0.9)],
      ['丙', figures(0.8)],
      ['丁', figures(0.7)],
      ['戊', figures(0.6)],
    ]);
    expect(bulletin.closing).toContain(
      '排名后3位的丙镇、丁镇、戊镇，请对照各项指标查找原因，于10个工作日内将整改情况报县行政审批服务管理局。',
    );
  });

  it('has no table and names nobody when no town had anything to score', () => {
    const bulletin = bulletinOf([
      ['南村', figures(null)],
      ['巴公', figures(null)],
    ]);
    expect(bulletin.table).toBeUndefined();
    expect(bulletin.opening[0]).toContain('本期各乡（镇）均无可评分的办件，不作排名');
    expect(bulletin.closing).toEqual([
      '请各乡（镇）对照考核结果，巩固成绩、补齐短板，持续提升便民服务水平。',
      '特此通报。',
    ]);
  });

  it('says so while the period runs, up to which day', () => {
    const bulletin = bulletinOf([['南村', figures(1)]], '2026-11-20');
    expect(bulletin.opening[0]).toContain('2026年11月1日至2026年11月20日');
    expect(bulletin.opening[0]).toContain('（本期尚未结束，为截至当日的情况）');
  });
});
