import { api } from '../api.js';
import { formatDateTime, html, messageHtml, mount, showError, tableHtml } from '../html.js';
import { LEVELS } from '../labels.js';

const DECISIONS = { confirmed: '本县已确认', objection: '本县有异议' };

function reviewHtml(review) {
  if (!review) return html`<p class="muted review-state">本县尚未审核这条规则。</p>`;
  const stale = review.current
    ? ''
    : html`<strong class="warning-text">（规则在审核之后有变化，请重新审核）</strong>`;
  return html`<p class="review-state">
    ${DECISIONS[review.decision]}${stale}：${review.reviewerName} 于 ${formatDateTime(review.reviewedAt)}
    ${review.note ? html`<br />意见：${review.note}` : ''}
  </p>`;
}

function ruleHtml(rule, canReview) {
  const count = rule.matterCount === null ? '' : html`<small>本县 ${rule.matterCount} 个事项按此办理</small>`;
  return html`<div class="card route-rule" data-key="${rule.key}">
    <h4>${rule.title} ${count}</h4>
    <p>${rule.rule}</p>
    ${tableHtml(
      ['环节', '层级', '承办', '时限（工作日）', '理由'],
      rule.steps.map((step) => [
        step.kind,
        LEVELS[step.level] ?? step.level,
        step.desk,
        step.budgetWorkingDays,
        step.because,
      ]),
    )}
    ${reviewHtml(rule.review)}
    ${canReview
      ? html`<div class="review-actions">
          <label>意见（有异议时必填） <input name="note" maxlength="500" /></label>
          <button type="button" class="primary" data-decision="confirmed">确认本县按此办理</button>
          <button type="button" data-decision="objection">提出异议</button>
          <div class="review-message"></div>
        </div>`
      : ''}
  </div>`;
}

/**
 * The route rules as routing applies them, for the county to review: every handling mode's steps, who takes each,
 * its budget and its reason. The administrator confirms each or objects with a reason.
 */
export function mountRouteRules(element, { user, canReview }) {
  const load = async () => {
    try {
      const rules = await api('intake', '/catalogue/route-rules', {
        query: { county: user.county },
      });
      const open = rules.filter((rule) => !rule.review?.current).length;
      mount(
        element,
        html`<p class="muted">
            办件的流转环节按下列规则由事项的「办理方式」生成（时限为县里设定的各环节工作日，办件实际时限不超过承诺办结时限）。
            ${open ? `还有 ${open} 条规则本县尚未审核（或审核后有变化）。` : '全部规则本县均已审核。'}
          </p>
          ${rules.map((rule) => ruleHtml(rule, canReview))}`,
      );
    } catch (error) {
      showError(element, error);
    }
  };

  element.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-decision]');
    if (!button) return;
    const card = button.closest('.route-rule');
    const note = card.querySelector('input[name=note]').value.trim();
    button.disabled = true;
    try {
      await api('intake', '/catalogue/route-rules/reviews', {
        method: 'POST',
        body: {
          county: user.county,
          key: card.dataset.key,
          decision: button.dataset.decision,
          ...(note ? { note } : {}),
        },
      });
      await load();
      const again = element.querySelector(`.route-rule[data-key="${CSS.escape(card.dataset.key)}"]`);
      mount(again.querySelector('.review-message'), messageHtml('ok', '已记录本县的审核意见。'));
    } catch (error) {
      showError(card.querySelector('.review-message'), error);
      button.disabled = false;
    }
  });

  load();
}
