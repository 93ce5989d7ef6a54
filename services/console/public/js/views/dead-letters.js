import { api, hasRole } from '../api.js';
import { formatDateTime, html, messageHtml, mount, showError, tableHtml } from '../html.js';
import { eventTypeLabel } from '../labels.js';

const REASONS = {
  'contract-violation': '格式不符合消息约定',
  'unverified-producer': '来源无法核实（未签名或签名不符）',
  'permanent-failure': '处理方判定无法处理',
  'retries-exhausted': '多次重试仍失败',
};

const SERVICES = {
  'oneseal-intake': '受理服务',
  'oneseal-routing': '流转服务',
  'oneseal-approval': '审批服务',
  'oneseal-seal': '用印服务',
  'oneseal-notification': '通知服务',
  'oneseal-audit': '审计服务',
};

const serviceName = (name) => SERVICES[`oneseal-${name}`] ?? name;

/**
 * One recorded problem in words (the recorded text, as the services wrote it for their logs, on hover; 查看 shows
 * them all).
 */
function issueText(issue) {
  const retried = /^failed (\d+) times; last: ([A-Za-z]*)/.exec(issue);
  if (retried) return `处理 ${retried[1]} 次均出错${retried[2] ? `（最后一次：${retried[2]}）` : ''}`;
  if (issue.startsWith('unsigned:')) return '消息没有发送方的签名';
  const wrongProducer = /^(\S+) is published by (\S+), not (\S+)$/.exec(issue);
  if (wrongProducer)
    return `「${eventTypeLabel(wrongProducer[1])}」应由${serviceName(wrongProducer[2])}发出，签名却来自${serviceName(wrongProducer[3])}`;
  const badSignature = /^signature of (\S+) does not verify$/.exec(issue);
  if (badSignature) return `与${serviceName(badSignature[1])}的签名不符（消息可能在途中被改动）`;
  const field = /^([\w.[\]]+): /.exec(issue);
  if (field) return `字段 ${field[1]} 不符合消息约定`;
  return issue;
}

/** oneseal.intake.application-submitted.v1 → 提交申请. */
const messageName = (topic) => {
  const type = /^oneseal\.(.+)\.v\d+$/.exec(topic)?.[1];
  return type ? eventTypeLabel(type) : topic;
};

/** The message by name (the topic itself on hover, for the operator). */
const topicHtml = (letter) =>
  html`<span title="${letter.originalTopic}">${messageName(letter.originalTopic)}</span>（分区
    ${letter.originalPartition}，位置 ${letter.originalOffset}）`;

function listHtml(letters, canReplay) {
  return tableHtml(
    ['搁置时间', '处理方', '消息', '原因', '说明', '重放', ''],
    letters.map((letter) => [
      formatDateTime(letter.failedAt),
      SERVICES[letter.consumer] ?? letter.consumer,
      topicHtml(letter),
      REASONS[letter.reason] ?? letter.reason,
      // The first problem only; 查看 shows them all, with the message itself.
      letter.issues.length === 0
        ? ''
        : html`<span title="${letter.issues[0]}">${issueText(letter.issues[0])}</span>${letter.issues.length >
            1
              ? `（等 ${letter.issues.length} 项）`
              : ''}`,
      letter.replayedAt ? `${letter.replayedByName ?? ''} 于 ${formatDateTime(letter.replayedAt)}` : '未重放',
      html`<button type="button" class="show-letter" data-id="${letter.id}">查看</button> ${canReplay
          ? html`<button type="button" class="replay-letter" data-id="${letter.id}">重放</button>`
          : ''}`,
    ]),
    '没有死信消息：各服务都已处理了收到的全部消息。',
  );
}

/** Parked messages, for the platform's operators to look into and send back once the cause is fixed. */
export function renderDeadLetters(root, { user }) {
  const canReplay = hasRole(user, 'system-admin');
  mount(
    root,
    html`<h2>
        死信消息
        <small>各服务无法处理而搁置的消息；排除原因后可重放，由原服务重新处理（已处理过的不会重复）</small>
      </h2>
      <div class="letter-message"></div>
      <div class="letters"></div>
      <pre class="letter-detail card" hidden></pre>`,
  );
  const list = root.querySelector('.letters');
  const message = root.querySelector('.letter-message');
  const detail = root.querySelector('.letter-detail');
  const load = async () => {
    try {
      mount(list, listHtml(await api('audit', '/dead-letters'), canReplay));
    } catch (error) {
      showError(list, error);
    }
  };
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-id]');
    if (!button) return;
    const { id } = button.dataset;
    try {
      if (button.matches('.show-letter')) {
        detail.textContent = JSON.stringify(
          await api('audit', `/dead-letters/${encodeURIComponent(id)}`),
          null,
          2,
        );
        detail.hidden = false;
        return;
      }
      if (!window.confirm('把这条消息送回原服务重新处理？')) return;
      button.disabled = true;
      const replayed = await api('audit', `/dead-letters/${encodeURIComponent(id)}/replay`, {
        method: 'POST',
      });
      mount(
        message,
        messageHtml('ok', `已将「${messageName(replayed.originalTopic)}」消息送回，由原服务重新处理。`),
      );
      await load();
    } catch (error) {
      showError(message, error);
      button.disabled = false;
    }
  });
  load();
}
