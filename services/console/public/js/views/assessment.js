import { api, hasRole } from '../api.js';
import {
  formatDateTime,
  html,
  mount,
  printAlone,
  showError,
  showMessage,
  tableHtml,
  todayIso,
} from '../html.js';

/** The indicators as routing scores them (ASSESSMENT_INDICATORS), in words. */
const INDICATORS = {
  onTimeRate: { name: '按时办结率', kind: 'rate' },
  satisfactionRate: { name: '满意率', kind: 'rate' },
  onlineRate: { name: '网上办件率', kind: 'rate' },
  rectifyRate: { name: '差评整改率', kind: 'rate' },
  overdueCount: { name: '超期件数', kind: 'deduction' },
};

const PERIODS = { month: '月度', quarter: '季度', year: '年度' };

/** This month, this quarter or this year, as the service names them (2026-12, 2026-Q4, 2026). */
function currentOf(kind) {
  const today = todayIso();
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (kind === 'month') return today.slice(0, 7);
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

const valueText = (indicator, value) => {
  if (value === null || value === undefined) return '无数据';
  return INDICATORS[indicator].kind === 'rate' ? `${(value * 100).toFixed(1)}%` : `${value} 件`;
};

const schemeTitle = (scheme) => (scheme.version ? `第 ${scheme.version} 版` : '默认方案');

const schemeText = (indicators) =>
  indicators
    .map(
      (item) =>
        `${INDICATORS[item.indicator].name} ${item.weight} 分${item.perCase ? `（每件扣 ${item.perCase} 分）` : ''}`,
    )
    .join('，');

/** The ranked towns; those with nothing to score are named under the table instead (bulletinHtml). */
function rankingHtml(scheme, ranked) {
  return tableHtml(
    [
      '名次',
      '乡镇',
      '得分',
      ...scheme.indicators.map((item) => `${INDICATORS[item.indicator].name}（${item.weight}分）`),
    ],
    ranked.map((town) => [
      town.rank,
      town.townName,
      html`<strong>${town.score}</strong>`,
      ...town.parts.map((part) =>
        part.points === null
          ? html`<span class="muted">无数据，不计</span>`
          : `${valueText(part.indicator, part.value)}，${part.points} 分`,
      ),
    ]),
    '本期没有可评分的乡镇。',
  );
}

/** The 通报 as the county issues it: who, over what period, on which scheme, the ranking, what is asked of the last. */
function bulletinHtml(ranking) {
  const { countyName, period, scheme, towns } = ranking;
  const ranked = towns.filter((town) => town.rank !== null);
  const unranked = towns.filter((town) => town.rank === null);
  // Only where there is a field to be last in: with three towns or fewer nobody is singled out.
  const last = ranked.length > 3 ? ranked.slice(-3).map((town) => town.townName) : [];
  return html`<div class="bulletin">
    <h2 class="bulletin-title">${countyName}乡镇便民服务中心${period.title}考核情况通报</h2>
    <p>
      各乡镇人民政府：根据本县乡镇便民服务中心考核方案（${schemeTitle(scheme)}：${schemeText(
        scheme.indicators,
      )}；
      无数据的比率指标不计，其余按满分 100 折算），对全县 ${towns.length} 个乡镇便民服务中心 ${period.from} 至
      ${period.to}
      的办件情况进行了考核${period.complete ? '' : '（本期尚未结束，为截至当日的情况）'}，本期有办件的
      ${ranked.length} 个乡镇参与排名，现将结果通报如下。
    </p>
    ${rankingHtml(scheme, ranked)}
    ${unranked.length
      ? html`<p>本期无可评分办件、不参与排名的乡镇：${unranked.map((town) => town.townName).join('、')}。</p>`
      : ''}
    ${last.length
      ? html`<p>
          排名后 ${last.length} 位的${last.join('、')}，请对照各项指标查找原因，于 10
          个工作日内将整改情况报县行政审批服务管理局。
        </p>`
      : ''}
    <p class="bulletin-sign">${countyName}行政审批服务管理局<br />${todayIso()}</p>
  </div>`;
}

function schemeFormHtml(scheme) {
  const by = Object.fromEntries(scheme.indicators.map((item) => [item.indicator, item]));
  return html`<form class="scheme-form card">
    <p>
      各项分值合计 100 分；比率类指标按比率得分，无数据时不计、其余折算为 100
      分；超期件数按件扣分，扣完为止。当前为${schemeTitle(scheme)}${scheme.setByName
        ? `（${scheme.setByName} ${formatDateTime(scheme.setAt)}：${scheme.reason}）`
        : ''}。
    </p>
    ${Object.entries(INDICATORS).map(
      ([key, indicator]) =>
        html`<div class="scheme-row">
          <label
            ><input type="checkbox" name="use-${key}" ${by[key] ? 'checked' : ''} /> ${indicator.name}</label
          >
          <label
            >分值
            <input type="number" name="weight-${key}" min="1" max="100" value="${by[key]?.weight ?? ''}"
          /></label>
          ${indicator.kind === 'deduction'
            ? html`<label
                >每件扣分
                <input
                  type="number"
                  name="perCase-${key}"
                  min="0.5"
                  step="0.5"
                  value="${by[key]?.perCase ?? ''}"
              /></label>`
            : ''}
        </div>`,
    )}
    <label
      >调整依据
      <input name="reason" size="40" maxlength="200" required placeholder="如：县审改办关于考核办法的通知"
    /></label>
    <button type="submit">保存方案</button>
  </form>`;
}

/**
 * 考核: each town's score and rank for a month, a quarter or a year on the county's scheme; the 通报 printed from it;
 * the administrator adjusts the scheme (a new version each time, with its reason).
 */
export function renderAssessment(root, { user }) {
  const isAdmin = hasRole(user, 'admin');
  mount(
    root,
    html`<h2>乡镇考核 <small>按本县考核方案为各乡镇便民服务中心评分排名，出具通报</small></h2>
      <form class="toolbar assessment-period">
        <label
          >考核期间
          <select name="period">
            ${Object.entries(PERIODS).map(([kind, name]) => html`<option value="${kind}">${name}</option>`)}
          </select></label
        >
        <label>哪一期 <input name="of" size="9" required value="${currentOf('month')}" /></label>
        <button type="submit">查看</button>
        <button type="button" class="print-bulletin">打印通报</button>
      </form>
      <div class="assessment-message"></div>
      <div class="assessment-ranking"></div>
      <h3>考核方案</h3>
      <div class="assessment-scheme"></div>`,
  );
  const form = root.querySelector('form.assessment-period');
  const message = root.querySelector('.assessment-message');
  const rankingBox = root.querySelector('.assessment-ranking');
  const schemeBox = root.querySelector('.assessment-scheme');
  let scheme;

  async function loadRanking() {
    mount(message, '');
    try {
      const ranking = await api('routing', '/assessment/ranking', {
        query: { county: user.county, period: form.elements.period.value, of: form.elements.of.value.trim() },
      });
      mount(rankingBox, bulletinHtml(ranking));
    } catch (error) {
      mount(rankingBox, '');
      showError(message, error);
    }
  }

  async function loadScheme() {
    try {
      scheme = await api('routing', '/assessment/scheme', { query: { county: user.county } });
      mount(
        schemeBox,
        isAdmin
          ? schemeFormHtml(scheme)
          : html`<p>${schemeTitle(scheme)}：${schemeText(scheme.indicators)}</p>`,
      );
    } catch (error) {
      showError(schemeBox, error);
    }
  }

  form.elements.period.addEventListener('change', () => {
    form.elements.of.value = currentOf(form.elements.period.value);
    void loadRanking();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadRanking();
  });
  form.querySelector('.print-bulletin').addEventListener('click', () => printAlone('printing-bulletin'));
  schemeBox.addEventListener('submit', async (event) => {
    event.preventDefault();
    const edit = event.target;
    const indicators = Object.keys(INDICATORS)
      .filter((key) => edit.elements[`use-${key}`].checked)
      .map((key) => ({
        indicator: key,
        weight: Number(edit.elements[`weight-${key}`].value),
        ...(edit.elements[`perCase-${key}`]
          ? { perCase: Number(edit.elements[`perCase-${key}`].value) }
          : {}),
      }));
    try {
      await api('routing', '/assessment/scheme', {
        method: 'PUT',
        query: { county: user.county },
        body: { indicators, reason: edit.elements.reason.value, expectedVersion: scheme.version },
      });
      await loadScheme();
      await loadRanking();
      showMessage(message, 'ok', '考核方案已保存，排名按新方案重新计算。');
    } catch (error) {
      // What is wrong with the scheme comes as a list, each line in the administrator's words.
      if (Array.isArray(error.details?.problems))
        showMessage(message, 'error', error.message, error.details.problems);
      else showError(message, error);
    }
  });
  void loadRanking();
  void loadScheme();
}
