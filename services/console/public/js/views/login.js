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
          ><span class="password-title">密码</span>
          <input name="password" type="password" required maxlength="200" autocomplete="current-password"
        /></label>
        <div class="new-password"></div>
        <div class="message"></div>
        <button type="submit" class="primary">登录</button>
      </form>
      <p class="aside">申请人查询办理进度？<a href="#/progress">办件查询（无需登录）</a></p>
      <p class="aside">持有加盖电子印章的文书？<a href="#/verify">文书核验（无需登录）</a></p>`,
  );
  const form = root.querySelector('form');
  const message = root.querySelector('.message');
  // Kept until the person tries again: the login screen may be drawn twice when a session ends (the hash changes).
  if (notice) showMessage(message, 'info', notice);
  form.addEventListener('submit', () => (notice = ''), { capture: true });
  // After an administrator set the password (new account, reset): the same form asks for the person's own.
  const askForOwnPassword = (reason) => {
    form.querySelector('h2').textContent = '设置新密码';
    form.querySelector('.password-title').textContent = '管理员设置的密码';
    mount(
      form.querySelector('.new-password'),
      html`<label
          >新密码
          <input
            name="newPassword"
            type="password"
            required
            minlength="10"
            maxlength="200"
            autocomplete="new-password"
            placeholder="至少 10 位"
        /></label>
        <label
          >再次输入新密码
          <input
            name="newPasswordAgain"
            type="password"
            required
            minlength="10"
            maxlength="200"
            autocomplete="new-password"
        /></label>`,
    );
    form.querySelector('button').textContent = '设置新密码并登录';
    showMessage(message, 'info', reason);
    form.elements.newPassword.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The password is sent exactly as typed: spaces may be part of it.
    const loginName = form.elements.loginName.value.trim();
    const password = form.elements.password.value;
    const newPassword = form.elements.newPassword?.value;
    if (newPassword !== undefined && newPassword !== form.elements.newPasswordAgain.value) {
      showMessage(message, 'error', '两次输入的新密码不一致');
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const answer =
        newPassword === undefined
          ? await api('identity', '/auth/login', { method: 'POST', body: { loginName, password } })
          : await api('identity', '/auth/password', {
              method: 'POST',
              body: { loginName, currentPassword: password, newPassword },
            });
      session.save(answer.token, answer.user);
      location.hash = '#/';
    } catch (error) {
      if (error.code === 'AUTH.PASSWORD_CHANGE_REQUIRED' && newPassword === undefined)
        askForOwnPassword(error.message);
      else showError(message, error);
    } finally {
      button.disabled = false;
    }
  });
}
