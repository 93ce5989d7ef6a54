import { api, applicantSession } from '../api.js';
import { formatDateTime, html, mount, showError, showMessage } from '../html.js';
import { PAGE_TYPES, shrunk } from '../photos.js';
import { showApplicantSignIn, signedInHeader } from './applicant-sign-in.js';
import { progressHtml, wireRating } from './progress.js';

function caseCardHtml(item) {
  const due = item.committedDueDate && `${item.committedDueDate}${item.dueDateProvisional ? '（暂定）' : ''}`;
  return html`<li>
    <a class="case-card" href="#/my/${item.caseId}">
      <strong>${item.matterName}</strong>
      <span class="stage">${item.resultText ?? item.stageText}</span>
      <span class="muted">办件编号 ${item.receiptNumber}</span>
      <span class="muted"
        >${formatDateTime(item.submittedAt)}
        提交${item.concludedAt
          ? `，${formatDateTime(item.concludedAt)} 办结`
          : due
            ? `，承诺 ${due} 前办结`
            : ''}</span
      >
    </a>
  </li>`;
}

/** An applicant's login that ran out (two hours) asks them to sign in again, right where they are. */
let signInAgain = () => {};

function failed(root, error) {
  if (error.status === 401) {
    applicantSession.clear();
    signInAgain();
    showMessage(root.querySelector('.message'), 'error', '登录已过期，请重新获取验证码登录');
    return;
  }
  showError(root.querySelector('.message'), error);
}

async function showList(root, signedIn) {
  mount(
    root,
    html`${signedInHeader(signedIn)}
      <p><a class="button-link" href="#/matter">网上申请新的事项</a></p>
      <div class="message"></div>
      <div class="list"></div>`,
  );
  try {
    const cases = await api('routing', '/applicant/cases', { asApplicant: true });
    mount(
      root.querySelector('.list'),
      cases.length
        ? html`<ul class="case-cards">
            ${cases.map(caseCardHtml)}
          </ul>`
        : html`<p class="muted">没有以该手机号码申请的办件。</p>`,
    );
  } catch (error) {
    failed(root, error);
  }
}

const correctionHtml = (correction, pages) =>
  html`<section class="correction-online card">
    <h3>网上补正</h3>
    <p>请于 ${correction.supplyBy} 前，按补正告知书逐项上传材料的扫描件或照片，全部上传后点“提交补正”。</p>
    <ul class="correction-materials">
      ${correction.missingMaterials.map((name) => {
        const uploaded = pages.filter((page) => page.materialName === name);
        return html`<li>
          <strong>${name}</strong>
          ${uploaded.length
            ? html`<span class="ok">已上传：${uploaded.map((page) => page.fileName).join('、')}</span>`
            : html`<span class="muted">尚未上传</span>`}
          <label class="upload"
            >上传文件或拍照
            <input type="file" multiple accept="${PAGE_TYPES}" data-material="${name}" aria-label="${name}"
          /></label>
        </li>`;
      })}
    </ul>
    <div class="correction-message" role="status"></div>
    <button type="button" class="primary submit-correction">提交补正</button>
  </section>`;

/** The 补正 asked for, with what has been uploaded for it since (pages of the case file uploaded as a 补正). */
async function showCorrection(box, caseId, correction, done) {
  const pages = await api('intake', `/applicant/cases/${encodeURIComponent(caseId)}/attachments`, {
    asApplicant: true,
  });
  box.correction = { correction, done };
  mount(
    box,
    correctionHtml(
      correction,
      pages.filter((page) => page.stage === 'correction'),
    ),
  );
}

/** Uploads each chosen file at once; 提交补正 hands the 补正 to the case (refused while anything is missing). */
function wireCorrection(box, caseId, failed) {
  const casePath = `/applicant/cases/${encodeURIComponent(caseId)}`;
  const say = (kind, text, lines) => showMessage(box.querySelector('.correction-message'), kind, text, lines);
  box.addEventListener('change', async (event) => {
    const input = event.target;
    if (!input.dataset?.material) return;
    const refused = [];
    for (const file of input.files) {
      const body = new FormData();
      body.append('materialName', input.dataset.material);
      body.append('file', await shrunk(file));
      try {
        await api('intake', `${casePath}/attachments`, { method: 'POST', form: body, asApplicant: true });
      } catch (error) {
        if (error.status === 401) return failed(error);
        refused.push(`${file.name}：${error.message}`);
      }
    }
    await showCorrection(box, caseId, box.correction.correction, box.correction.done);
    if (refused.length) say('error', '以下文件未能上传：', refused);
  });
  box.addEventListener('click', async (event) => {
    if (!event.target.matches('.submit-correction')) return;
    event.target.disabled = true;
    try {
      await api('routing', `${casePath}/correction-supplied`, { method: 'POST', asApplicant: true });
      mount(box, '');
      await box.correction.done();
    } catch (error) {
      if (error.status === 401) return failed(error);
      say(
        'error',
        error.message,
        (error.details?.missing ?? []).map((name) => `请上传：${name}`),
      );
      event.target.disabled = false;
    }
  });
}

async function showCase(root, signedIn, caseId) {
  mount(
    root,
    html`${signedInHeader(signedIn)}
      <p><a href="#/my">‹ 返回我的办件</a></p>
      <div class="message"></div>
      <div class="correction"></div>
      <div class="answer"></div>`,
  );
  const path = `/applicant/cases/${encodeURIComponent(caseId)}`;
  const answerBox = root.querySelector('.answer');
  const correctionBox = root.querySelector('.correction');
  async function load() {
    try {
      const answer = await api('routing', path, { asApplicant: true });
      mount(answerBox, progressHtml(answer));
      if (answer.correction) await showCorrection(correctionBox, caseId, answer.correction, afterCorrection);
      else mount(correctionBox, '');
      return true;
    } catch (error) {
      failed(root, error);
      return false;
    }
  }
  async function afterCorrection() {
    if (await load())
      showMessage(root.querySelector('.message'), 'ok', '补正材料已提交，办件恢复办理，结果将短信通知您');
  }
  wireCorrection(correctionBox, caseId, (error) => failed(root, error));
  wireRating(answerBox, async (rating) => {
    try {
      await api('routing', `${path}/rating`, { method: 'POST', body: rating, asApplicant: true });
    } catch (error) {
      // A login that ran out asks to sign in again, rather than a message about tokens under the form.
      if (error.status !== 401) throw error;
      failed(root, error);
      return;
    }
    if (await load()) showMessage(root.querySelector('.message'), 'ok', '评价已提交，感谢您的反馈');
  });
  await load();
}

/**
 * 我的办件: an applicant signs in with their mobile number and an SMS code (no account, no password) and sees every
 * case filed with that number, wherever it was filed, and each one's progress, documents and result.
 */
export function renderMyCases(root, { params }) {
  const [caseId] = params;
  mount(
    root,
    html`<h2>我的办件</h2>
      <div class="body"></div>`,
  );
  const body = root.querySelector('.body');
  const show = (signedIn) => (caseId ? showCase(body, signedIn, caseId) : showList(body, signedIn));
  signInAgain = () => showApplicantSignIn(body, show);
  body.addEventListener('click', (event) => {
    if (!event.target.matches('.sign-out')) return;
    applicantSession.clear();
    showApplicantSignIn(body, show);
  });
  const signedIn = applicantSession.current;
  if (signedIn) void show(signedIn);
  else showApplicantSignIn(body, show);
}
