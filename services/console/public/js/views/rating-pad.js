import { api } from '../api.js';
import { html, mount, showError } from '../html.js';
import { RATING_CATEGORIES, RATING_SCORES } from '../labels.js';
import { townLabel } from '../names.js';
import { reasonProblem } from './progress.js';

const POLL_MS = 3000;
const THANKS_MS = 6000;
/** How long a half-given 差评 holds the pad before the next service may take it. */
const CHOOSING_MS = 120_000;
const DISSATISFIED_AT_MOST = 2;

const idleHtml = (user) =>
  html`<div class="pad-idle">
    <p class="pad-center">${townLabel(user.town)}便民服务中心</p>
    <p class="pad-clerk">${user.name} 为您服务</p>
    <p class="muted">办理完成后，请在此对本次服务进行评价</p>
  </div>`;

const askHtml = (request) =>
  html`<form class="pad-rating" data-case-id="${request.caseId}" data-service-event="${request.serviceEvent}">
    <p class="pad-title">请您对本次服务进行评价</p>
    <p class="pad-what">${request.serviceEventText} · ${request.matterName ?? ''}</p>
    <p class="muted">服务人员：${request.clerkName}</p>
    <div class="pad-scores">
      ${Object.entries(RATING_SCORES)
        .sort(([a], [b]) => Number(b) - Number(a))
        .map(
          ([score, title]) =>
            html`<button type="button" class="pad-score score-${score}" data-score="${score}">
              ${title}
            </button>`,
        )}
    </div>
    <fieldset class="pad-reasons" hidden>
      <legend>请选择不满意的方面（可多选）</legend>
      ${Object.entries(RATING_CATEGORIES).map(
        ([code, title]) =>
          html`<label class="pad-reason"
            ><input type="checkbox" name="category" value="${code}" />${title}</label
          >`,
      )}
      <label class="pad-comment">意见（可不填） <input name="comment" maxlength="200" /></label>
      <button type="submit" class="primary pad-submit">提交评价</button>
    </fieldset>
    <div class="message" role="status"></div>
  </form>`;

const thanksHtml = () =>
  html`<div class="pad-idle">
    <p class="pad-title">感谢您的评价！</p>
    <p class="muted">祝您生活愉快</p>
  </div>`;

/**
 * 评价器 (#/pad): a tablet at the counter, signed in as the clerk, facing the applicant. It shows the service the
 * clerk just asked to be rated (受理 or 结果领取) with large buttons; a 差评 asks what it is about. One rating per
 * service; nothing else can be done from it.
 */
export function renderRatingPad(root, { user }) {
  document.body.classList.add('pad-mode');
  const board = document.createElement('div');
  board.className = 'pad-board';
  root.replaceChildren(board);
  let shown = null;
  let resting = false;

  async function poll() {
    if (!root.isConnected) {
      document.body.classList.remove('pad-mode');
      return;
    }
    // An applicant in the middle of a 差评's reasons keeps their screen until they send it.
    const choosing = board.querySelector('form.pad-rating[data-chosen-score]');
    const stillChoosing = choosing && Date.now() - Number(choosing.dataset.chosenAt) < CHOOSING_MS;
    if (!resting && !stillChoosing) {
      try {
        const { request } = await api('routing', '/rating-pad/request');
        const key = request && `${request.caseId}:${request.serviceEvent}`;
        if (key !== shown) {
          shown = key;
          mount(board, request ? askHtml(request) : idleHtml(user));
        }
      } catch (error) {
        showError(board, error);
        shown = null;
      }
    }
    setTimeout(poll, POLL_MS);
  }

  async function send(form, score, categories = [], comment = '') {
    const message = form.querySelector('.message');
    for (const button of form.querySelectorAll('button')) button.disabled = true;
    try {
      await api('routing', '/rating-pad/ratings', {
        method: 'POST',
        body: {
          caseId: form.dataset.caseId,
          serviceEvent: form.dataset.serviceEvent,
          score,
          ...(categories.length ? { categories } : {}),
          ...(comment ? { comment } : {}),
        },
      });
      resting = true;
      mount(board, thanksHtml());
      setTimeout(() => {
        resting = false;
        shown = null;
      }, THANKS_MS);
    } catch (error) {
      showError(message, error);
      for (const button of form.querySelectorAll('button')) button.disabled = false;
    }
  }

  board.addEventListener('click', (event) => {
    const chosen = event.target.closest('button[data-score]');
    if (!chosen) return;
    const form = chosen.closest('form');
    const score = Number(chosen.dataset.score);
    for (const button of form.querySelectorAll('[data-score]'))
      button.setAttribute('aria-pressed', String(button === chosen));
    form.dataset.chosenScore = String(score);
    form.dataset.chosenAt = String(Date.now());
    if (score > DISSATISFIED_AT_MOST) void send(form, score);
    else form.querySelector('.pad-reasons').hidden = false;
  });
  board.addEventListener('change', () => board.querySelector('.message')?.replaceChildren());
  board.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const score = Number(form.dataset.chosenScore);
    const categories = [...form.querySelectorAll('input[name=category]:checked')].map((box) => box.value);
    const comment = form.elements.comment.value.trim();
    const problem = reasonProblem(score, categories, comment);
    if (problem) {
      showError(form.querySelector('.message'), { message: problem });
      return;
    }
    void send(form, score, categories, comment);
  });
  mount(board, idleHtml(user));
  void poll();
}
