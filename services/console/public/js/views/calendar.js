import { api, hasRole } from '../api.js';
import {
  foldedTableHtml,
  formatCount,
  formatDateTime,
  formValues,
  html,
  linesOf,
  messageHtml,
  mount,
  percentOf,
  showError,
  tableHtml,
} from '../html.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const weekdayOf = (date) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/** Dates typed one per line, or separated by 、，, or spaces, as a notice lists them. */
const datesOf = (text) => linesOf(String(text).replace(/[、，,\s]+/g, '\n'));

/** What saving a change did: the open cases it will tell, which the list of 期限重算 follows. */
const recalculationText = (recalculation, whose) =>
  recalculation.openCases === 0
    ? `${whose}目前没有在办案件，无需重算期限。`
    : `${whose} ${recalculation.openCases} 件在办案件正按新的日历重算期限（在后台进行，进度见下方“期限重算”），期限变动的申请人将收到短信。`;

const recalculationState = (run) => {
  if (run.status === 'running')
    return `进行中：已通知 ${formatCount(run.signalled)} / ${formatCount(run.openCases)} 件（${percentOf(run.signalled + run.unreachable, run.openCases)}%）`;
  const told = `${run.unreachable ? '已结束' : '已完成'}：通知 ${formatCount(run.signalled)} 件`;
  return run.unreachable
    ? html`${told}；<span class="warning-text"
          >${run.unreachable} 件暂时无法通知办理流程，请稍后再保存一次这项调整</span
        >`
    : told;
};

function recalculationsHtml(runs) {
  return tableHtml(
    ['开始时间', '日历调整', '范围', '发起人', '在办案件', '状态'],
    runs.map((run) => [
      formatDateTime(run.startedAt),
      run.description,
      run.county ? run.countyName : '全国',
      run.requestedBy,
      formatCount(run.openCases),
      recalculationState(run),
    ]),
    '还没有因日历调整重算过期限。',
  );
}

function yearsHtml(years) {
  const latest = years.length ? years[years.length - 1].year : undefined;
  const heads = ['年份', '依据', '录入人', '录入时间'];
  const row = (year) => [
    `${year.year}年`,
    year.loadedBy ? year.source : `国务院办公厅关于${year.year}年部分节假日安排的通知`,
    year.loadedBy ?? '系统内置',
    year.loadedAt ? formatDateTime(year.loadedAt) : '',
  ];
  // The years deadlines still reach are the ones that matter; the rest fold away.
  const recent = years.slice(-3);
  const earlier = years.slice(0, -3);
  const notYet = latest + 1;
  return html`${foldedTableHtml(
    heads,
    recent.map(row),
    earlier.map(row),
    earlier.length
      ? `更早的 ${earlier.length} 个年份（${earlier[0].year}—${earlier[earlier.length - 1].year}年）`
      : '',
  )}
  ${latest
    ? html`<p class="muted">
        ${notYet}年及以后的安排尚未公布：元旦、劳动节、国庆节按《全国年节及纪念日放假办法》规定的日期放假，其余日子按周一至周五上班计算，期限都标为（暂定）；国务院办公厅的通知公布后由平台系统管理员录入，在办案件的期限随即重算。
      </p>`
    : ''}`;
}

function loadYearFormHtml(nextYear) {
  return html`<form class="card year-form">
    <h3>录入全国节假日安排 <small>仅平台系统管理员；依据国务院办公厅关于部分节假日安排的通知</small></h3>
    <label>年份 <input name="year" type="number" min="2000" max="2100" value="${nextYear}" required /></label>
    <label
      >放假日期（每行一个，或用顿号、逗号分开；含放假期间的周末）
      <textarea name="holidays" rows="4" placeholder="2027-01-01&#10;2027-02-06"></textarea>
    </label>
    <label
      >调休上班日期（周六或周日）
      <textarea name="makeUpWorkdays" rows="2" placeholder="2027-02-14"></textarea>
    </label>
    <label>依据文件 <input name="source" placeholder="国办发明电〔2026〕×号" required /></label>
    <button type="submit" class="primary">录入并重算在办案件期限</button>
    <div class="year-message"></div>
  </form>`;
}

function countyDaysHtml(days, canEdit) {
  return tableHtml(
    ['日期', '星期', '调整', '原因或依据', '设定人', '设定时间', '状态', ...(canEdit ? [''] : [])],
    days.map((day) => [
      day.date,
      weekdayOf(day.date),
      day.working ? '调休上班' : '放假',
      day.reason,
      day.setBy,
      formatDateTime(day.setAt),
      day.applies ? '执行中' : html`<span class="warning-text">已不适用：${day.problem}</span>`,
      ...(canEdit
        ? [html`<button type="button" class="remove-day" data-date="${day.date}">撤销</button>`]
        : []),
    ]),
    '本县没有调整过工作日：一律按全国工作日历计算期限。',
  );
}

function countyDayFormHtml() {
  return html`<form class="card county-day-form">
    <h3>调整本县的一天 <small>只影响本县办件的期限</small></h3>
    <p class="muted">
      工作日放假（如县政府因灾害天气通知停止办公），或周末调休上班。法定节假日和国务院公布的放假安排之内的日子不能调整为上班。
    </p>
    <label>日期 <input name="date" type="date" required /></label>
    <label
      >调整为
      <select name="working">
        <option value="false">放假（不计入办理期限）</option>
        <option value="true">调休上班（计入办理期限）</option>
      </select>
    </label>
    <label
      >原因或依据 <input name="reason" maxlength="200" placeholder="县政府关于……的通知" required
    /></label>
    <button type="submit" class="primary">保存并重算本县在办案件期限</button>
    <div class="day-message"></div>
  </form>`;
}

export function renderCalendar(root, { user }) {
  const isSystemAdmin = hasRole(user, 'system-admin');
  const isCountyAdmin = hasRole(user, 'admin');
  mount(
    root,
    html`<h2>工作日历 <small>办理期限按工作日计算：全国节假日安排，加上本县自己的调整</small></h2>
      <h3>全国节假日安排</h3>
      <div class="years"></div>
      ${isSystemAdmin ? html`<div class="year-form-slot"></div>` : ''}
      ${isCountyAdmin
        ? html`<h3>本县工作日调整</h3>
            <div class="days-message"></div>
            <div class="county-days"></div>
            ${countyDayFormHtml()}`
        : ''}
      ${isSystemAdmin || isCountyAdmin
        ? html`<h3>期限重算 <small>每次调整日历后，在办案件逐件按新的日历重算期限</small></h3>
            <div class="recalculations"></div>`
        : ''}`,
  );
  const yearsBox = root.querySelector('.years');
  const daysBox = root.querySelector('.county-days');
  const daysMessage = root.querySelector('.days-message');
  const runsBox = root.querySelector('.recalculations');

  // Followed while one runs and the page is open: a province's change tells hundreds of thousands of cases.
  let following;
  const loadRecalculations = async () => {
    if (!runsBox || !runsBox.isConnected) return;
    clearTimeout(following);
    try {
      const runs = await api('routing', '/calendar/recalculations');
      mount(runsBox, recalculationsHtml(runs));
      if (runs.some((run) => run.status === 'running')) following = setTimeout(loadRecalculations, 2000);
    } catch (error) {
      showError(runsBox, error);
    }
  };

  const loadYears = async () => {
    try {
      const years = await api('routing', '/calendar/years');
      mount(yearsBox, yearsHtml(years));
      const slot = root.querySelector('.year-form-slot');
      if (slot && !slot.firstChild) {
        mount(slot, loadYearFormHtml(years.length ? years[years.length - 1].year + 1 : ''));
      }
    } catch (error) {
      showError(yearsBox, error);
    }
  };
  const daysPath = `/calendar/counties/${encodeURIComponent(user.county)}/days`;
  const loadDays = async () => {
    if (!daysBox) return;
    try {
      mount(daysBox, countyDaysHtml(await api('routing', daysPath), isCountyAdmin));
    } catch (error) {
      showError(daysBox, error);
    }
  };

  root.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.matches('.year-form, .county-day-form')) return;
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    const message = form.querySelector('.year-message, .day-message');
    button.disabled = true;
    mount(message, '');
    const values = formValues(form);
    try {
      if (form.matches('.year-form')) {
        const loaded = await api('routing', `/calendar/years/${encodeURIComponent(values.year)}`, {
          method: 'PUT',
          body: {
            holidays: datesOf(values.holidays),
            makeUpWorkdays: datesOf(values.makeUpWorkdays),
            source: values.source,
          },
        });
        mount(
          message,
          messageHtml(
            'ok',
            `已录入${loaded.year}年全国节假日安排。${recalculationText(loaded.recalculation, '全国')}`,
          ),
        );
        await Promise.all([loadYears(), loadRecalculations()]);
      } else {
        const working = values.working === 'true';
        const saved = await api('routing', `${daysPath}/${encodeURIComponent(values.date)}`, {
          method: 'PUT',
          body: { working, reason: values.reason },
        });
        mount(
          message,
          messageHtml(
            'ok',
            `已设定本县 ${saved.date} ${working ? '调休上班' : '放假'}。${recalculationText(saved.recalculation, '本县')}`,
          ),
        );
        form.reset();
        mount(daysMessage, '');
        await Promise.all([loadDays(), loadRecalculations()]);
      }
    } catch (error) {
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });

  root.addEventListener('click', async (event) => {
    if (!event.target.matches('.remove-day')) return;
    const { date } = event.target.dataset;
    if (!window.confirm(`撤销本县 ${date} 的调整？本县在办案件的期限将随即重算。`)) return;
    event.target.disabled = true;
    try {
      const removed = await api('routing', `${daysPath}/${encodeURIComponent(date)}`, {
        method: 'DELETE',
      });
      mount(
        daysMessage,
        messageHtml(
          'ok',
          `已撤销本县 ${removed.date} 的调整。${recalculationText(removed.recalculation, '本县')}`,
        ),
      );
      await Promise.all([loadDays(), loadRecalculations()]);
    } catch (error) {
      showError(daysMessage, error);
      event.target.disabled = false;
    }
  });

  loadYears();
  loadDays();
  loadRecalculations();
}
