import { api } from '../api.js';
import {
  caseLink,
  formatDateTime,
  html,
  looks,
  mount,
  pagerHtml,
  showError,
  showMessage,
  tableHtml,
  todayIso,
} from '../html.js';
import { label, outcomeWord, TASK_STATUSES } from '../labels.js';
import { unitLabel } from '../names.js';
import { watchInboxChanges } from '../inbox-changes.js';
import { openDecisionDialog } from './decision-dialog.js';
import { askForRating, COUNTER_EVENTS, rateButtonHtml } from './rating-request.js';

const PAGE_SIZE = 50;

// Kept across visits, so coming back from a case lands on the same tab and page.
const filter = { view: 'mine', status: 'open', page: 1 };

function dueText(task) {
  if (task.status !== 'open') return task.dueDate ?? '';
  if (!task.dueDate) return html`<span class="muted">计时中止</span>`;
  const today = todayIso();
  if (task.dueDate < today) return html`<span class="due-overdue">${task.dueDate}（已超期）</span>`;
  if (task.dueDate === today) return html`<span class="due-today">${task.dueDate}（今日到期）</span>`;
  return task.dueDate;
}

function whoText(task) {
  if (task.status !== 'open')
    return task.outcome
      ? `${outcomeWord(task.stepName, task.outcome, task.level)}（${task.handlerName ?? ''}）`
      : '';
  if (task.claimedByMe) return '本人';
  return task.claimedByName ?? '未签收';
}

const button = (action, task, title, className = '') =>
  html`<button type="button" class="${className}" data-action="${action}" data-id="${task.id}">
    ${title}
  </button>`;

const actionsOf = (task) =>
  html`<span class="actions">
    ${task.canAct && !task.claimedBy ? button('claim', task, '签收') : ''}
    ${task.status === 'open' && task.claimedByMe ? button('release', task, '退回待办池') : ''}
    ${task.canAct ? button('decide', task, '办理', 'primary') : ''}
    ${task.separatedFrom
      ? html`<small class="muted" title="审批分离">您办理过本件${task.separatedFrom}，由他人办理</small>`
      : ''}
    ${caseLink(task.caseId, '查看办件')}</span
  >`;

/** The case a task belongs to, as a clerk knows it: receipt number, applicant, matter (tasks of old cases: a link). */
const caseText = (task) =>
  task.receiptNumber
    ? html`${caseLink(task.caseId, task.receiptNumber)}<br /><small>${task.applicantName ?? ''}</small>`
    : caseLink(task.caseId, '查看办件');

const cellsOf = (task) => [
  caseText(task),
  task.matterName ?? '',
  task.stepName,
  unitLabel(task.unitCode),
  formatDateTime(task.openedAt),
  dueText(task),
  whoText(task),
  actionsOf(task),
];

export function renderInbox(root) {
  mount(
    root,
    html`<h2>我的待办</h2>
      <div class="toolbar">
        <div class="tabs" role="tablist">
          ${Object.entries(TASK_STATUSES).map(
            ([status, title]) =>
              html`<button
                type="button"
                role="tab"
                data-status="${status}"
                aria-selected="${status === filter.status}"
              >
                ${title}
              </button>`,
          )}
        </div>
        <label
          ><input type="checkbox" name="unit" ${filter.view === 'unit' ? 'checked' : ''} /> 本单位全部</label
        >
        <button type="button" data-action="refresh">刷新</button>
        <span class="live muted" role="status"></span>
      </div>
      <form class="toolbar task-search">
        <label
          >查找
          <input
            name="q"
            maxlength="50"
            size="30"
            value="${filter.q ?? ''}"
            placeholder="办件编号或末几位、申请人姓名、事项名称"
        /></label>
        <button type="submit">查找</button>
      </form>
      <div class="message"></div>
      <div class="list"></div>`,
  );
  const message = root.querySelector('.message');
  const list = root.querySelector('.list');
  const live = root.querySelector('.live');
  let tasks = [];
  const newLook = looks();

  /** quiet: a change announced by the service — the list stays on screen until the new one replaces it. */
  async function load({ quiet = false } = {}) {
    // A search made while the first page is still loading must not be overwritten when that page arrives.
    const current = newLook();
    const before = new Set(tasks.map((task) => task.id));
    if (!quiet) mount(list, html`<p class="muted">加载中…</p>`);
    try {
      const { total, items } = await api('approval', '/tasks/inbox', {
        query: { ...filter, pageSize: PAGE_SIZE },
      });
      if (!current()) return;
      // New: announced as opened since the last read (not older tasks a closed one let onto the page).
      const arrived = items.filter((task) => announcedOpen.has(task.id) && !before.has(task.id)).length;
      announcedOpen.clear();
      if (quiet && arrived > 0 && filter.status === 'open')
        mount(live, `● 自动更新 · ${formatDateTime(new Date().toISOString())} 有 ${arrived} 件新待办`);
      tasks = items;
      const heads = [
        '办件编号 / 申请人',
        '事项',
        '环节',
        '办理单位',
        '打开时间',
        '到期日',
        filter.status === 'open' ? '签收人' : '办理结果',
        '操作',
      ];
      mount(
        list,
        html`${tableHtml(heads, items.map(cellsOf), `没有${label(TASK_STATUSES, filter.status)}事项。`)}
        ${pagerHtml({ total, page: filter.page, pageSize: PAGE_SIZE })}`,
      );
    } catch (error) {
      if (!current()) return;
      // A read the service's announcement asked for keeps the list on screen; the next change tries again.
      if (quiet) {
        mount(live, '自动更新暂时失败，有新变动时再试，也可点“刷新”');
        return;
      }
      mount(list, '');
      showError(message, error);
    }
  }

  // Changes come in bursts (a decision closes one task and opens the next): one read for each burst.
  let reloadTimer;
  const reloadSoon = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void load({ quiet: true }), 300);
  };
  const announcedOpen = new Set();
  let stopWatching = () => {};
  function watch() {
    stopWatching();
    stopWatching = watchInboxChanges({
      view: filter.view,
      stillWanted: () => list.isConnected,
      onState: (state) => {
        if (state === 'live') mount(live, '● 自动更新');
        else if (state === 'reconnecting') mount(live, '自动更新已断开，正在重新连接…');
        // The login ended: the next read takes the person to the login page.
        else void load();
      },
      // 'ready' too: what changed between the list's read and the stream's start was not announced.
      onChange: (event) => {
        if (event.type === 'task' && event.data.status === 'open') announcedOpen.add(event.data.taskId);
        reloadSoon();
      },
    });
  }

  async function act(action, task) {
    mount(message, '');
    try {
      if (action === 'decide') {
        if (!(await openDecisionDialog(task))) return;
        showMessage(
          message,
          'ok',
          `已提交办理意见：${task.stepName}（${task.receiptNumber ?? task.matterName ?? '该办件'}）。下一环节的待办稍后生成。`,
        );
        const counterEvent = COUNTER_EVENTS[task.stepName];
        if (counterEvent) {
          const rate = document.createElement('p');
          message.append(rate);
          mount(rate, rateButtonHtml(task.caseId, counterEvent));
        }
      } else {
        await api('approval', `/tasks/${encodeURIComponent(task.id)}/${action}`, { method: 'POST' });
        showMessage(
          message,
          'ok',
          action === 'claim' ? '已签收，同单位其他人不能再办理此待办' : '已退回待办池',
        );
      }
    } catch (error) {
      showError(message, error);
    }
    await load();
  }

  root.addEventListener('click', (event) => {
    const clicked = event.target.closest('button');
    if (!clicked) return;
    if (clicked.dataset.rateEvent) {
      void askForRating(clicked, message);
      return;
    }
    if (clicked.dataset.status) {
      Object.assign(filter, { status: clicked.dataset.status, page: 1 });
      root
        .querySelectorAll('[data-status]')
        .forEach((tab) => tab.setAttribute('aria-selected', String(tab === clicked)));
    } else if (clicked.dataset.page) {
      filter.page += Number(clicked.dataset.page);
    } else if (clicked.dataset.action && clicked.dataset.action !== 'refresh') {
      const task = tasks.find((candidate) => candidate.id === clicked.dataset.id);
      if (task) void act(clicked.dataset.action, task);
      return;
    }
    mount(message, '');
    void load();
  });
  root.querySelector('form.task-search').addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(filter, { q: event.target.elements.q.value.trim() || undefined, page: 1 });
    mount(message, '');
    void load();
  });
  root.querySelector('[name=unit]').addEventListener('change', (event) => {
    Object.assign(filter, { view: event.target.checked ? 'unit' : 'mine', page: 1 });
    void load();
    watch();
  });
  void load();
  watch();
}
