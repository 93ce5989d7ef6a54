import { api, documentUrl, hasRole } from '../api.js';
import {
  deadlineText,
  formatDateTime,
  formValues,
  html,
  linesOf,
  messageHtml,
  mount,
  showError,
  showMessage,
  tableHtml,
} from '../html.js';
import {
  CASE_STAGES,
  describeWarningKey,
  label,
  NOTIFICATION_STATUSES,
  outcomeWord,
  RECIPIENT_KINDS,
  SERVICE_EVENTS,
  SPECIAL_PROCEDURES,
  TASK_STATUSES,
} from '../labels.js';
import { unitLabel } from '../names.js';
import { renderCaseFile } from './case-file.js';
import { caseSearchFormHtml, wireCaseSearch } from './case-search.js';
import { askForRating, COUNTER_EVENTS, rateButtonHtml } from './rating-request.js';

/** Stalled steps that stop before the current step's task reaches its unit: nobody there has it yet. */
const TASK_NOT_DELIVERED = new Set(['openReviewTask', 'handOverReviewTask']);

function factsOf(status) {
  const step = status.currentStep;
  const stepText =
    step &&
    (TASK_NOT_DELIVERED.has(status.attention?.activity)
      ? `${step.kind}（${unitLabel(step.unitCode)}），待办尚未送达办理单位（办件已暂停，见上方提示）`
      : `${step.kind}（${unitLabel(step.unitCode)}），${step.openedOn} 起，` +
        `环节期限 ${deadlineText(step.deadline) || '计时中止'}`);
  return [
    ['办件编号', status.receiptNumber],
    ['状态', label(CASE_STAGES, status.stage)],
    ['当前环节', stepText],
    [
      '受理日期',
      status.acceptedOn &&
        `${status.acceptedOn}${status.deemedAccepted ? '（五个工作日内未受理也未告知补正，依法视为受理）' : ''}`,
    ],
    ['承诺办结日期', deadlineText(status.committedDeadline)],
    ['法定办结日期', deadlineText(status.statutoryDeadline)],
    ['已延长', status.extensionWorkingDays ? `${status.extensionWorkingDays} 个工作日` : ''],
    ['办结结果', status.resultText ?? status.result],
    [
      '结果文书',
      status.documentId &&
        !status.documents &&
        html`<a href="${documentUrl(status.documentId)}" target="_blank" rel="noopener"
          >查看加盖电子印章的文书（PDF）</a
        >`,
    ],
  ].filter(([, value]) => value);
}

/** Every document the case produced, each under its issuing organ's seal: open, save under its name, print. */
function documentsHtml(documents) {
  if (!documents?.length) return '';
  return html`<h3>文书</h3>
    <table class="documents">
      <thead>
        <tr>
          <th>文书</th>
          <th>文号</th>
          <th>发文机关</th>
          <th>出具时间</th>
          <th>验证码</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${documents.map(
          (document) =>
            html`<tr>
              <td>${document.title}</td>
              <td>${document.number}</td>
              <td>${document.issuerName}</td>
              <td>${formatDateTime(document.issuedAt)}</td>
              <td>${document.verificationCode}</td>
              <td class="document-actions">
                <a href="${documentUrl(document.documentId)}" target="_blank" rel="noopener">查看</a>
                <a href="${documentUrl(document.documentId)}" download="${document.fileName}">下载</a>
                <button type="button" class="link" data-print="${document.documentId}">打印</button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="document-print-message"></div>`;
}

/**
 * Prints a PDF as it is (A4, the seal where the organ put it), through a hidden frame. A document whose file cannot be
 * read answers with a page saying so: that is said under the table (`said`), not printed.
 */
function printDocument(documentId, said) {
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.src = documentUrl(documentId);
  frame.addEventListener('load', () => {
    const page = frame.contentDocument;
    // Anything but the PDF (a browser whose PDF viewer keeps the frame's document to itself shows none: printed).
    if (page && page.contentType !== 'application/pdf') {
      const heading = page.querySelector('h1')?.textContent ?? '这份文书目前无法打开';
      // Which one: its title and 文号, as the page names them.
      const named = [...page.querySelectorAll('dd')].map((fact) => fact.textContent).join(' ');
      const why = page.querySelector('main p')?.textContent ?? '请刷新页面后再试。';
      showError(said, { message: `${heading}${named ? `（${named}）` : ''}：${why}` });
      frame.remove();
      return;
    }
    mount(said, '');
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
  });
  document.body.append(frame);
  setTimeout(() => frame.remove(), 60_000);
}

/** What stalled the case, in a clerk's words: which step of work, since when, and who can put it right. */
const STALLED_ACTIVITIES = {
  openReviewTask: '把待办送到办理单位',
  closeReviewTask: '记录环节的办理结果',
  handOverReviewTask: '记录环节的办理结果并把待办送到下一环节',
  cancelReviewTask: '撤下待办',
  rescheduleReviewTask: '调整待办到期日',
  computeDeadline: '计算办理时限',
  announce: '通报办理进展',
  stampDecision: '加盖印章',
  issueDocument: '出具文书',
};

/** What the database refused, by its SQLSTATE (class 22: a value it cannot take). */
const DATA_PROBLEMS = {
  23502: '缺少必须填写的数据',
  23503: '引用的数据不存在',
  23505: '与已有记录重复',
  23514: '不符合数据库的校验规则',
};
const dataProblem = (code) =>
  DATA_PROBLEMS[code] ?? (code?.startsWith('22') ? '数据的格式或取值无效' : '数据有误');

function attentionHtml(attention) {
  if (!attention) return '';
  return html`<div class="msg msg-error attention" role="alert">
    <p><strong>办件已暂停，需人工处理</strong></p>
    <p>
      自 ${formatDateTime(attention.since)}
      起，系统在「${STALLED_ACTIVITIES[attention.activity] ??
      attention.activity}」时因数据问题（${dataProblem(
        attention.code,
      )}）无法继续。请联系本县系统管理员：排除问题后由其「重新执行」，办件从暂停处继续，办理记录不丢失。
    </p>
    <p class="muted">供系统管理员排查：数据库错误代码 ${attention.code}</p>
  </div>`;
}

function statusHtml(status) {
  const correction = status.correction;
  return html`${attentionHtml(status.attention)}
    <dl class="facts">
      ${factsOf(status).map(
        ([name, value]) =>
          html`<dt>${name}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    ${documentsHtml(status.documents)}
    ${correction &&
    messageHtml(
      'info',
      `待补正：请申请人于 ${correction.supplyBy} 前补齐以下材料（逾期按补正不来办结）`,
      correction.missingMaterials,
    )}
    ${status.warningsRaised.length > 0 &&
    messageHtml('error', '已发出的时限预警', status.warningsRaised.map(describeWarningKey))}
    <h3>计时中止记录</h3>
    ${tableHtml(
      ['原因', '起', '止'],
      status.clockStops.map((stop) => [stop.reason, stop.from, stop.to ?? '进行中']),
    )}
    <h3>办理记录</h3>
    ${tableHtml(
      ['环节', '办理结果', '办理人', '办理意见', '办理时间'],
      status.history.map((record) => [
        record.kind,
        outcomeWord(record.kind, record.outcome),
        record.handlerName ?? record.handlerId,
        record.opinion,
        formatDateTime(record.decidedAt),
      ]),
    )}`;
}

const tasksHtml = (tasks) =>
  tableHtml(
    ['环节', '办理单位', '状态', '到期日', '签收/办理人', '办理结果', '打开时间'],
    tasks.map((task) => [
      task.stepName,
      unitLabel(task.unitCode),
      label(TASK_STATUSES, task.status),
      task.dueDate,
      task.handlerName ?? task.claimedByName,
      `${task.outcome ? outcomeWord(task.stepName, task.outcome, task.level) : ''}${task.cancelReason ? `（${task.cancelReason}）` : ''}`,
      formatDateTime(task.openedAt),
    ]),
  );

const notificationsHtml = (notifications) =>
  tableHtml(
    ['时间', '接收方', '渠道', '内容', '发送状态'],
    notifications.map((note) => [
      formatDateTime(note.createdAt),
      `${label(RECIPIENT_KINDS, note.recipientKind)} ${note.recipientKind === 'staff-unit' ? unitLabel(note.recipient) : note.recipient}`,
      note.channel === 'sms' ? '短信' : '站内',
      note.body,
      `${label(NOTIFICATION_STATUSES, note.status)}${note.lastError ? `（${note.lastError}）` : ''}`,
    ]),
  );

const actionForm = (action, title, fields, submit) =>
  html`<details>
    <summary>${title}</summary>
    <form data-action="${action}">${fields}<button type="submit">${submit}</button></form>
  </details>`;

/** The case actions, each a small form; which appear follows who may ask (the service still decides). */
function actionsHtml(user, status) {
  const reason = html`<label>理由 <input name="reason" required maxlength="500" /></label>`;
  const missing = (status?.correction?.missingMaterials ?? []).join('\n');
  const forms = [];
  if (hasRole(user, 'town-window', 'village-agent')) {
    forms.push(
      actionForm(
        'correction-supplied',
        '补正已收到',
        html`<label
          >申请人补交的材料（每行一项）<textarea name="suppliedMaterials" rows="3" required>
${missing}</textarea
          >
        </label>`,
        '确认补正已收到',
      ),
      actionForm('withdrawal', '撤回申请', reason, '确认撤回'),
    );
  }
  if (hasRole(user, 'town-leader', 'county-officer')) {
    const procedures = SPECIAL_PROCEDURES.map((name) => html`<option>${name}</option>`);
    forms.push(
      actionForm(
        'suspension',
        '启动特别程序',
        html`<label
            >特别程序
            <select name="procedure">
              ${procedures}
            </select></label
          ><label
            >预计工作日
            <input name="expectedWorkingDays" type="number" min="1" max="60" required size="4" /></label
          >${reason}`,
        '启动（计时中止）',
      ),
      actionForm('resumption', '结束特别程序', '', '结束特别程序（计时恢复）'),
      actionForm(
        'extension',
        '延长办理时限',
        html`<label
            >延长工作日数（最多 10 日，限一次）
            <input name="extraWorkingDays" type="number" min="1" max="10" required /></label
          >${reason}`,
        '批准延长',
      ),
    );
  }
  if (status?.attention && hasRole(user, 'admin')) {
    forms.push(
      actionForm(
        'stalled-step-retry',
        '重新执行暂停的环节',
        html`<p class="muted">请先排除问题再重新执行；如仍有环节因数据问题暂停，页面会再次提示。</p>
          <label>已如何排除问题（记入审计记录）<input name="note" required maxlength="500" /></label>`,
        '重新执行',
      ),
    );
  }
  return forms.length
    ? html`<h3>办件操作</h3>
        <div class="case-actions">${forms}</div>
        <div class="action-message"></div>`
    : '';
}

const BODY_OF = {
  'correction-supplied': (values) => ({ suppliedMaterials: linesOf(values.suppliedMaterials) }),
  withdrawal: (values) => ({ reason: values.reason }),
  suspension: (values) => ({
    procedure: values.procedure,
    reason: values.reason,
    expectedWorkingDays: Number(values.expectedWorkingDays),
  }),
  resumption: () => ({}),
  extension: (values) => ({ extraWorkingDays: Number(values.extraWorkingDays), reason: values.reason }),
  'stalled-step-retry': (values) => ({ note: values.note }),
};

function renderLookup(root) {
  mount(
    root,
    html`<h2>办件详情</h2>
      ${caseSearchFormHtml()}
      <div class="message"></div>
      <div class="found"></div>`,
  );
  wireCaseSearch(root, {
    list: root.querySelector('.found'),
    message: root.querySelector('.message'),
    onPick: (caseId) => (location.hash = `#/cases/${encodeURIComponent(caseId)}`),
  });
  root.querySelector('form.case-search input').focus();
}

/** 一次一评: the services this clerk gave the applicant of this case (受理, 送达), each to be rated on the 评价器. */
function counterRatingHtml(user, caseId, status) {
  if (!status || !hasRole(user, 'town-window', 'village-agent')) return '';
  const served = [
    ...new Set(
      status.history
        .filter((record) => record.handlerId === user.id && COUNTER_EVENTS[record.kind])
        .map((record) => COUNTER_EVENTS[record.kind]),
    ),
  ];
  if (!served.length) return '';
  return html`<h3>服务评价</h3>
    <p class="muted">申请人在窗口时，可请其在本窗口评价器上评价您办理的服务（每项服务评价一次）。</p>
    ${served.map(
      (serviceEvent) =>
        html`${rateButtonHtml(caseId, serviceEvent)}
          <span class="muted">${SERVICE_EVENTS[serviceEvent]}</span> `,
    )}
    <div class="message"></div>`;
}

export async function renderCase(root, { params, user }) {
  const caseId = params[0];
  if (!caseId) return renderLookup(root);
  const id = encodeURIComponent(caseId);
  const mayAudit = hasRole(user, 'auditor', 'supervisor', 'admin');
  mount(
    root,
    html`<h2>办件详情 <small class="receipt-number"></small></h2>
      ${mayAudit && html`<p><a href="#/audit/${id}">审计回放此办件的事件</a></p>`}
      <div class="status"><p class="muted">加载中…</p></div>
      <section class="case-file"><p class="muted">正在载入申请…</p></section>
      <div class="actions-area"></div>
      <div class="counter-rating"></div>
      <h3>待办</h3>
      <div class="tasks"></div>
      <div class="notifications"></div>`,
  );
  const box = (name) => root.querySelector(`.${name}`);

  async function load() {
    const [status, tasks, notifications] = await Promise.allSettled([
      api('routing', `/cases/${id}`),
      api('approval', '/tasks', { query: { caseId } }),
      api('notification', '/notifications', { query: { caseId } }),
    ]);
    if (status.status === 'fulfilled') {
      mount(box('status'), statusHtml(status.value));
      box('status')
        .querySelectorAll('[data-print]')
        .forEach((button) =>
          button.addEventListener('click', () =>
            printDocument(button.dataset.print, box('status').querySelector('.document-print-message')),
          ),
        );
      root.querySelector('h2 .receipt-number').textContent = status.value.receiptNumber;
    } else showError(box('status'), status.reason);
    if (tasks.status === 'fulfilled') mount(box('tasks'), tasksHtml(tasks.value));
    else showError(box('tasks'), tasks.reason);
    // Village agents and county officers may not read the town's message log: leave it out without a word.
    if (notifications.status === 'fulfilled')
      mount(
        box('notifications'),
        html`<h3>通知</h3>
          ${notificationsHtml(notifications.value)}`,
      );
    else if (notifications.reason.status !== 403) showError(box('notifications'), notifications.reason);
    return status.status === 'fulfilled' ? status.value : null;
  }

  renderCaseFile(box('case-file'), caseId);
  const status = await load();
  mount(box('actions-area'), actionsHtml(user, status));
  mount(box('counter-rating'), counterRatingHtml(user, caseId, status));
  box('counter-rating').addEventListener('click', (event) => {
    const button = event.target.closest('[data-rate-event]');
    if (button) void askForRating(button, box('counter-rating').querySelector('.message'));
  });
  box('actions-area').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const details = form.closest('details');
    const message = box('action-message');
    const submit = form.querySelector('button');
    submit.disabled = true;
    try {
      const body = BODY_OF[form.dataset.action](formValues(form));
      await api('routing', `/cases/${id}/${form.dataset.action}`, { method: 'POST', body });
      showMessage(message, 'ok', `已办理：${details.querySelector('summary').textContent}`);
      details.open = false;
      await load();
    } catch (error) {
      showError(message, error);
    } finally {
      submit.disabled = false;
    }
  });
}
