import { api, hasRole } from '../api.js';
import {
  caseLink,
  formatCount,
  formatDateTime,
  html,
  looks,
  mount,
  pagerHtml,
  showError,
  tableHtml,
} from '../html.js';
import { label, MESSAGE_KINDS } from '../labels.js';
import { unitLabel } from '../names.js';

const PAGE_SIZE = 50;

// The same colours as a task's due date and the supervision counts: yellow is near, red is late.
const KIND_CLASSES = {
  deadlineYellow: 'due-today',
  deadlineRed: 'due-overdue',
  deadlineStatutory: 'due-overdue',
  escalationRed: 'due-overdue',
  escalationStatutory: 'due-overdue',
  dissatisfiedRating: 'due-today',
  supervisionOrdered: 'due-overdue',
};

/** What each kind of message asks for, and where that is done. */
const ACTS = {
  taskOpened: (note) => html`<a href="#/inbox" data-read="${note.id}">去办理</a>`,
  escalationRed: (note) => caseAct(note, '督促办理'),
  escalationStatutory: (note) => caseAct(note, '督促办理'),
  dissatisfiedRating: (note) => html`<a href="#/supervision/ratings" data-read="${note.id}">答复整改</a>`,
  homeVisitRequested: (note) => html`<a href="#/visits" data-read="${note.id}">约定上门</a>`,
  // The one who answers goes to the orders; the desk holding the case to the case itself.
  supervisionOrdered: (note, user) =>
    hasRole(user, 'town-leader')
      ? html`<a href="#/supervision/orders" data-read="${note.id}">答复督办</a>`
      : hasRole(user, 'county-officer') && !/^\d{9}/.test(note.recipient)
        ? html`<a href="#/orders" data-read="${note.id}">答复督办</a>`
        : caseAct(note, '查看办件'),
  supervisionAnswered: (note) => html`<a href="#/supervision/orders" data-read="${note.id}">查看答复</a>`,
  noticeIssued: (note) => html`<a href="#/notices" data-read="${note.id}">查看通报</a>`,
};

const caseAct = (note, text) => html`<span data-read="${note.id}">${caseLink(note.caseId, text)}</span>`;

// Kept across visits, so coming back from a case lands on the same page and filter.
const filter = { page: 1, kind: '', unread: false };

const kindText = (template) =>
  KIND_CLASSES[template]
    ? html`<span class="${KIND_CLASSES[template]}">${label(MESSAGE_KINDS, template)}</span>`
    : label(MESSAGE_KINDS, template);

const cellsOf = (user) => (note) => [
  html`${note.read ? '' : html`<span class="unread-mark">未读</span> `}${formatDateTime(note.createdAt)}`,
  kindText(note.template),
  unitLabel(note.recipient),
  note.read ? note.body : html`<strong>${note.body}</strong>`,
  html`${(ACTS[note.template] ?? ((each) => caseAct(each, '查看办件')))(note, user)}
  ${note.read ? '' : html` <button type="button" class="link" data-mark="${note.id}">标为已读</button>`}`,
];

// The units come from the person's roles; a role without its town or station on the account reads none.
const unitsText = (units) =>
  units.length
    ? html`<p class="muted">本页显示以下单位的消息：${units.map(unitLabel).join('、')}</p>`
    : html`<p class="muted">您的账号未关联单位，没有可显示的单位消息。</p>`;

const kindOptions = () =>
  html`<option value="">全部类别</option>
    ${Object.entries(MESSAGE_KINDS).map(
      ([kind, name]) =>
        html`<option value="${kind}" ${filter.kind === kind ? 'selected' : ''}>${name}</option>`,
    )}`;

export function renderMessages(root, { user }) {
  mount(
    root,
    html`<h2>单位消息 <small class="unread-count"></small></h2>
      <div class="toolbar">
        <label
          >类别
          <select name="kind">
            ${kindOptions()}
          </select></label
        >
        <label><input type="checkbox" name="unread" ${filter.unread ? 'checked' : ''} /> 只看未读</label>
        <button type="button" data-action="refresh">刷新</button>
        <button type="button" data-action="read-all">全部标为已读</button>
      </div>
      <div class="message"></div>
      <div class="list"></div>`,
  );
  const message = root.querySelector('.message');
  const list = root.querySelector('.list');
  const count = root.querySelector('.unread-count');
  // When the list on screen was read: 全部标为已读 leaves unread what arrived since.
  let shownAsOf = new Date().toISOString();

  // The first page may still be on its way when a 类别 is chosen.
  const newLook = looks();

  async function load() {
    const current = newLook();
    mount(list, html`<p class="muted">加载中…</p>`);
    try {
      const answer = await api('notification', '/notifications/inbox', {
        query: {
          page: filter.page,
          pageSize: PAGE_SIZE,
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.unread ? { unread: 'true' } : {}),
        },
      });
      if (!current()) return;
      const { total, totalCapped, units, unread, unreadCapped, asOf, items } = answer;
      shownAsOf = asOf;
      mount(count, unread ? `未读 ${formatCount(unread)} 条${unreadCapped ? '以上' : ''}` : '没有未读消息');
      mount(
        list,
        html`${unitsText(units ?? [])}
        ${tableHtml(
          ['时间', '类别', '接收单位', '内容', '办理'],
          items.map(cellsOf(user)),
          filter.unread || filter.kind ? '没有符合条件的消息。' : '暂无消息。',
        )}
        ${pagerHtml({
          total,
          totalCapped,
          page: filter.page,
          pageSize: PAGE_SIZE,
          narrowBy: '按类别或只看未读',
        })}`,
      );
    } catch (error) {
      if (!current()) return;
      mount(list, '');
      showError(message, error);
    }
  }

  const markRead = (ids) =>
    api('notification', '/notifications/inbox/read', { method: 'POST', body: { ids } });

  root.addEventListener('change', (event) => {
    if (event.target.name === 'kind') filter.kind = event.target.value;
    else if (event.target.name === 'unread') filter.unread = event.target.checked;
    else return;
    filter.page = 1;
    mount(message, '');
    void load();
  });

  root.addEventListener('click', async (event) => {
    // Opening what a message asks for reads it: marked on the way, the page it leads to opens regardless.
    const act = event.target.closest('[data-read]');
    if (act) {
      void markRead([act.dataset.read]).catch(() => undefined);
      return;
    }
    const clicked = event.target.closest('button');
    if (!clicked) return;
    mount(message, '');
    try {
      if (clicked.dataset.mark) await markRead([clicked.dataset.mark]);
      else if (clicked.dataset.action === 'read-all') {
        const { marked } = await api('notification', '/notifications/inbox/read-all', {
          method: 'POST',
          body: { before: shownAsOf, ...(filter.kind ? { kind: filter.kind } : {}) },
        });
        mount(
          message,
          html`<p class="muted">
            ${marked ? `已将 ${formatCount(marked)} 条消息标为已读。` : '没有未读消息，无需标记。'}
          </p>`,
        );
      } else if (clicked.dataset.page) filter.page += Number(clicked.dataset.page);
      else if (clicked.dataset.action !== 'refresh') return;
    } catch (error) {
      showError(message, error);
    }
    void load();
  });
  void load();
}
