import { api } from '../api.js';
import { caseLink, html, looks, mount, showError, tableHtml } from '../html.js';
import { townLabel, townFieldHtml, unitLabel } from '../names.js';

/** Worst first, as routing orders them; the colour of each as a task's due date shows it. */
const RISKS = {
  statutory: { name: '超法定时限', className: 'due-overdue' },
  red: { name: '红牌超期', className: 'due-overdue' },
  'step-late': { name: '环节超期', className: 'due-overdue' },
  yellow: { name: '黄牌预警', className: 'due-today' },
  'due-soon': { name: '即将到期', className: 'due-today' },
};

/** Working days over or left, as a supervisor says it. */
function daysText(days) {
  if (days === null || days === undefined) return '';
  if (days < 0) return html`<span class="due-overdue">超期 ${-days} 个工作日</span>`;
  if (days === 0) return html`<span class="due-today">今日到期</span>`;
  return html`剩 ${days} 个工作日`;
}

const riskText = (risk) => html`<span class="${RISKS[risk].className}">${RISKS[risk].name}</span>`;

const countsHtml = (counts) =>
  html`<p class="risk-counts">
    ${Object.entries(RISKS).map(
      ([risk, { name, className }]) =>
        html`<span class="risk-count"
          >${name} <strong class="${counts[risk] ? className : ''}">${counts[risk]}</strong></span
        >`,
    )}
  </p>`;

/** Who holds the step now: the person who claimed it, or the unit's pool. */
const holderText = (holder) => (holder ? (holder.holderName ?? '（未签收）') : '');

/** Narrowing buttons: a town, a matter, a person — the drill-down from the county to a desk. */
const narrow = (kind, value, text) =>
  value
    ? html`<button type="button" class="link" data-narrow="${kind}" data-value="${value}">${text}</button>`
    : text;

function rowsHtml(items, holders, mayOrder) {
  return tableHtml(
    [
      '风险',
      '办件编号',
      '事项',
      '乡镇',
      '当前环节',
      '承办单位',
      '承办人',
      '承诺办结',
      '剩余/超期',
      ...(mayOrder ? [''] : []),
    ],
    items.map((item) => {
      const holder = holders.get(item.caseId);
      return [
        riskText(item.risk),
        caseLink(item.caseId, item.receiptNumber ?? '查看办件'),
        narrow('matter', item.matterName, item.matterName ?? ''),
        narrow('town', item.town, townLabel(item.town)),
        html`${item.currentStep ?? ''}${item.stepWorkingDaysLeft !== null && item.stepWorkingDaysLeft < 0
          ? html`<br /><span class="due-overdue">环节超期 ${-item.stepWorkingDaysLeft} 个工作日</span>`
          : ''}`,
        item.currentUnit ? unitLabel(item.currentUnit) : '',
        narrow('person', holder?.holderName, holderText(holder)),
        item.committedDueDate ?? '未受理',
        // Not accepted yet, a case has no committed date: what is left is its step's.
        item.workingDaysLeft !== null
          ? daysText(item.workingDaysLeft)
          : html`环节${daysText(item.stepWorkingDaysLeft)}`,
        ...(mayOrder
          ? [html`<button type="button" class="order-case" data-case-id="${item.caseId}">督办</button>`]
          : []),
      ];
    }),
    '今天没有超期或临期的在办件。',
  );
}

/**
 * 今日风险, the top of a supervisor's 电子监察: what is late or about to be today, worst first, with days over or left,
 * the step, the unit and the person holding it. A town, a matter or a person clicked narrows the list (county → town
 * → matter → person), and the search box finds any of them by name.
 */
export function renderDeadlineRisks(container, { user, countyWide, onOrder }) {
  const state = { town: countyWide ? '' : user.town, matter: '', person: '', q: '' };
  let answer = { items: [], counts: {}, today: '' };
  let holders = new Map();
  const newLook = looks();
  mount(
    container,
    html`<form class="toolbar risk-filter">
        ${townFieldHtml(user, { anyTown: countyWide })}
        <label
          >查找
          <input name="q" type="search" maxlength="30" size="22" placeholder="事项、单位、承办人、办件编号"
        /></label>
      </form>
      <p class="risk-path muted"></p>
      <div class="risk-list"></div>`,
  );
  const form = container.querySelector('form.risk-filter');
  const list = container.querySelector('.risk-list');
  const path = container.querySelector('.risk-path');

  const matches = (item) => {
    const holder = holders.get(item.caseId)?.holderName ?? '';
    if (state.matter && item.matterName !== state.matter) return false;
    if (state.person && holder !== state.person) return false;
    if (!state.q) return true;
    const words = [
      item.matterName,
      item.receiptNumber,
      townLabel(item.town),
      unitLabel(item.currentUnit ?? ''),
      holder,
    ];
    return words.some((word) => (word ?? '').includes(state.q));
  };

  function show() {
    const shown = answer.items.filter(matches);
    const steps = [
      countyWide ? '全县' : townLabel(user.town),
      ...(countyWide && state.town ? [townLabel(state.town)] : []),
      ...(state.matter ? [state.matter] : []),
      ...(state.person ? [state.person] : []),
    ];
    mount(
      path,
      html`${answer.today ? `${answer.today} · ` : ''}${steps.join(' › ')}${steps.length > 1 || state.q
        ? html` <button type="button" class="link" data-narrow="clear">清除筛选</button>`
        : ''}`,
    );
    mount(list, html`${countsHtml(answer.counts)}${rowsHtml(shown, holders, !!onOrder)}`);
  }

  async function load() {
    const current = newLook();
    try {
      const place = { county: user.county, ...(state.town ? { town: state.town } : {}) };
      const risks = await api('routing', '/supervision/risks', { query: place });
      const ids = risks.items.map((item) => item.caseId);
      const held = ids.length
        ? await api('approval', '/supervision/holders', { query: { ...place, caseIds: ids.join(',') } })
        : [];
      if (!current()) return;
      answer = risks;
      holders = new Map(held.map((holder) => [holder.caseId, holder]));
      show();
    } catch (error) {
      if (current()) showError(list, error);
    }
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    if (event.target.name !== 'q') return;
    state.q = event.target.value.trim();
    show();
  });
  form.addEventListener('change', (event) => {
    if (event.target.name !== 'town') return;
    Object.assign(state, { town: event.target.value, matter: '', person: '' });
    void load();
  });
  container.addEventListener('click', (event) => {
    const ordering = event.target.closest('button.order-case');
    if (ordering) {
      onOrder(answer.items.find((item) => item.caseId === ordering.dataset.caseId));
      return;
    }
    const button = event.target.closest('button[data-narrow]');
    if (!button) return;
    const { narrow: kind, value } = button.dataset;
    if (kind === 'clear') {
      Object.assign(state, { town: countyWide ? '' : user.town, matter: '', person: '', q: '' });
      form.reset();
      void load();
    } else if (kind === 'town') {
      state.town = value;
      if (form.elements.town) form.elements.town.value = value;
      void load();
    } else {
      state[kind] = value;
      show();
    }
  });
  void load();
  return {
    /** The summary's town clicked: the risks of that town. */
    showTown(town) {
      Object.assign(state, { town, matter: '', person: '' });
      if (form.elements.town) form.elements.town.value = town;
      void load();
    },
  };
}
