import { api, documentUrl, hasRole } from '../api.js';
import {
  chineseDate,
  formatDateTime,
  html,
  looks,
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

const schemeTitle = (scheme) => (scheme.version ? `第 ${scheme.version} 版` : '默认方案');

const schemeText = (indicators) =>
  indicators
    .map(
      (item) =>
        `${INDICATORS[item.indicator].name} ${item.weight} 分${item.perCase ? `（每件扣 ${item.perCase} 分）` : ''}`,
    )
    .join('，');

/**
 * The 通报 as routing writes it from the ranking (the same text the sealed PDF carries): title, 主送, the paragraphs,
 * the ranking table, and the county administration under it.
 */
function bulletinHtml(ranking, issued) {
  const { countyName } = ranking;
  // Once issued, the 通报 as it was issued (the ranking may have moved since: a late rating, a new scheme).
  const bulletin = issued?.text ?? ranking.bulletin;
  return html`<div class="bulletin">
    <h2 class="bulletin-title">${bulletin.title}</h2>
    ${issued
      ? html`<p class="bulletin-number">${issued.number}</p>`
      : html`<p class="bulletin-number">（草稿，未印发）</p>`}
    <p class="bulletin-addressee">${bulletin.addressee}</p>
    ${bulletin.opening.map((line) => html`<p class="bulletin-paragraph">${line}</p>`)}
    ${bulletin.table ? tableHtml(bulletin.table.columns, bulletin.table.rows) : ''}
    ${bulletin.closing.map((line) => html`<p class="bulletin-paragraph">${line}</p>`)}
    <p class="bulletin-sign">
      ${countyName}行政审批服务管理局<br />${chineseDate(
        issued ? formatDateTime(issued.issuedAt) : todayIso(),
      )}
    </p>
  </div>`;
}

/** Where the period's 通报 stands: issued (its 文号 and sealed PDF), or to be issued once the period is over. */
function issueHtml(ranking, issued, isAdmin) {
  if (issued) {
    return html`<p class="bulletin-issued">
      已于 ${formatDateTime(issued.issuedAt)} 印发（${issued.number}），加盖县行政审批服务管理局电子印章，已在
      <a href="#/notices">政务公开</a> 栏目向社会公开。
      <a href="${documentUrl(issued.documentId)}" target="_blank" rel="noopener">查看盖章的通报（PDF）</a>
    </p>`;
  }
  if (!ranking.period.complete) {
    return html`<p class="muted">本期尚未结束，期满后可印发通报；现在看到的是截至今日的情况。</p>`;
  }
  return isAdmin
    ? html`<p>
        本期已结束，通报尚未印发。
        <button type="button" class="primary issue-bulletin">印发通报（加盖印章并向社会公开）</button>
      </p>`
    : html`<p class="muted">本期已结束，通报尚未印发（由县行政审批服务管理局管理员印发）。</p>`;
}

function schemeFormHtml(scheme) {
  const by = Object.fromEntries(scheme.indicators.map((item) => [item.indicator, item]));
  return html`<form class="scheme-form card">
    <p>
      各项分值合计 100 分；比率类指标按比率得分，无数据时不计、其余折算为 100
      分；超期件数（期内超期办结和期末超期在办的件数，待补正、特别程序中的不计）按件扣分，扣完为止。当前为${schemeTitle(
        scheme,
      )}${scheme.setByName
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
        <label
          >哪一期
          <input
            name="of"
            size="9"
            required
            value="${currentOf('month')}"
            title="月度如 2026-11，季度如 2026-Q4，年度如 2026"
            placeholder="2026-11"
        /></label>
        <button type="submit">查看</button>
        <button type="button" class="print-bulletin" disabled>打印通报</button>
      </form>
      <div class="assessment-message"></div>
      <div class="assessment-issue"></div>
      <div class="assessment-ranking"></div>
      <h3>已印发的通报</h3>
      <div class="assessment-issued"></div>
      <h3>考核方案</h3>
      <div class="assessment-scheme"></div>`,
  );
  const form = root.querySelector('form.assessment-period');
  const message = root.querySelector('.assessment-message');
  const rankingBox = root.querySelector('.assessment-ranking');
  const schemeBox = root.querySelector('.assessment-scheme');
  const issueBox = root.querySelector('.assessment-issue');
  const issuedBox = root.querySelector('.assessment-issued');
  let scheme;
  let ranking;

  const printButton = form.querySelector('.print-bulletin');
  const newLook = looks();

  // A period changed while another was loading: only the latest answer is shown (and printed).
  async function loadRanking() {
    const current = newLook();
    mount(message, '');
    printButton.disabled = true;
    try {
      const [shown, issued] = await Promise.all([
        api('routing', '/assessment/ranking', {
          query: {
            county: user.county,
            period: form.elements.period.value,
            of: form.elements.of.value.trim(),
          },
        }),
        api('routing', '/assessment/bulletins', { query: { county: user.county } }),
      ]);
      if (!current()) return;
      ranking = shown;
      printButton.disabled = false;
      const thisPeriod = issued.find(
        (bulletin) => bulletin.periodKind === shown.period.kind && bulletin.periodOf === shown.period.of,
      );
      mount(rankingBox, bulletinHtml(shown, thisPeriod));
      mount(issueBox, issueHtml(shown, thisPeriod, isAdmin));
      mount(
        issuedBox,
        tableHtml(
          ['期间', '通报', '文号', '印发时间', ''],
          issued.map((bulletin) => [
            bulletin.periodTitle,
            bulletin.title,
            bulletin.number,
            formatDateTime(bulletin.issuedAt),
            html`<a href="${documentUrl(bulletin.documentId)}" target="_blank" rel="noopener">PDF</a>`,
          ]),
          '尚未印发通报。',
        ),
      );
    } catch (error) {
      if (!current()) return;
      ranking = undefined;
      mount(rankingBox, '');
      mount(issueBox, '');
      showError(message, error);
    }
  }

  issueBox.addEventListener('click', async (event) => {
    const button = event.target.closest('button.issue-bulletin');
    if (!button || !ranking) return;
    button.disabled = true;
    try {
      const issued = await api('routing', '/assessment/bulletins', {
        method: 'POST',
        body: { county: user.county, period: ranking.period.kind, of: ranking.period.of },
      });
      await loadRanking();
      showMessage(message, 'ok', `通报已印发：${issued.number}，已在政务公开栏目向社会公开。`);
    } catch (error) {
      button.disabled = false;
      showError(message, error);
    }
  });

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
  printButton.addEventListener('click', () => printAlone('printing-bulletin'));
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
