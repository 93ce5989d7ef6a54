import { api, documentUrl } from '../api.js';
import { formatDateTime, html, messageHtml, mount, showError, showMessage, tableHtml } from '../html.js';
import { RATING_CATEGORIES, RATING_SCORES } from '../labels.js';

const COMMENT_MAX = 200;
const DISSATISFIED_AT_MOST = 2;
// Before these stages the case is still being handled, so there is nothing to rate yet.
const STILL_OPEN = ['submitted', 'in-progress', 'awaiting-correction', 'suspended'];

// Both are read off paper or an SMS and typed on a phone: full-width characters (NFKC), spaces, lower case and
// dropped dashes are the usual slips. The service still decides what is valid.
const receiptNumberOf = (text) => text.normalize('NFKC').replace(/\s/g, '');

function queryCodeOf(text) {
  const typed = text.normalize('NFKC').toUpperCase().replace(/\s/g, '');
  const compact = typed.replace(/-/g, '');
  return compact.length === 12 ? compact.match(/.{4}/g).join('-') : typed;
}

function factsOf(answer) {
  const step = answer.currentStep;
  return [
    ['办件编号', answer.receiptNumber],
    ['办理事项', answer.matterName],
    ['办理状态', html`<strong>${answer.stageText}</strong>`],
    ['提交时间', formatDateTime(answer.submittedAt)],
    ['受理时间', formatDateTime(answer.acceptedAt)],
    [
      '承诺办结日期',
      answer.committedDueDate &&
        `${answer.committedDueDate}${answer.dueDateProvisional ? '（暂定：该年节假日安排尚未公布）' : ''}`,
    ],
    ['当前环节', step && `${step.stepName}（${step.levelText}），${step.openedOn} 起办理`],
    ['办理结果', answer.resultText ?? answer.result],
    ['办结时间', formatDateTime(answer.concludedAt)],
    [
      '结果文书',
      answer.documentId &&
        !answer.documents?.length &&
        html`<a href="${documentUrl(answer.documentId)}" target="_blank" rel="noopener"
            >查看加盖电子印章的文书（PDF）</a
          >
          <span class="muted">可在<a href="#/verify">文书核验</a>核验文书真伪（无需登录）</span>`,
    ],
    [
      '文书',
      answer.documents?.length &&
        html`<ul class="plain">
            ${answer.documents.map(
              (document) =>
                html`<li>
                  <a href="${documentUrl(document.documentId)}" target="_blank" rel="noopener"
                    >${document.title}</a
                  >
                  <span class="muted">${document.number}</span>
                </li>`,
            )}
          </ul>
          <span class="muted">可在<a href="#/verify">文书核验</a>核验文书真伪（无需登录）</span>`,
    ],
  ].filter(([, value]) => value);
}

/** The reasons of a 差评 to pick from (shown once a 差评 is chosen). */
export const reasonChoicesHtml = () =>
  html`<fieldset class="reasons" hidden>
    <legend>不满意的方面（可多选）</legend>
    ${Object.entries(RATING_CATEGORIES).map(
      ([code, title]) =>
        html`<label class="choice"
          ><input type="checkbox" name="category" value="${code}" /> ${title}</label
        >`,
    )}
  </fieldset>`;

/** A 差评's reasons as picked: a category or words, and words with 其他 alone (the services check it too). */
export function reasonProblem(score, categories, comment) {
  if (score > DISSATISFIED_AT_MOST) return null;
  if (!categories.length && !comment) return '差评请选择不满意的方面或写明原因，以便整改';
  if (categories.length === 1 && categories[0] === 'other' && !comment) return '选择“其他”时请写明原因';
  return null;
}

/** The services rated at the counter (窗口受理, 结果领取), each with the town's answer to a 差评. */
function counterRatingsHtml(answer) {
  if (!answer.counterRatings?.length) return '';
  return html`<h3>窗口服务评价</h3>
    ${answer.counterRatings.map(
      (rating) =>
        html`<dl class="facts">
          <dt>${rating.serviceEventText}</dt>
          <dd>
            ${rating.scoreText}${rating.reasons.length > 0 ? `（${rating.reasons.join('、')}）` : ''}
            <span class="muted">${formatDateTime(rating.ratedAt)}</span>
          </dd>
          ${rating.answer &&
          html`<dt>整改答复</dt>
            <dd>
              ${rating.answer.text}<br /><span class="muted"
                >${formatDateTime(rating.answer.answeredAt)}</span
              >
            </dd>`}
        </dl>`,
    )}`;
}

function ratingHtml(answer) {
  const rating = answer.rating;
  if (rating) {
    return html`<h3>服务评价</h3>
      <dl class="facts">
        <dt>评价</dt>
        <dd>${rating.scoreText}（${rating.score} 分）</dd>
        ${rating.reasons?.length > 0 &&
        html`<dt>不满意的方面</dt>
          <dd>${rating.reasons.join('、')}</dd>`}
        ${rating.comment &&
        html`<dt>意见</dt>
          <dd>${rating.comment}</dd>`}
        <dt>评价时间</dt>
        <dd>${formatDateTime(rating.ratedAt)}</dd>
        ${rating.answer &&
        html`<dt>整改答复</dt>
          <dd>
            ${rating.answer.text}<br /><span class="muted">${formatDateTime(rating.answer.answeredAt)}</span>
          </dd>`}
      </dl>
      ${rating.score <= DISSATISFIED_AT_MOST &&
      !rating.answer &&
      html`<p class="muted">
        您的意见已转办理单位核实整改${rating.rectifyBy
          ? `，${rating.rectifyBy} 前答复`
          : ''}，整改答复将在此告知。
      </p>`}`;
  }
  if (answer.mayRate) {
    const scores = Object.entries(RATING_SCORES).sort(([a], [b]) => Number(b) - Number(a));
    return html`<form class="card rating">
      <h3>评价本次服务</h3>
      <fieldset class="scores">
        <legend>满意程度</legend>
        ${scores.map(
          ([score, title]) =>
            html`<label><input type="radio" name="score" value="${score}" required /> ${title}</label>`,
        )}
      </fieldset>
      ${reasonChoicesHtml()}
      <label
        >意见（最多 ${COMMENT_MAX} 字）
        <textarea name="comment" rows="3" maxlength="${COMMENT_MAX}"></textarea>
      </label>
      <p class="muted reason-hint" hidden>差评请选择不满意的方面，必要时写明原因，以便整改</p>
      <div class="message"></div>
      <button type="submit" class="primary">提交评价</button>
    </form>`;
  }
  return STILL_OPEN.includes(answer.stage) ? html`<p class="muted">办结后可在此评价本次服务。</p>` : '';
}

/** 行政许可法 art. 45: the applicant is told which procedure stops the clock and how long it is expected to take. */
const specialProcedureText = ({ procedure, since, expectedWorkingDays }) =>
  `本办件自 ${since} 起进行${procedure}，计时中止${
    expectedWorkingDays ? `，预计需 ${expectedWorkingDays} 个工作日` : ''
  }；${procedure}所需时间不计入办理期限。`;

/** A case as its applicant sees it, with the rating form once it may be rated (see wireRating). */
export function progressHtml(answer) {
  const correction = answer.correction;
  return html`${correction &&
    messageHtml(
      'error',
      `需补正的材料：请于补正期限 ${correction.supplyBy} 前补齐以下材料（逾期未补正的，按补正不来办结）`,
      correction.missingMaterials,
    )}${answer.specialProcedure && messageHtml('info', specialProcedureText(answer.specialProcedure))}
    <dl class="facts">
      ${factsOf(answer).map(
        ([name, value]) =>
          html`<dt>${name}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    <h3>办理过程</h3>
    ${tableHtml(
      ['环节', '办理层级', '办理结果', '办理时间'],
      answer.history.map((record) => [
        record.stepName,
        record.levelText,
        // The reason of a step that did not pass is the applicant's to know (行政许可法 art. 38).
        record.reason ? `${record.outcomeText}：${record.reason}` : record.outcomeText,
        formatDateTime(record.decidedAt),
      ]),
      '暂无办理记录。',
    )}
    ${ratingHtml(answer)}${counterRatingsHtml(answer)}`;
}

/**
 * The public progress counter: the applicant follows their case with the receipt number and the query code given
 * at filing, no account needed. A link `#/progress/<办件编号>/<查询码>` (as an SMS may carry) looks up at once.
 */
export function renderProgress(root, { params }) {
  mount(
    root,
    html`<h2>办件查询</h2>
      <form class="card lookup">
        <p>输入受理回执上的办件编号和查询码（短信中也有），查询办理进度；办结后可评价本次服务。</p>
        <label
          >办件编号
          <input
            name="receiptNumber"
            required
            size="24"
            maxlength="40"
            placeholder="140525-20261202-000001"
            autocomplete="off"
            spellcheck="false"
        /></label>
        <label
          >查询码
          <input
            name="queryCode"
            required
            maxlength="30"
            placeholder="K7QM-3XPD-9RTA"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
        /></label>
        <button type="submit" class="primary">查询</button>
      </form>
      <div class="message"></div>
      <div class="answer"></div>`,
  );
  const form = root.querySelector('form.lookup');
  const message = root.querySelector('.message');
  const answerBox = root.querySelector('.answer');
  // The pair the shown answer was found with: a rating goes to that case even if the form was edited since.
  let shown = null;

  async function lookup(credentials) {
    const button = form.querySelector('button');
    button.disabled = true;
    mount(message, '');
    try {
      const answer = await api('routing', '/progress/lookup', { method: 'POST', body: credentials });
      shown = credentials;
      mount(answerBox, progressHtml(answer));
      return true;
    } catch (error) {
      // Another case's details must not stay on screen under a "not found" for the number just typed.
      shown = null;
      mount(answerBox, '');
      showError(message, error);
      return false;
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const receiptNumber = receiptNumberOf(form.elements.receiptNumber.value);
    const queryCode = queryCodeOf(form.elements.queryCode.value);
    form.elements.receiptNumber.value = receiptNumber;
    form.elements.queryCode.value = queryCode;
    void lookup({ receiptNumber, queryCode });
  });

  wireRating(answerBox, async (rating) => {
    // The case on screen, even if the form was edited since it was looked up.
    const credentials = shown;
    await api('routing', '/progress/rating', { method: 'POST', body: { ...credentials, ...rating } });
    if (await lookup(credentials)) showMessage(message, 'ok', '评价已提交，感谢您的反馈');
  });

  const [receiptNumber = '', queryCode = ''] = params;
  form.elements.receiptNumber.value = receiptNumber;
  form.elements.queryCode.value = queryCode;
  if (receiptNumber && queryCode) {
    // The query code opens the case to anyone holding it: keep it out of the address bar and the back button on
    // a shared window PC. replaceState fires no hashchange, so the page stays as it is.
    history.replaceState(null, '', '#/progress');
    form.requestSubmit();
  }
}

/**
 * The rating form of a shown case: asks for a reason with a 差评 before anything is sent, then hands the rating to
 * `submit` (which counter it goes to is the page's).
 */
export function wireRating(box, submit) {
  box.addEventListener('change', (event) => {
    if (event.target.name !== 'score') return;
    const satisfied = Number(event.target.value) > DISSATISFIED_AT_MOST;
    box.querySelector('.reason-hint').hidden = satisfied;
    box.querySelector('.reasons').hidden = satisfied;
  });
  box.addEventListener('submit', async (event) => {
    if (!event.target.matches('form.rating')) return;
    event.preventDefault();
    const rating = event.target;
    const ratingMessage = rating.querySelector('.message');
    const score = Number(rating.elements.score.value);
    const comment = rating.elements.comment.value.trim();
    const categories =
      score <= DISSATISFIED_AT_MOST
        ? [...rating.querySelectorAll('input[name=category]:checked')].map((box) => box.value)
        : [];
    // The service refuses it too; asking here keeps what the applicant typed on screen.
    const problem = reasonProblem(score, categories, comment);
    if (problem) {
      showMessage(ratingMessage, 'error', problem);
      return;
    }
    const button = rating.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await submit({ score, ...(comment ? { comment } : {}), ...(categories.length ? { categories } : {}) });
    } catch (error) {
      showError(ratingMessage, error);
      button.disabled = false;
    }
  });
}
