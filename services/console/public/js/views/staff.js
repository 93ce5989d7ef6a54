import { api } from '../api.js';
import { html, looks, mount, showError, showMessage, tableHtml } from '../html.js';
import { ROLE_TITLES } from '../labels.js';
import {
  bureauOptionsHtml,
  townLabel,
  townOptionsHtml,
  unitLabel,
  villageLabel,
  villageOptionsHtml,
} from '../names.js';

/** Who an account is in a notice: names repeat across a county, login names do not. */
const who = (account) => `${account.name}（${account.loginName}）`;

const scopeText = (account) => {
  const parts = [
    account.village ? villageLabel(account.village) : townLabel(account.town),
    unitLabel(account.unitCode),
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全县';
};

// The new password is asked for in the row itself, hidden until wanted, so the list stays one line per person.
const resetFormHtml = (account) =>
  html`<form class="reset-password" data-id="${account.id}" hidden>
    <label
      >新密码
      <input
        name="password"
        type="password"
        required
        minlength="10"
        placeholder="至少 10 位"
        maxlength="200"
        size="14"
        autocomplete="new-password"
    /></label>
    <button type="submit">确认重置</button>
  </form>`;

const roleBoxesHtml = (checked = []) =>
  Object.entries(ROLE_TITLES).map(
    ([role, title]) =>
      html`<label
        ><input type="checkbox" name="roles" value="${role}" ${checked.includes(role) ? 'checked' : ''} />
        ${title}</label
      >`,
  );

// One set of place choices for the create form and the row's form: places are chosen by name, never typed as codes.
const scopeFieldsHtml = (account = {}) =>
  html`<label
      >乡镇
      <select name="town">
        ${townOptionsHtml(account.town ?? '', '不限（全县）')}
      </select></label
    >
    <label
      >村（社区）
      <select name="village">
        ${villageOptionsHtml(account.town, account.village ?? '')}
      </select></label
    >
    <label
      >县直部门
      <select name="unitCode">
        ${bureauOptionsHtml(account.unitCode ?? '')}
      </select></label
    >`;

/*
 * Put into the row only when opened, never rendered hidden: its labels (乡镇代码, the role titles) repeat the
 * create form's, and a closed copy in every row would make those labels name many fields on the page.
 */
const rolesFormHtml = (account) =>
  html`<form class="change-roles" data-id="${account.id}">
    <fieldset class="grid roles">
      <legend>岗位</legend>
      ${roleBoxesHtml(account.roles)}
    </fieldset>
    <fieldset class="grid">
      <legend>工作范围</legend>
      ${scopeFieldsHtml(account)}
    </fieldset>
    <button type="submit">保存岗位</button>
  </form>`;

/** The roles ticked and the places chosen in a form, as the service takes them. */
function scopeOf(form) {
  const scope = { roles: [...form.querySelectorAll('input[name=roles]:checked')].map((box) => box.value) };
  // An empty choice is left out, not sent as '': the service checks the format of every code it is given.
  for (const name of ['town', 'village', 'unitCode']) {
    const value = form.elements[name].value.trim();
    if (value) scope[name] = value;
  }
  return scope;
}

// The service refuses to let administrators lock themselves out or change their own roles: on their own row
// these buttons could only fail.
function othersOnlyButtonsHtml(account, self) {
  if (account.id === self.id) return '';
  return html`${account.active
      ? html`<button type="button" data-action="deactivate" data-id="${account.id}">停用</button>`
      : html`<button type="button" data-action="activate" data-id="${account.id}">恢复</button>`}
    <button type="button" data-action="roles" data-id="${account.id}" aria-expanded="false">
      调整岗位
    </button>`;
}

const actionsHtml = (account, self) =>
  html`<span class="actions">
      ${othersOnlyButtonsHtml(account, self)}
      <button type="button" data-action="reset" data-id="${account.id}" aria-expanded="false">
        重置密码
      </button>
    </span>
    ${resetFormHtml(account)}
    <div class="roles-slot"></div>`;

const accountsHtml = (accounts, self) =>
  tableHtml(
    ['登录名', '姓名', '岗位', '工作范围', '状态', ''],
    accounts.map((account) => [
      account.loginName,
      account.name,
      account.roleTitles.join('、'),
      scopeText(account),
      account.active ? '可登录' : '已停用',
      actionsHtml(account, self),
    ]),
    '本县还没有账号。',
  );

export function renderStaff(root, { user }) {
  mount(
    root,
    html`<h2>人员与岗位 <small>本县账号的岗位、工作范围与登录</small></h2>
      <div class="staff-message"></div>
      <div class="staff-list"><p class="muted">加载中…</p></div>
      <form class="create card">
        <h3>新建账号</h3>
        <fieldset class="grid">
          <legend>账号</legend>
          <label
            >登录名
            <input
              name="loginName"
              required
              maxlength="64"
              pattern="[a-z0-9][a-z0-9._\\-]{1,63}"
              title="小写字母、数字、点和横线，2 到 64 位"
              placeholder="如：zz-town-window-2"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
          /></label>
          <label
            >姓名
            <input
              name="displayName"
              required
              placeholder="如：李四"
              maxlength="100"
              size="10"
              autocomplete="off"
          /></label>
          <label
            >初始密码
            <input
              name="password"
              type="password"
              required
              minlength="10"
              placeholder="至少 10 位"
              maxlength="200"
              autocomplete="new-password"
          /></label>
        </fieldset>
        <fieldset class="grid roles">
          <legend>岗位</legend>
          ${roleBoxesHtml()}
        </fieldset>
        <fieldset class="grid">
          <legend>工作范围</legend>
          ${scopeFieldsHtml()}
        </fieldset>
        <p class="muted">
          镇岗位（窗口、审核、分管领导、印章管理员）须选乡镇；代办员须选乡镇和村（社区）；县直部门审批人员须选县直部门。监察、审计、管理员不选，即为全县。
        </p>
        <button type="submit" class="primary">新建账号</button>
      </form>`,
  );
  const message = root.querySelector('.staff-message');
  const list = root.querySelector('.staff-list');
  const createForm = root.querySelector('form.create');
  // A village belongs to a town: choosing the town offers its villages, in either form.
  root.addEventListener('change', (event) => {
    const townChoice = event.target.closest('select[name="town"]');
    const villageChoice = townChoice?.form.elements.namedItem('village');
    if (villageChoice) mount(villageChoice, villageOptionsHtml(townChoice.value));
  });
  let accounts = new Map();
  // An older answer arriving after a newer one cannot put back a stale list.
  const newLook = looks();

  // The list and the form can be far apart on a long county list: bring the outcome into view.
  const tell = (kind, text) => {
    showMessage(message, kind, text);
    message.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };
  const fail = (error) => {
    // details.problem is the service's English diagnosis for developers; the message already says it in Chinese.
    showError(message, error);
    message.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };

  async function load() {
    const current = newLook();
    try {
      const found = await api('identity', '/staff');
      if (!current()) return;
      accounts = new Map(found.map((account) => [account.id, account]));
      mount(list, accountsHtml(found, user));
    } catch (error) {
      if (!current()) return;
      mount(list, '');
      fail(error);
    }
  }

  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(message, '');
    const field = (name) => createForm.elements[name].value.trim();
    const scope = scopeOf(createForm);
    if (scope.roles.length === 0) {
      fail({ message: '至少选择一个岗位' });
      return;
    }
    // The password goes as typed: spaces may be part of it.
    const body = { loginName: field('loginName'), displayName: field('displayName'), ...scope };
    body.password = createForm.elements.password.value;
    const submit = createForm.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const created = await api('identity', '/staff', { method: 'POST', body });
      createForm.reset();
      tell('ok', `已新建账号：${created.loginName}`);
      await load();
    } catch (error) {
      fail(error);
    } finally {
      submit.disabled = false;
    }
  });

  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    const account = accounts.get(button?.dataset.id);
    if (!account) return;
    if (button.dataset.action === 'roles') {
      const slot = button.closest('td').querySelector('.roles-slot');
      const opening = !slot.querySelector('form');
      // Opened afresh each time, so it starts from the account as last loaded rather than half-edited ticks.
      mount(slot, opening ? rolesFormHtml(account) : '');
      button.setAttribute('aria-expanded', String(opening));
      if (opening) slot.querySelector('input').focus();
      return;
    }
    if (button.dataset.action === 'reset') {
      const form = button.closest('td').querySelector('form.reset-password');
      form.hidden = !form.hidden;
      button.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.elements.password.focus();
      return;
    }
    const deactivating = button.dataset.action === 'deactivate';
    mount(message, '');
    button.disabled = true;
    try {
      const changed = await api(
        'identity',
        `/staff/${encodeURIComponent(account.id)}/${deactivating ? 'deactivation' : 'activation'}`,
        { method: 'POST' },
      );
      tell(
        'ok',
        deactivating
          ? `已停用 ${who(changed)}，${changed.name}不能再登录，已登录的工作台数秒内退出`
          : `已恢复 ${who(changed)}`,
      );
      await load();
    } catch (error) {
      fail(error);
      button.disabled = false;
    }
  });

  /**
   * A form inside an account's row (password reset, role change): checked, sent for that account, confirmed, and
   * the table reloaded; on failure the form stays open with what was typed.
   */
  const onRowForm = (selector, prepare, send, confirmation) =>
    list.addEventListener('submit', async (event) => {
      const form = event.target.closest(selector);
      if (!form) return;
      event.preventDefault();
      const account = accounts.get(form.dataset.id);
      if (!account) return;
      mount(message, '');
      const body = prepare(form);
      if (!body) return;
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      try {
        const changed = await send(account, body);
        tell('ok', confirmation(changed));
        await load();
      } catch (error) {
        fail(error);
        submit.disabled = false;
      }
    });

  onRowForm(
    'form.reset-password',
    (form) => ({ password: form.elements.password.value }),
    (account, body) =>
      api('identity', `/staff/${encodeURIComponent(account.id)}/password`, { method: 'POST', body }),
    (changed) => `已重置 ${who(changed)} 的密码，并解除登录锁定；原有登录随即失效`,
  );

  onRowForm(
    'form.change-roles',
    (form) => {
      const body = scopeOf(form);
      if (body.roles.length > 0) return body;
      fail({ message: '至少选择一个岗位' });
      return null;
    },
    (account, body) =>
      api('identity', `/staff/${encodeURIComponent(account.id)}/roles`, { method: 'PUT', body }),
    (changed) => `已调整 ${who(changed)} 的岗位：${changed.name}须重新登录，按新岗位办理`,
  );

  void load();
}
