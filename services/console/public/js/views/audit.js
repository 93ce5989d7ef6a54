import { api } from '../api.js';
import {
  formatDateTime,
  formValues,
  html,
  isUuid,
  mount,
  showError,
  showMessage,
  tableHtml,
} from '../html.js';
import { EVENT_TYPES, label } from '../labels.js';

const actorText = (actor) =>
  actor
    ? `${actor.kind === 'person' ? '人员' : '服务'} ${actor.id}${actor.role ? `（${actor.role}）` : ''}`
    : '';

const eventsHtml = (events) =>
  tableHtml(
    ['版本', '事件', '发生时间', '记录时间', '操作者'],
    events.map((event) => [
      event.version,
      html`<span title="${event.type}">${label(EVENT_TYPES, event.type)}</span>`,
      formatDateTime(event.occurredAt),
      formatDateTime(event.recordedAt),
      actorText(event.envelope?.actor),
    ]),
  );

function showVerdict(element, verdict) {
  if (verdict.events === 0) showMessage(element, 'info', '没有这个办件的事件记录');
  else if (verdict.intact)
    showMessage(element, 'ok', `事件链完整：共 ${verdict.events} 条事件，未被篡改、删除或调换`);
  else
    showMessage(
      element,
      'error',
      `事件链被篡改于第 ${verdict.brokenAtVersion} 条（共 ${verdict.events} 条）`,
    );
}

export function renderAudit(root, { params }) {
  const caseId = params[0] ?? '';
  mount(
    root,
    html`<h2>审计回放</h2>
      <form class="toolbar">
        <label>办件 ID <input name="caseId" required size="40" value="${caseId}" /></label>
        <button type="submit">回放并核验</button>
      </form>
      <div class="verdict"></div>
      <div class="events"></div>`,
  );
  const verdictBox = root.querySelector('.verdict');
  root.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { caseId: typed } = formValues(event.target);
    if (isUuid(typed)) location.hash = `#/audit/${encodeURIComponent(typed)}`;
    else showMessage(verdictBox, 'error', '办件 ID 格式不正确，应为 UUID');
  });
  if (!caseId) return;

  const stream = encodeURIComponent(caseId);
  api('audit', `/audit/streams/${stream}/verification`).then(
    (verdict) => showVerdict(verdictBox, verdict),
    (error) => showError(verdictBox, error),
  );
  api('audit', `/audit/streams/${stream}/events`).then(
    (events) => events.length > 0 && mount(root.querySelector('.events'), eventsHtml(events)),
    (error) => showError(root.querySelector('.events'), error),
  );
}
