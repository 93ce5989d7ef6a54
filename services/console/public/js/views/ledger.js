import { api, documentUrl, hasRole } from '../api.js';
import { caseLink, formatDateTime, formValues, html, looks, mount, showError, tableHtml } from '../html.js';
import { label, LEDGER_ENTRIES } from '../labels.js';
import { bureausOfCounty, townFieldHtml, townLabel, townsOfCounty, unitLabel } from '../names.js';

const LIMIT = 100;

/** Whose seal the lines are of: each town's approval seal and each county bureau's own (the 行政审批服务管理局's among them). */
const organOf = (line) => line.organ ?? line.town;

/** A seal is applied by the seal service on its organ's behalf, never by a person's hand. */
const stamperText = (line, organName) =>
  line.stamper.startsWith('oneseal-seal:')
    ? html`<span title="${line.stamper}">系统自动用印（${organName(organOf(line))}）</span>`
    : line.stamper;

/** The seals a county watcher may open the register of: the towns', then the county bureaus'. */
const organChoiceHtml = () =>
  html`<label
    >印章
    <select name="town" required>
      <option value="">请选择乡镇或县直部门</option>
      <optgroup label="乡镇（行政审批服务专用章）">
        ${townsOfCounty().map((town) => html`<option value="${town.code}">${town.name}</option>`)}
      </optgroup>
      <optgroup label="县直部门">
        ${bureausOfCounty().map((bureau) => html`<option value="${bureau.code}">${bureau.name}</option>`)}
      </optgroup>
    </select></label
  >`;

const cellsOf = (organName) => (line) => [
  line.seq,
  formatDateTime(line.at),
  line.entry === 'refused'
    ? html`<span class="due-overdue">${label(LEDGER_ENTRIES, line.entry)}</span>`
    : label(LEDGER_ENTRIES, line.entry),
  // A notice the organ issued outside any case (考核通报) has no case to open.
  line.caseId
    ? caseLink(line.caseId, line.receiptNumber ?? '查看办件')
    : html`<span class="muted">（非办件文书）</span>`,
  line.matterName ?? '',
  line.documentId &&
    html`<a href="${documentUrl(line.documentId)}" target="_blank" rel="noopener">文书 PDF</a>`,
  stamperText(line, organName),
  // Lines written before names were kept show the account on hover only.
  line.requestedByName ?? html`<span class="muted" title="账号 ${line.requestedBy}">（未记录姓名）</span>`,
  line.reason,
];

export function renderLedger(root, { user }) {
  // The seal keeper keeps their own town's ledger; the county's watchers may open any town's.
  const anyTown = hasRole(user, 'admin', 'supervisor', 'auditor');
  mount(
    root,
    html`<h2>用印登记</h2>
      <form class="toolbar">
        ${anyTown ? organChoiceHtml() : townFieldHtml(user, { anyTown: false })}
        <label
          >只看
          <select name="entry">
            <option value="">全部</option>
            ${Object.entries(LEDGER_ENTRIES).map(
              ([code, title]) => html`<option value="${code}">${title}</option>`,
            )}
          </select></label
        >
        <button type="submit">查询</button>
      </form>
      <div class="message"></div>
      <div class="ledger"></div>`,
  );
  const form = root.querySelector('form');
  const message = root.querySelector('.message');
  // Pages are "after this sequence number": the ledger is append-only and read in order. Paging keeps the filter
  // last submitted, so a cursor is never applied to a town or kind it was not read from.
  let pageStarts = [0];
  let filter = formValues(form);

  const newLook = looks();

  async function load() {
    const current = newLook();
    mount(message, '');
    const { town, entry } = filter;
    const after = pageStarts.at(-1);
    try {
      const query = { town: anyTown ? town : user.town, entry, after, limit: LIMIT };
      const lines = await api('seal', '/ledger', { query });
      if (!current()) return;
      mount(
        root.querySelector('.ledger'),
        html`${tableHtml(
            ['序号', '时间', '类别', '办件编号', '事项或文书', '文书', '用印方式', '申请用印人', '拒绝原因'],
            lines.map(cellsOf((code) => (/^\d{9}$/.test(code) ? townLabel(code) : unitLabel(code)))),
            '暂无用印登记。',
          )}
          <div class="pager">
            <button type="button" data-page="back" ${pageStarts.length <= 1 ? 'disabled' : ''}>上一页</button>
            <button
              type="button"
              data-page="next"
              data-after="${lines.at(-1)?.seq}"
              ${lines.length < LIMIT ? 'disabled' : ''}
            >
              下一页
            </button>
          </div>`,
      );
    } catch (error) {
      if (current()) showError(message, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pageStarts = [0];
    filter = formValues(form);
    void load();
  });
  root.addEventListener('click', (event) => {
    const clicked = event.target.closest('button[data-page]');
    if (!clicked) return;
    if (clicked.dataset.page === 'next') pageStarts.push(Number(clicked.dataset.after));
    else pageStarts.pop();
    void load();
  });
  if (!anyTown || user.town) void load();
}
