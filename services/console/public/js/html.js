/**
 * The one way this app builds HTML: the `html` tag escapes every interpolated value unless it is itself the
 * result of `html`, so a name typed by an applicant can never become markup.
 */
class SafeHtml {
  constructor(text) {
    this.text = text;
  }
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

function piece(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(value);
}

export function html(strings, ...values) {
  return new SafeHtml(
    strings.reduce((out, text, i) => out + text + (i < values.length ? piece(values[i]) : ''), ''),
  );
}

/**
 * For a view that asks again when its filters, page or subject change: each look is numbered, and an answer that
 * comes after a later look's is dropped instead of shown over it. `const newLook = looks();` once; then each load
 * takes `const current = newLook();` and shows what it got only while `current()` holds.
 */
export function looks() {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}

/** Replaces the element's content; returns the element so callers can query into it. */
export function mount(element, content) {
  element.innerHTML = piece(content);
  return element;
}

/** A table from column titles and rows of cells: plain values are escaped, html`` cells are kept. */
export function tableHtml(heads, rows, empty = '暂无。') {
  if (rows.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${heads.map((head) => html`<th>${head}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (cells) =>
          html`<tr>
            ${cells.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A table of rows shown in full, and beneath it rows folded away under a summary (shown only when there are any). */
export function foldedTableHtml(heads, shown, folded, summary, empty) {
  return html`${tableHtml(heads, shown, empty)}
  ${folded.length
    ? html`<details class="unchanged">
        <summary>${summary}</summary>
        ${tableHtml(heads, folded)}
      </details>`
    : ''}`;
}

/** A link to a case's page, labelled with its short id unless told otherwise. */
export const caseLink = (caseId, text = shortId(caseId)) =>
  html`<a href="#/cases/${encodeURIComponent(caseId)}" title="${caseId}">${text}</a>`;

/** A message box: kind is 'ok', 'error' or 'info'; lines are shown as a list under the text. */
export function messageHtml(kind, text, lines = []) {
  return html`<div class="msg msg-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
    <p>${text}</p>
    ${lines.length
      ? html`<ul>
          ${lines.map((line) => html`<li>${line}</li>`)}
        </ul>`
      : ''}
  </div>`;
}

/** Shows an ApiError (or any error): the server's Chinese message and, for 400s, each field's problem. */
export function showError(element, error) {
  const problems = (error.problems ?? []).map((problem) => problem.message);
  mount(element, messageHtml('error', error.message || '操作失败', problems));
}

export function showMessage(element, kind, text, lines) {
  mount(element, messageHtml(kind, text, lines));
}

const pad = (n) => String(n).padStart(2, '0');

/** Beijing time (UTC+8 all year): what every document, deadline and working day of the services is dated in. */
const inBeijing = (date) => new Date(date.getTime() + 8 * 3600 * 1000);

/** Today in Beijing as YYYY-MM-DD, to compare with the services' working-day dates, wherever the browser is set. */
export function todayIso() {
  const now = inBeijing(new Date());
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}

/** 1,008,871: a count as the screen shows it. */
export const formatCount = (n) => n.toLocaleString('zh-CN');

/** 41: how much of `whole` `part` is, in whole percent (never past 100; 100 of nothing). */
export const percentOf = (part, whole) => (whole > 0 ? Math.min(100, Math.floor((part * 100) / whole)) : 100);

/** An instant as Beijing time (2026-12-06 22:16), as the documents print it, whatever zone the browser is set to. */
export function formatDateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const beijing = inBeijing(date);
  return `${beijing.getUTCFullYear()}-${pad(beijing.getUTCMonth() + 1)}-${pad(beijing.getUTCDate())} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}

/** 2026-12-06 → 2026年12月6日: the date under a notice, as an official document writes it. */
export function chineseDate(isoDate) {
  const [year, month, day] = String(isoDate).slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The first block of a UUID: enough for a clerk to tell cases apart in a list. */
export const shortId = (id) => (id ? String(id).split('-')[0] : '');

/** A deadline object { dueDate, provisional } as text; provisional dates await next year's holiday calendar. */
export function deadlineText(deadline) {
  if (!deadline?.dueDate) return '';
  return deadline.provisional ? `${deadline.dueDate}（暂定）` : deadline.dueDate;
}

/** Reads a form's named fields as trimmed strings. */
export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value.trim();
  return values;
}

/** Non-empty lines of a textarea, for lists of materials. */
export const linesOf = (text) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * 上一页 / 下一页 under a numbered list; the buttons carry data-page="-1" and "1" for the screen's own click
 * handler. `unit` is the counter word (条, 件); `narrowBy` says how the list can be narrowed once the service stopped
 * counting (a typed search: more words; a list: its dates or conditions).
 */
export function pagerHtml({
  total,
  page,
  pageSize,
  unit = '条',
  totalCapped = false,
  narrowBy = '输入更多文字',
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // The first pages are there all the same.
  const counted = totalCapped
    ? `超过 ${formatCount(total)} ${unit}（可${narrowBy}缩小范围）`
    : `共 ${formatCount(total)} ${unit}`;
  return html`<div class="pager">
    ${counted}，第 ${page}/${formatCount(pages)} 页
    <button type="button" data-page="-1" ${page <= 1 ? 'disabled' : ''}>上一页</button>
    <button type="button" data-page="1" ${page >= pages ? 'disabled' : ''}>下一页</button>
  </div>`;
}

/**
 * Prints one part of a page: the body carries `className` while the print dialog is open, and app.css's print rules
 * for that class hide everything else.
 */
export function printAlone(className) {
  const done = () => {
    document.body.classList.remove(className);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  document.body.classList.add(className);
  window.print();
}

/** Saves a file the browser holds under the given name, as a download. */
export function downloadBlob(blob, fileName) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // Revoked later: some browsers read the URL only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
