import { api, apiBlob, hasRole } from '../api.js';
import { barChartHtml, ratesChartHtml } from '../chart.js';
import {
  caseLink,
  downloadBlob,
  formatDateTime,
  formValues,
  html,
  looks,
  mount,
  pagerHtml,
  printAlone,
  showError,
  showMessage,
  tableHtml,
} from '../html.js';
import { label, LEVELS, RATING_SCORES, REVISIT_METHODS, SUPERVISED_STAGES, WARNINGS } from '../labels.js';
import { countyLabel, townLabel, townFieldHtml, unitLabel } from '../names.js';
import { renderAccountability } from './accountability.js';
import { renderDeadlineRisks } from './deadline-risks.js';
import { renderSupervisionOrders } from './supervision-orders.js';
import { renderPeople, renderTrend } from './supervision-trends.js';

const PAGE_SIZE = 50;
const WARNING_CLASSES = { yellow: 'due-today', red: 'due-overdue', statutory: 'due-overdue' };

const options = (labels) =>
  html`<option value="">全部</option>
    ${Object.entries(labels).map(([code, title]) => html`<option value="${code}">${title}</option>`)}`;

const percent = (part, whole) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

/** A rate the service computed (null when there is nothing to rate), with one decimal. */
const rateText = (rate) => (typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—');

/** A count that turns the warning's colour when it is not zero. */
const flagged = (count, warning) =>
  count ? html`<span class="${WARNING_CLASSES[warning]}">${count}</span>` : count;

/*
 * The summary's statutory count is not a part of its open count: it also holds cases concluded after running
 * past the statutory limit (a case keeps its worst warning). So the open bar stacks only what open is made of
 * (yellow and red are open cases), and statutory gets a bar of its own rather than being subtracted.
 */
const OPEN_SERIES = [
  { kind: 'open', name: '在办' },
  { kind: 'yellow', name: '黄牌' },
  { kind: 'red', name: '红牌' },
  { kind: 'statutory', name: '超法定时限' },
];

const openChartHtml = (rows) =>
  barChartHtml({
    title: '各乡镇在办件',
    className: 'chart-town-open',
    series: OPEN_SERIES,
    rows: rows.map((row) => ({
      label: townLabel(row.town),
      bars: [
        [
          { kind: 'open', value: Math.max(0, row.open - row.yellow - row.red) },
          { kind: 'yellow', value: row.yellow },
          { kind: 'red', value: row.red },
        ],
        // Most towns have none; an empty bar under every town would only add noise.
        ...(row.statutory ? [[{ kind: 'statutory', value: row.statutory }]] : []),
      ],
    })),
  });

const townRatesChartHtml = (rows) =>
  ratesChartHtml({
    className: 'chart-town-rates',
    rows: rows.map((row) => ({ ...row, label: townLabel(row.town) })),
  });

/** The chart goes only over a table that has rows, so an empty county shows just the table's 暂无 line. */
const withChart = (chart, rows, table) => html`${rows.length > 0 && chart(rows)}${table}`;

const summaryHtml = (rows) =>
  withChart(
    openChartHtml,
    rows,
    tableHtml(
      ['乡镇', '在办', '黄牌', '红牌', '超法定时限', '已办结', '按时办结率'],
      rows.map((row) => [
        html`<button type="button" class="link" data-town="${row.town}">${townLabel(row.town)}</button>`,
        row.open,
        flagged(row.yellow, 'yellow'),
        flagged(row.red, 'red'),
        flagged(row.statutory, 'statutory'),
        row.concluded,
        percent(row.concludedOnTime, row.timed ?? row.concluded),
      ]),
      '暂无办件。',
    ),
  );

const reportHtml = (rows) =>
  withChart(
    townRatesChartHtml,
    rows,
    tableHtml(
      [
        '乡镇',
        '收件',
        '受理',
        '办结',
        '准予',
        '不予',
        '撤件',
        '其他',
        '按时办结率',
        '期末超期在办',
        '评价数',
        '差评数',
        '满意率',
      ],
      rows.map((row) => [
        townLabel(row.town),
        row.received,
        row.accepted,
        row.concluded,
        row.approved,
        row.refused,
        row.withdrawn,
        row.otherResults,
        row.onTimeRate === null ? '—' : `${Math.round(row.onTimeRate * 100)}%`,
        flagged(row.overdueAtEnd, 'red'),
        row.ratings,
        flagged(row.dissatisfied, 'red'),
        rateText(row.satisfactionRate),
      ]),
      '该期间没有办件。',
    ),
  );

const openTasksHtml = (rows) =>
  tableHtml(
    [
      '乡镇',
      '层级',
      '办理单位',
      '环节',
      '签收人',
      '在办',
      '超期',
      '今日到期',
      '计时中止',
      '最早到期日',
      '最早打开时间',
    ],
    rows.map((row) => [
      townLabel(row.town),
      label(LEVELS, row.level),
      unitLabel(row.unitCode),
      row.stepName,
      // Unclaimed tasks sit in the unit's pool: anyone of the unit may take them, so nobody is answerable yet.
      row.holderName ?? html`<span class="muted">未签收（待办池）</span>`,
      row.open,
      flagged(row.overdue, 'red'),
      flagged(row.dueToday, 'yellow'),
      row.clockStopped,
      row.earliestDueDate ?? '',
      formatDateTime(row.oldestOpenedAt),
    ]),
    '没有在办待办。',
  );

/** A matter by its name, with the code beside it; a matter missing from the catalogue has only its code. */
const matterText = (row) =>
  row.matterName ? html`${row.matterName} <small class="muted">${row.matterCode}</small>` : row.matterCode;

const mattersHtml = (rows) =>
  tableHtml(
    ['事项', '在办', '黄牌', '红牌', '超法定时限', '待补正', '特别程序', '最早承诺办结日期'],
    rows.map((row) => [
      matterText(row),
      row.open,
      flagged(row.yellow, 'yellow'),
      flagged(row.red, 'red'),
      flagged(row.statutory, 'statutory'),
      row.awaitingCorrection,
      row.suspended,
      row.earliestDueDate ?? '',
    ]),
    '没有在办件。',
  );

/** 非常不满意 (1) and 不满意 (2): the ratings a town must answer with what it changed. */
const isDissatisfied = (row) => row.score <= 2;

/** The form a town leader answers an unanswered 差评 with, in its row; one listener serves them all. */
const responseFormHtml = (row) =>
  html`<form class="rating-response" data-case-id="${row.caseId}" data-service-event="${row.serviceEvent}">
    <label
      >整改措施
      <textarea name="measures" rows="2" required maxlength="500"></textarea>
    </label>
    <button type="submit">提交整改回复</button>
  </form>`;

/** After the answer, the 回访: how the applicant was reached and how they judge the service now. */
const revisitFormHtml = (row) =>
  html`<form class="rating-revisit" data-case-id="${row.caseId}" data-service-event="${row.serviceEvent}">
    <label
      >回访方式
      <select name="method">
        ${Object.entries(REVISIT_METHODS).map(
          ([code, title]) => html`<option value="${code}">${title}</option>`,
        )}
      </select></label
    >
    <label
      >整改后评价
      <select name="scoreAfter" required>
        <option value="">请选择</option>
        ${Object.entries(RATING_SCORES).map(
          ([score, title]) => html`<option value="${score}">${title}</option>`,
        )}
      </select></label
    >
    <label>回访情况 <input name="note" maxlength="300" /></label>
    <button type="submit">记录回访</button>
  </form>`;

function revisitText(revisit) {
  return html`<div class="muted">
    ${label(REVISIT_METHODS, revisit.method)}：整改后评价${RATING_SCORES[revisit.scoreAfter]}${revisit.note
      ? `，${revisit.note}`
      : ''}——${revisit.byName}，${formatDateTime(revisit.at)}
  </div>`;
}

function responseCell(row, mayAnswer) {
  if (row.response) {
    return html`${row.response}
      <div class="muted">——${row.respondedByName}，${formatDateTime(row.respondedAt)}</div>
      ${row.revisit ? revisitText(row.revisit) : mayAnswer && revisitFormHtml(row)}`;
  }
  if (!isDissatisfied(row)) return '';
  const deadline = row.rectifyBy
    ? html`<span class="${row.overdue ? 'due-overdue' : 'muted'}"
        >${row.overdue ? `整改已超期（期限 ${row.rectifyBy}）` : `整改期限 ${row.rectifyBy}`}</span
      >`
    : html`<span class="due-overdue">待整改</span>`;
  return html`${deadline}${mayAnswer && responseFormHtml(row)}`;
}

const ratingsHtml = (rows, mayAnswer, unansweredOnly) =>
  tableHtml(
    ['办件编号', '事项', '乡镇', '服务', '服务人员', '评价', '原因与意见', '评价时间', '整改与回访'],
    rows.map((row) => [
      caseLink(row.caseId, row.receiptNumber ?? '查看办件'),
      row.matterName,
      townLabel(row.town),
      html`${row.serviceEventText}${row.channel === 'window-pad'
        ? html`<div class="muted">窗口评价器</div>`
        : html`<div class="muted">网上评价</div>`}`,
      row.servedByName ?? '',
      isDissatisfied(row) ? html`<span class="due-overdue">${row.scoreText}</span>` : row.scoreText,
      [row.reasons?.join('、'), row.comment].filter(Boolean).join('——'),
      formatDateTime(row.ratedAt),
      responseCell(row, mayAnswer),
    ]),
    unansweredOnly ? '没有待整改的差评。' : '暂无评价。',
  );

const figureCells = (row) => [
  row.rated,
  percentOf(row.goodRate),
  row.dissatisfied,
  row.dissatisfied ? percentOf(row.answered / row.dissatisfied) : '—',
  row.dissatisfied ? percentOf(row.revisited / row.dissatisfied) : '—',
  row.overdue ? html`<strong class="bad">${row.overdue}</strong>` : 0,
  row.atCounter,
];
const FIGURE_HEADS = ['评价数', '好评率', '差评', '整改率', '回访率', '整改超期', '其中评价器'];

/** 好差评 of the period: per town, per person who served, per matter (好评 = 非常满意、满意、基本满意). */
const ratingStatsHtml = (stats) =>
  html`<p class="muted">好评为非常满意、满意、基本满意，差评为不满意、非常不满意（GB/T 39734—2020）。</p>
    ${tableHtml(
      ['乡镇', ...FIGURE_HEADS],
      stats.towns.map((row) => [townLabel(row.town), ...figureCells(row)]),
      '本期间没有评价。',
    )}
    <h4>按服务人员</h4>
    <p class="muted">只计能对应到具体服务人员的评价（窗口受理、评价器等）；其余评价计入按乡镇、按事项。</p>
    ${tableHtml(
      ['服务人员', '乡镇', ...FIGURE_HEADS],
      stats.people.map((row) => [row.servedByName ?? '', townLabel(row.town), ...figureCells(row)]),
      '本期间没有评价。',
    )}
    <h4>按事项</h4>
    ${tableHtml(
      ['事项', ...FIGURE_HEADS],
      stats.matters.map((row) => [row.matterName ?? row.matterCode, ...figureCells(row)]),
      '本期间没有评价。',
    )}`;

const LEVEL_TITLES = { town: '镇级', village: '村级' };
const percentOf = (rate) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** 网上办理: matters that can be applied for online against the plan's targets, and what the period's cases did. */
const onlineHandlingHtml = (report) =>
  html`<p class="muted">
      网上可办率按事项计：县事项目录中在用的依申请事项（不含咨询、查询、信息发布类），网办深度
      3（网上申请）及以上为网上可办， 4 为全程网办（GB/T 37277—2018 第 3.3
      条）。${report.targetSource ? `目标依据${report.targetSource}。` : '本县文件未设定目标。'}
    </p>
    ${tableHtml(
      ['事项层级', '依申请事项', '网上可办', '其中全程网办', '网上可办率', '目标', '是否达标'],
      report.matters.map((rate) => [
        LEVEL_TITLES[rate.level],
        rate.matters,
        rate.online,
        rate.fullyOnline,
        percentOf(rate.rate),
        rate.target === null ? '未设定' : `不低于 ${Math.round(rate.target * 100)}%`,
        rate.met === null
          ? '—'
          : rate.met
            ? html`<span class="good">达标</span>`
            : html`<strong class="bad">未达标</strong>`,
      ]),
    )}
    <p class="muted">网上办件率按办件计：统计期间内提交的申请中，申请人网上申请的件数占比。</p>
    ${tableHtml(
      ['乡镇', '收件', '网上申请', '网上办件率'],
      report.towns.map((town) => [town.townName, town.received, town.online, percentOf(town.rate)]),
      '暂无办件。',
    )}`;

const minutesText = (minutes) => (minutes === null || minutes === undefined ? '—' : `${minutes} 分钟`);

/** 大厅排队: numbers taken and called, how long people waited, and how appointments went, per town. */
const hallWaitingHtml = (rows) =>
  tableHtml(
    ['乡镇', '取号', '已叫号', '过号', '平均等候', '90% 在此时间内', '预约', '已签到', '取消', '爽约'],
    rows
      .filter((row) => row.tickets || row.booked || row.cancelled)
      .map((row) => [
        row.townName,
        row.tickets,
        row.called,
        row.skipped,
        minutesText(row.averageWaitMinutes),
        minutesText(row.p90WaitMinutes),
        row.booked,
        row.arrived,
        row.cancelled,
        row.missed ? html`<strong class="bad">${row.missed}</strong>` : 0,
      ]),
    '本期间各中心没有取号和预约。',
  );

/** First and last day of the current month in China, as the default reporting period. */
function thisMonth() {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const [year, month] = today.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = today.slice(0, 8);
  return { from: `${prefix}01`, to: `${prefix}${String(last).padStart(2, '0')}` };
}

/** `narrowBy`: how the list can be narrowed once the service stopped counting (see loadCases). */
const casesHtml = ({ total, totalCapped, page, items }, narrowBy) =>
  html`${tableHtml(
    ['办件', '乡镇', '事项', '状态', '承诺办结日期', '预警', '结果', '按时办结'],
    items.map((item) => [
      caseLink(item.caseId, item.receiptNumber ?? '查看办件'),
      townLabel(item.town),
      matterText(item),
      label(SUPERVISED_STAGES, item.stage),
      `${item.committedDueDate ?? ''}${item.dueDateProvisional ? '（暂定）' : ''}`,
      item.warning &&
        html`<span class="${WARNING_CLASSES[item.warning]}">${label(WARNINGS, item.warning)}</span>`,
      item.resultText ?? item.result,
      item.onTime === null ? '' : item.onTime ? '是' : '否',
    ]),
    '没有符合条件的办件。',
  )}
  ${pagerHtml({
    total,
    totalCapped,
    page,
    pageSize: PAGE_SIZE,
    unit: '件',
    narrowBy,
  })}`;

/** 监察's screens, one at a time: today's risks first (the supervisor's home), then the rest by what is done there. */
const SUPERVISION_TABS = [
  { name: 'risks', title: '今日风险' },
  { name: 'cases', title: '办件查询' },
  { name: 'orders', title: '督办问责' },
  { name: 'reports', title: '统计报告', countyWide: true },
  { name: 'trend', title: '趋势与人员' },
  { name: 'ratings', title: '好差评' },
];

export function renderSupervision(root, { user, params = [] }) {
  // A town's leader watches their own town only, and the county summary is not theirs to see.
  const countyWide = hasRole(user, 'supervisor', 'auditor', 'admin');
  // Answering a 差评 is the town's own duty: the service takes it from its town leader only.
  const mayAnswer = hasRole(user, 'town-leader');
  const filter = { town: countyWide ? '' : user.town, q: '', warning: '', stage: '', page: 1 };
  const tabs = SUPERVISION_TABS.filter((tab) => countyWide || !tab.countyWide);
  mount(
    root,
    html`<h2>电子监察</h2>
      <nav class="tabs supervision-tabs" role="tablist">
        ${tabs.map(
          (tab) =>
            html`<button type="button" role="tab" data-tab="${tab.name}" aria-selected="false">
              ${tab.title}
            </button>`,
        )}
      </nav>
      <section class="tab-panel" data-tab="risks">
        <h3>今日风险</h3>
        <div class="risks"></div>
        ${countyWide &&
        html`<h3>各乡镇汇总</h3>
          <div class="summary"></div>`}
      </section>
      <section class="tab-panel" data-tab="cases">
        <h3>办件</h3>
        <form class="toolbar filters">
          ${townFieldHtml(user, { anyTown: countyWide })}
          <label
            >查找
            <input
              name="q"
              type="search"
              maxlength="50"
              size="24"
              placeholder="办件编号、申请人、身份证后几位、事项、乡镇"
          /></label>
          <label
            >预警
            <select name="warning">
              ${options(WARNINGS)}
            </select></label
          >
          <label
            >状态
            <select name="stage">
              ${options(SUPERVISED_STAGES)}
            </select></label
          >
          <button type="submit">查询</button>
        </form>
        <div class="message"></div>
        <div class="cases"></div>
        <h3>在办待办（按环节和人员）</h3>
        <div class="open-tasks"></div>
        <h3>在办件（按事项）</h3>
        <div class="matters"></div>
      </section>
      <section class="tab-panel" data-tab="orders">
        <h3 class="orders-heading">督办催办</h3>
        <div class="orders"></div>
        <h3>约谈问责</h3>
        <div class="accountability"></div>
      </section>
      ${countyWide &&
      html`<section class="tab-panel" data-tab="reports">
        <div class="report-print">
          <h3>期间报告</h3>
          <form class="toolbar period">
            <label>自 <input type="date" name="from" required /></label>
            <label>至 <input type="date" name="to" required /></label>
            <button type="submit">统计</button>
            <button type="button" class="export-report" data-format="xlsx">导出 Excel</button>
            <button type="button" class="export-report" data-format="pdf">导出 PDF</button>
            <button type="button" class="print-report">打印</button>
          </form>
          <p class="print-title"></p>
          <div class="report-message"></div>
          <div class="report"></div>
        </div>
        <h3>好差评统计</h3>
        <div class="rating-stats"></div>
        <h3>网上办理</h3>
        <div class="online-handling"></div>
        <h3>大厅排队</h3>
        <div class="hall-waiting"></div>
      </section>`}
      <section class="tab-panel" data-tab="trend">
        <h3>趋势</h3>
        <div class="trend"></div>
        <h3>人员办理情况</h3>
        <div class="people"></div>
      </section>
      <section class="tab-panel" data-tab="ratings">
        <h3 class="ratings-heading">好差评</h3>
        <div class="toolbar ratings-filter">
          <label><input type="checkbox" name="unanswered" /> 只看待整改差评</label>
        </div>
        <div class="ratings-message"></div>
        <div class="ratings"></div>
      </section>`,
  );
  // One screen at a time; the address names it (#/supervision/orders), so a message's link and a reload land on it.
  // Only a screen still on the page rewrites the address: one the person already left must not take it back.
  const showTab = (name) => {
    const shown = tabs.some((tab) => tab.name === name) ? name : 'risks';
    for (const panel of root.querySelectorAll('.tab-panel')) panel.hidden = panel.dataset.tab !== shown;
    for (const button of root.querySelectorAll('.supervision-tabs button'))
      button.setAttribute('aria-selected', String(button.dataset.tab === shown));
    const address = shown === 'risks' ? '#/supervision' : `#/supervision/${shown}`;
    if (root.isConnected && location.hash.startsWith('#/supervision') && location.hash !== address)
      history.replaceState(null, '', address);
  };
  root.querySelector('.supervision-tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('button[data-tab]')?.dataset.tab;
    if (tab) showTab(tab);
  });
  showTab(params[0] ?? 'risks');
  const orders = renderSupervisionOrders(root.querySelector('.orders'), { user });
  renderAccountability(root.querySelector('.accountability'), { user });
  renderTrend(root.querySelector('.trend'), { user, countyWide });
  renderPeople(root.querySelector('.people'), { user, countyWide, period: thisMonth() });
  // Only the county's 电子监察 gives 督办 and 催办.
  const risks = renderDeadlineRisks(root.querySelector('.risks'), {
    user,
    countyWide,
    ...(hasRole(user, 'supervisor')
      ? {
          onOrder: (item) => {
            showTab('orders');
            orders.orderCase(item);
          },
        }
      : {}),
  });
  const form = root.querySelector('form.filters');
  const message = root.querySelector('.message');
  const ratings = root.querySelector('.ratings');
  const ratingsMessage = root.querySelector('.ratings-message');
  const unansweredOnly = root.querySelector('.ratings-filter [name="unanswered"]');
  // #/supervision/ratings (a 差评整改 message's link): the 差评 still to answer, in view.
  const toRatings = params[0] === 'ratings';
  if (toRatings) unansweredOnly.checked = true;
  const newRatingsLook = looks();

  // Ratings follow the breakdowns' town too. A reload after an answer can cross one the filters started,
  // so only the latest request may fill the table.
  async function loadRatings() {
    const current = newRatingsLook();
    mount(ratingsMessage, '');
    const query = {
      county: user.county,
      town: filter.town,
      unanswered: unansweredOnly.checked ? 'true' : '',
    };
    try {
      const rows = await api('routing', '/supervision/ratings', { query });
      if (!current()) return;
      mount(ratings, ratingsHtml(rows, mayAnswer, unansweredOnly.checked));
    } catch (error) {
      if (current()) showError(ratings, error);
    }
  }

  const newCasesLook = looks();
  async function loadCases() {
    const current = newCasesLook();
    mount(message, '');
    try {
      const query = { county: user.county, ...filter, pageSize: PAGE_SIZE };
      // Untyped: a town first, if the person can still choose one, then words (typed: the pager's own hint).
      const narrowBy = query.q ? undefined : query.town ? '输入关键词' : '选择乡镇或输入关键词';
      const cases = await api('routing', '/supervision/cases', { query });
      if (current()) mount(root.querySelector('.cases'), casesHtml(cases, narrowBy));
    } catch (error) {
      if (current()) showError(message, error);
    }
  }

  // Both breakdowns follow the town of the case filter, so a county watcher who narrows to a town sees that
  // town's desks and matters; each section reports its own failure and leaves the others standing (and only the
  // latest town's answers are shown).
  const newBreakdownsLook = looks();
  function loadBreakdowns() {
    const current = newBreakdownsLook();
    const latest = (show) => (value) => current() && show(value);
    const query = { county: user.county, town: filter.town };
    const openTasks = root.querySelector('.open-tasks');
    const matters = root.querySelector('.matters');
    api('approval', '/supervision/open-tasks', { query }).then(
      latest((rows) => mount(openTasks, openTasksHtml(rows))),
      latest((error) => showError(openTasks, error)),
    );
    api('routing', '/supervision/matters', { query }).then(
      latest((rows) => mount(matters, mattersHtml(rows))),
      latest((error) => showError(matters, error)),
    );
    void loadRatings();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { town, q, warning, stage } = formValues(form);
    Object.assign(filter, { q: q.trim(), warning, stage, page: 1 }, countyWide ? { town } : {});
    void loadCases();
    loadBreakdowns();
  });
  unansweredOnly.addEventListener('change', () => void loadRatings());
  // Both follow-ups of a 差评 are forms in its row: the answer (整改), then the 回访.
  ratings.addEventListener('submit', async (event) => {
    const followUp = event.target.closest('form.rating-response, form.rating-revisit');
    if (!followUp) return;
    event.preventDefault();
    const revisiting = followUp.matches('.rating-revisit');
    const button = followUp.querySelector('button[type="submit"]');
    mount(ratingsMessage, '');
    button.disabled = true;
    const values = formValues(followUp);
    try {
      await api(
        'routing',
        `/supervision/ratings/${encodeURIComponent(followUp.dataset.caseId)}/${revisiting ? 'revisit' : 'response'}`,
        {
          method: 'POST',
          query: { serviceEvent: followUp.dataset.serviceEvent },
          body: revisiting
            ? {
                method: values.method,
                scoreAfter: Number(values.scoreAfter),
                ...(values.note.trim() ? { note: values.note.trim() } : {}),
              }
            : { measures: values.measures },
        },
      );
    } catch (error) {
      // What was typed stays in place so it can be fixed and sent again.
      button.disabled = false;
      showError(ratingsMessage, error);
      return;
    }
    // The reload clears the message box, so the confirmation goes in after it.
    await loadRatings();
    showMessage(ratingsMessage, 'ok', revisiting ? '已记录回访' : '已回复整改措施');
  });

  root.addEventListener('click', (event) => {
    const clicked = event.target.closest('button');
    if (clicked?.dataset.page) {
      filter.page += Number(clicked.dataset.page);
      void loadCases();
    } else if (clicked?.dataset.town) {
      // From the county's summary down to the town: its risks first, its cases and desks narrowed too.
      form.elements.town.value = clicked.dataset.town;
      form.requestSubmit();
      risks.showTown(clicked.dataset.town);
      showTab('risks');
    }
  });

  if (countyWide) {
    api('routing', '/supervision/summary', { query: { county: user.county } }).then(
      (rows) => mount(root.querySelector('.summary'), summaryHtml(rows)),
      (error) => showError(root.querySelector('.summary'), error),
    );
    const period = root.querySelector('form.period');
    const report = root.querySelector('.report');
    const month = thisMonth();
    period.elements.from.value = month.from;
    period.elements.to.value = month.to;
    const reportMessage = root.querySelector('.report-message');
    // The report on screen is what prints and exports, under the dates it was counted for (not what the inputs say
    // since): until one is shown there is nothing to print or export.
    let shown;
    const printButton = period.querySelector('.print-report');
    const exportButtons = [...period.querySelectorAll('button.export-report')];
    const reportShown = (dates) => {
      shown = dates;
      for (const button of [printButton, ...exportButtons]) button.disabled = !dates;
    };
    reportShown(undefined);
    period.addEventListener('click', async (event) => {
      const format = event.target.closest('button.export-report')?.dataset.format;
      if (!format || !shown) return;
      mount(reportMessage, '');
      const { from, to } = shown;
      try {
        const { blob } = await apiBlob('routing', '/supervision/report/export', {
          query: { county: user.county, from, to, format },
        });
        downloadBlob(blob, `${countyLabel(user.county)}办件情况（${from}至${to}）.${format}`);
      } catch (error) {
        showError(reportMessage, error);
      }
    });
    printButton.addEventListener('click', () => {
      const { from, to } = shown;
      mount(
        root.querySelector('.print-title'),
        `${countyLabel(user.county)}乡镇便民服务中心办件情况（${from} 至 ${to}）`,
      );
      printAlone('printing-report');
    });
    period.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { from, to } = formValues(period);
      const onlineHandling = root.querySelector('.online-handling');
      const waiting = root.querySelector('.hall-waiting');
      api('intake', '/supervision/hall-waiting', { query: { county: user.county, from, to } }).then(
        (answer) => mount(waiting, hallWaitingHtml(answer)),
        (error) => showError(waiting, error),
      );
      const ratingFigures = root.querySelector('.rating-stats');
      api('routing', '/supervision/ratings/stats', { query: { county: user.county, from, to } }).then(
        (answer) => mount(ratingFigures, ratingStatsHtml(answer)),
        (error) => showError(ratingFigures, error),
      );
      api('intake', '/supervision/online-handling', { query: { county: user.county, from, to } }).then(
        (answer) => mount(onlineHandling, onlineHandlingHtml(answer)),
        (error) => showError(onlineHandling, error),
      );
      try {
        mount(
          report,
          reportHtml(
            await api('routing', '/supervision/report', { query: { county: user.county, from, to } }),
          ),
        );
        reportShown({ from, to });
      } catch (error) {
        showError(report, error);
        reportShown(undefined);
      }
    });
    period.requestSubmit();
  }
  void loadCases();
  loadBreakdowns();
}
