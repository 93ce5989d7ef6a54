import { api, applicantSession } from '../api.js';
import { formatDateTime, html, mount, showError, showMessage } from '../html.js';
import { progressHtml, wireRating } from './progress.js';

const RESEND_SECONDS = 60;
// Typed on a phone: full-width digits and spaces are the usual slips; the services decide what is valid.
const digitsOf = (text) => text.normalize('NFKC').replace(/\s|-/g, '');

function signInHtml() {
  return html`<form class="card sign-in applicant-form">
      <p>用本人手机号码登录，查看以该号码申请的全部办件。验证码以短信发送，5 分钟内有效。</p>
      <label
        >手机号码
        <input name="phone" type="tel" inputmode="numeric" maxlength="13" autocomplete="tel" required />
      </label>
      <div class="code-row">
        <label
          >验证码
          <input
            name="code"
            inputmode="numeric"
            maxlength="6"
            autocomplete="one-time-code"
            placeholder="6 位数字"
          />
        </label>
        <button type="button" class="send-code">获取验证码</button>
      </div>
      <button type="submit" class="primary">登录</button>
    </form>
    <div class="message"></div>`;
}

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

function signedInHeader(signedIn) {
  return html`<p class="signed-in">
    手机号 ${signedIn.phoneShown} 已登录 <button type="button" class="link sign-out">退出</button>
  </p>`;
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

async function showCase(root, signedIn, caseId) {
  mount(
    root,
    html`${signedInHeader(signedIn)}
      <p><a href="#/my">‹ 返回我的办件</a></p>
      <div class="message"></div>
      <div class="answer"></div>`,
  );
  const path = `/applicant/cases/${encodeURIComponent(caseId)}`;
  const answerBox = root.querySelector('.answer');
  async function load() {
    try {
      mount(answerBox, progressHtml(await api('routing', path, { asApplicant: true })));
      return true;
    } catch (error) {
      failed(root, error);
      return false;
    }
  }
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

function showSignIn(root, then) {
  mount(root, signInHtml());
  const form = root.querySelector('form.sign-in');
  const message = root.querySelector('.message');
  const sendButton = form.querySelector('.send-code');
  let countdown;

  function waitToResend(seconds) {
    clearInterval(countdown);
    let left = Math.ceil(seconds);
    sendButton.disabled = true;
    sendButton.textContent = `${left} 秒后可重新获取`;
    countdown = setInterval(() => {
      left -= 1;
      if (left > 0 && root.isConnected) {
        sendButton.textContent = `${left} 秒后可重新获取`;
        return;
      }
      clearInterval(countdown);
      sendButton.disabled = false;
      sendButton.textContent = '重新获取验证码';
    }, 1000);
  }

  sendButton.addEventListener('click', async () => {
    const phone = digitsOf(form.elements.phone.value);
    form.elements.phone.value = phone;
    if (!form.elements.phone.reportValidity()) return;
    sendButton.disabled = true;
    try {
      const sent = await api('identity', '/applicant/sign-in-codes', {
        method: 'POST',
        body: { phone },
        asApplicant: true,
      });
      showMessage(message, 'ok', `验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(-4)}，5 分钟内有效`);
      waitToResend(sent.resendAfterSeconds ?? RESEND_SECONDS);
      form.elements.code.focus();
    } catch (error) {
      showError(message, error);
      const retryAfter = error.details?.retryAfter;
      if (retryAfter) waitToResend((Date.parse(retryAfter) - Date.now()) / 1000);
      else sendButton.disabled = false;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const phone = digitsOf(form.elements.phone.value);
    const code = digitsOf(form.elements.code.value);
    if (!/^\d{6}$/.test(code)) {
      showMessage(message, 'error', '请输入短信中的 6 位验证码');
      form.elements.code.focus();
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const signedIn = await api('identity', '/applicant/sessions', {
        method: 'POST',
        body: { phone, code },
        asApplicant: true,
      });
      applicantSession.save(signedIn);
      clearInterval(countdown);
      then(signedIn);
    } catch (error) {
      showError(message, error);
      button.disabled = false;
    }
  });
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
  signInAgain = () => showSignIn(body, show);
  body.addEventListener('click', (event) => {
    if (!event.target.matches('.sign-out')) return;
    applicantSession.clear();
    showSignIn(body, show);
  });
  const signedIn = applicantSession.current;
  if (signedIn) void show(signedIn);
  else showSignIn(body, show);
}
