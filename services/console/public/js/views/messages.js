import { api } from '../api.js';
import { caseLink, formatDateTime, html, mount, pagerHtml, showError, tableHtml } from '../html.js';
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
};

// Kept across visits, so coming back from a case lands on the same page.
const filter = { page: 1 };

const kindText = (template) =>
  KIND_CLASSES[template]
    ? html`<span class="${KIND_CLASSES[template]}">${label(MESSAGE_KINDS, template)}</span>`
    : label(MESSAGE_KINDS, template);

const cellsOf = (note) => [
  formatDateTime(note.createdAt),
  kindText(note.template),
  unitLabel(note.recipient),
  note.body,
  caseLink(note.caseId, '查看办件'),
];

// The units come from the person's roles; a role without its town or station on the account reads none.
const unitsText = (units) =>
  units.length
    ? html`<p class="muted">本页显示以下单位的消息：${units.map(unitLabel).join('、')}</p>`
    : html`<p class="muted">您的账号未关联单位，没有可显示的单位消息。</p>`;

export function renderMessages(root) {
  mount(
    root,
    html`<h2>单位消息</h2>
      <div class="toolbar">
        <button type="button" data-action="refresh">刷新</button>
      </div>
      <div class="message"></div>
      <div class="list"></div>`,
  );
  const message = root.querySelector('.message');
  const list = root.querySelector('.list');

  async function load() {
    mount(list, html`<p class="muted">加载中…</p>`);
    try {
      const { total, units, items } = await api('notification', '/notifications/inbox', {
        query: { page: filter.page, pageSize: PAGE_SIZE },
      });
      mount(
        list,
        html`${unitsText(units ?? [])}
        ${tableHtml(['时间', '类别', '接收单位', '内容', '办件'], items.map(cellsOf), '暂无消息。')}
        ${pagerHtml({ total, page: filter.page, pageSize: PAGE_SIZE })}`,
      );
    } catch (error) {
      mount(list, '');
      showError(message, error);
    }
  }

  root.addEventListener('click', (event) => {
    const clicked = event.target.closest('button');
    if (!clicked) return;
    if (clicked.dataset.page) filter.page += Number(clicked.dataset.page);
    else if (clicked.dataset.action !== 'refresh') return;
    mount(message, '');
    void load();
  });
  void load();
}
