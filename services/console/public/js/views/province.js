import { api, hasRole } from '../api.js';
import { caseLink, formatDateTime, html, messageHtml, mount, showError, tableHtml } from '../html.js';

const KINDS = { guide: '办事指南', stage: '办件环节' };

/** The adapter's log wording, in the words of the people who look after the exchange. */
function problemText(error) {
  if (!error) return '';
  const answered = /answered HTTP (\d+)(?::\s*(?:[A-Z_.]+\s+)?(.*))?$/.exec(error);
  if (answered) {
    const [, status, said] = answered;
    if (status === '401') return '省平台签名校验未通过（请核对对接账号和密钥）';
    return `省平台答复 ${status}${said ? `：${said}` : ''}`;
  }
  if (/no answer/.test(error)) return '省平台没有应答（网络中断或省平台维护），系统会自动重试';
  if (/other than JSON/.test(error)) return '省平台答复的内容无法识别，系统会自动重试';
  return '系统内部原因（详情见受理服务日志），系统会自动重试';
}

const countsText = ({ sent, pending, refused }) =>
  html`已推送 <strong>${sent}</strong> 条，待推送 <strong>${pending}</strong> 条${refused
      ? html`，<span class="warning-text">被省平台退回 ${refused} 条</span>`
      : ''}`;

function summaryHtml(status) {
  const { pushes, pull } = status;
  return html`<div class="card province-summary">
    <p>
      ${status.connected
        ? html`<span class="ok-text">已接入省一体化在线政务服务平台</span>`
        : html`<span class="warning-text">未接入省平台</span
            >（未配置对接地址，办事指南、办件信息不推送，也不接收“一网通办”申请）`}
    </p>
    ${tableHtml(
      ['交换内容', '情况'],
      [
        ['办事指南发布', countsText(pushes.guides)],
        ['办件环节推送', countsText(pushes.stages)],
        [
          '最早一条待推送',
          pushes.oldestPendingSince ? `${formatDateTime(pushes.oldestPendingSince)} 起等待` : '没有积压',
        ],
        ['最近一次推送成功', pushes.lastSentAt ? formatDateTime(pushes.lastSentAt) : '尚未推送'],
        [
          '“一网通办”申请接收',
          pull.lastError
            ? html`<span class="warning-text">最近一次接收失败：${problemText(pull.lastError)}</span>`
            : pull.pulledAt
              ? `最近一次接收 ${formatDateTime(pull.pulledAt)}`
              : '尚未接收',
        ],
      ],
    )}
  </div>`;
}

function troublesHtml(troubles, canRetry) {
  return tableHtml(
    ['内容', '事项', '办件编号', '环节', '情况', '尝试', '省平台答复', ''],
    troubles.map((push) => [
      KINDS[push.kind] ?? push.kind,
      push.matterName ?? '',
      push.caseNumber ?? '',
      push.stage ?? (push.kind === 'guide' ? '指南发布' : ''),
      push.status === 'refused'
        ? html`<span class="warning-text">被省平台退回</span>`
        : `等待重试（${formatDateTime(push.nextAttemptAt)}）`,
      `${push.attempts} 次`,
      problemText(push.lastError),
      push.status === 'refused' && canRetry
        ? html`<button type="button" class="retry-push" data-key="${push.key}">重新推送</button>`
        : '',
    ]),
    '没有推送异常：省平台收下了全部推送。',
  );
}

function applicationsHtml(applications) {
  return tableHtml(
    ['省平台申报号', '接收时间', '事项', '接收结果', '回复省平台'],
    applications.map((application) => [
      application.applicationId,
      formatDateTime(application.receivedAt),
      application.matterName,
      application.status === 'filed'
        ? html`已作为办件受理：${application.caseId
            ? caseLink(application.caseId, application.receiptNumber ?? '查看办件')
            : ''}`
        : html`<span class="warning-text">未予接收</span><br /><span class="muted"
              >${application.declineReason ?? ''}</span
            >`,
      application.answeredAt
        ? `已回复 ${formatDateTime(application.answeredAt)}`
        : html`<span class="warning-text">待回复</span>${application.answerError
              ? `（${problemText(application.answerError)}）`
              : ''}`,
    ]),
    '还没有从省平台“一网通办”接收到申请。',
  );
}

/**
 * 省平台对接: what the county has given the province (guides, each case's stages) and taken from it (一网通办
 * applications) — for the administrator, who sends a refused push again once the cause is settled, and for those
 * who supervise.
 */
export function renderProvince(root, { user }) {
  const canRetry = hasRole(user, 'admin');
  mount(
    root,
    html`<h2>
        省平台对接
        <small>与山西省一体化在线政务服务平台交换：发布办事指南、推送办件各环节、接收“一网通办”申请</small>
      </h2>
      <div class="province-message"></div>
      <div class="province-status"></div>
      <h3>推送异常</h3>
      <div class="province-troubles"></div>
      <h3>“一网通办”申请</h3>
      <div class="province-applications"></div>`,
  );
  const message = root.querySelector('.province-message');
  const load = async () => {
    try {
      const status = await api('intake', '/provincial-exchange');
      mount(root.querySelector('.province-status'), summaryHtml(status));
      mount(root.querySelector('.province-troubles'), troublesHtml(status.troubles, canRetry));
      mount(root.querySelector('.province-applications'), applicationsHtml(status.applications));
    } catch (error) {
      showError(message, error);
    }
  };
  root.querySelector('.province-troubles').addEventListener('click', async (event) => {
    const button = event.target.closest('button.retry-push');
    if (!button) return;
    if (!window.confirm('已与省平台核实并处理退回原因，重新推送这条记录？')) return;
    button.disabled = true;
    try {
      await api('intake', `/provincial-exchange/pushes/${encodeURIComponent(button.dataset.key)}/retry`, {
        method: 'POST',
      });
      mount(message, messageHtml('ok', '已重新排入推送，系统将很快发送。'));
      await load();
    } catch (error) {
      showError(message, error);
      button.disabled = false;
    }
  });
  load();
}
