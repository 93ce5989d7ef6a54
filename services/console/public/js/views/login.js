import { api, session } from '../api.js';
import { html, mount, showError, showMessage } from '../html.js';

let notice = '';

/** Why the clerk is back at the login page (their login expired), shown once. */
export function setLoginNotice(text) {
  notice = text;
}

export function renderLogin(root) {
  mount(
    root,
    html`<form class="card login" autocomplete="on">
        <h2>登录</h2>
        <label
          >用户名 <input name="loginName" required maxlength="64" autocomplete="username" autofocus
        /></label>
        <label
          >密码
          <input name="password" type="password" required maxlength="200" autocomplete="current-password"
        /></label>
        <div class="message"></div>
        <button type="submit" class="primary">登录</button>
      </form>
      <p class="aside">申请人查询办理进度？<a href="#/progress">办件查询（无需登录）</a></p>
      <p class="aside">持有加盖电子印章的文书？<a href="#/verify">文书核验（无需登录）</a></p>`,
  );
  const form = root.querySelector('form');
  const message = root.querySelector('.message');
  if (notice) showMessage(message, 'info', notice);
  notice = '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The password is sent exactly as typed: spaces may be part of it.
    const loginName = form.elements.loginName.value.trim();
    const password = form.elements.password.value;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const answer = await api('identity', '/auth/login', { method: 'POST', body: { loginName, password } });
      session.save(answer.token, answer.user);
      location.hash = '#/';
    } catch (error) {
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });
}
