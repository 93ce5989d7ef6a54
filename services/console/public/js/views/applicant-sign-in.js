import { api, applicantSession } from '../api.js';
import { html, mount, showError, showMessage } from '../html.js';

/**
 * 网上办事's sign-in: a mobile number and the SMS code sent to it (no account, no password); 我的办件 and 网上申请
 * both start here.
 */

const RESEND_SECONDS = 60;
// Typed on a phone: full-width digits and spaces are the usual slips; the services decide what is valid.
const digitsOf = (text) => text.normalize('NFKC').replace(/\s|-/g, '');

function signInHtml(purpose) {
  return html`<form class="card sign-in applicant-form">
      <p>${purpose}验证码以短信发送，5 分钟内有效。</p>
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

export function signedInHeader(signedIn) {
  return html`<p class="signed-in">
    手机号 ${signedIn.phoneShown} 已登录 <button type="button" class="link sign-out">退出</button>
  </p>`;
}

export function showApplicantSignIn(
  root,
  then,
  purpose = '用本人手机号码登录，查看以该号码申请的全部办件。',
) {
  mount(root, signInHtml(purpose));
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
