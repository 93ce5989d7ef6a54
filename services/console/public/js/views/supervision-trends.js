import { api } from '../api.js';
import { barChartHtml, ratesChartHtml } from '../chart.js';
import { html, looks, mount, showError, tableHtml } from '../html.js';
import { townLabel, townFieldHtml, unitLabel } from '../names.js';

const rateText = (rate) => (typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—');

/** A week by its dates (11-23 至 11-29), a month by its name (2026年11月). */
const periodLabel = (point, by) =>
  by === 'month'
    ? `${point.from.slice(0, 4)}年${Number(point.from.slice(5, 7))}月`
    : `${point.from.slice(5)} 至 ${point.to.slice(5)}`;

function trendHtml(points, by) {
  const rows = points.map((point) => ({ ...point, label: periodLabel(point, by) }));
  return html`${barChartHtml({
    title: by === 'month' ? '各月收件与办结' : '各周收件与办结',
    className: 'chart-trend-volume',
    series: [
      { kind: 'received', name: '收件' },
      { kind: 'concluded', name: '办结' },
    ],
    rows: rows.map((row) => ({
      label: row.label,
      bars: [[{ kind: 'received', value: row.received }], [{ kind: 'concluded', value: row.concluded }]],
    })),
  })}
  ${ratesChartHtml({ className: 'chart-trend-rates', rows })}
  ${tableHtml(
    [by === 'month' ? '月份' : '周', '收件', '受理', '办结', '按时办结率', '评价数', '差评数', '满意率'],
    rows.map((row) => [
      row.label,
      row.received,
      row.accepted,
      row.concluded,
      rateText(row.onTimeRate),
      row.ratings,
      row.dissatisfied,
      rateText(row.satisfactionRate),
    ]),
  )}`;
}

/** 趋势: the last twelve weeks or months of the county (or one town), as charts and a table. */
export function renderTrend(container, { user, countyWide }) {
  mount(
    container,
    html`<form class="toolbar trend-filter">
        ${townFieldHtml(user, { anyTown: countyWide })}
        <label
          >按
          <select name="by">
            <option value="week">周</option>
            <option value="month">月</option>
          </select></label
        >
      </form>
      <div class="trend-body"></div>`,
  );
  const form = container.querySelector('form');
  const body = container.querySelector('.trend-body');
  const newLook = looks();
  async function load() {
    const current = newLook();
    const by = form.elements.by.value;
    const town = countyWide ? form.elements.town.value : user.town;
    try {
      const points = await api('routing', '/supervision/trend', {
        query: { county: user.county, ...(town ? { town } : {}), by, periods: 12 },
      });
      if (current()) mount(body, trendHtml(points, by));
    } catch (error) {
      if (current()) showError(body, error);
    }
  }
  form.addEventListener('change', () => void load());
  form.addEventListener('submit', (event) => event.preventDefault());
  void load();
}

/** 人员办理情况: each person's decided steps and timeliness over a period, and what they hold today. */
export function renderPeople(container, { user, countyWide, period }) {
  mount(
    container,
    html`<form class="toolbar people-filter">
        <label>自 <input type="date" name="from" required value="${period.from}" /></label>
        <label>至 <input type="date" name="to" required value="${period.to}" /></label>
        <button type="submit">统计</button>
      </form>
      <div class="people-body"></div>`,
  );
  const form = container.querySelector('form');
  const body = container.querySelector('.people-body');
  const newLook = looks();
  async function load() {
    const current = newLook();
    try {
      const rows = await api('approval', '/supervision/people', {
        query: {
          county: user.county,
          ...(countyWide ? {} : { town: user.town }),
          from: form.elements.from.value,
          to: form.elements.to.value,
        },
      });
      if (!current()) return;
      mount(
        body,
        tableHtml(
          ['人员', '乡镇', '岗位（单位）', '期间办理', '按时办理率', '在手', '其中超期'],
          rows.map((row) => [
            row.personName ?? '（未留姓名）',
            townLabel(row.town),
            unitLabel(row.unitCode),
            row.decided,
            rateText(row.onTimeRate),
            row.holding,
            row.overdueNow ? html`<span class="due-overdue">${row.overdueNow}</span>` : 0,
          ]),
          '本期间没有人员办理记录。',
        ),
      );
    } catch (error) {
      if (current()) showError(body, error);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
}
