import { api, hasRole } from '../api.js';
import {
  formatDateTime,
  formValues,
  html,
  looks,
  messageHtml,
  mount,
  showError,
  tableHtml,
} from '../html.js';
import { townLabel, townOptionsHtml } from '../names.js';
import { matterListHtml } from './matter-list.js';

// An empty mode means the town already decides: there is nothing of the county's left to hand over.
const handlingModeText = (mode) => mode || '乡镇办结（无需赋权）';

const mattersHtml = (found) =>
  matterListHtml(found, {
    heads: ['事项', '编码', '办理方式', '主管部门'],
    cells: (item) => [item.name, item.code, handlingModeText(item.handlingMode), item.unit?.name ?? ''],
    button: '查看赋权',
    empty: '没有找到可赋权的乡镇事项。',
  });

// The reason sits in the row itself, so taking back one town's authority never needs a second screen.
const revokeFormHtml = (delegation) =>
  html`<form class="revoke" data-town="${delegation.town}">
    <label>收回原因 <input name="reason" required maxlength="500" size="16" /></label>
    <button type="submit">收回</button>
  </form>`;

const delegationsHtml = (delegations) =>
  tableHtml(
    ['乡镇', '状态', '依据', '赋权时间', '收回时间', '收回原因', ''],
    delegations.map((delegation) => {
      const inForce = delegation.revokedAt === null || delegation.revokedAt === undefined;
      return [
        delegation.townName ?? townLabel(delegation.town),
        inForce ? '赋权中' : '已收回',
        delegation.reason,
        formatDateTime(delegation.grantedAt),
        formatDateTime(delegation.revokedAt),
        delegation.revokeReason ?? '',
        inForce && revokeFormHtml(delegation),
      ];
    }),
    '该事项尚未向任何乡镇直接赋权。',
  );

export function renderDelegations(root, { user }) {
  const isAdmin = hasRole(user, 'admin');
  mount(
    root,
    html`<h2>直接赋权 <small>将县直部门事项的审核、决定交由乡镇办理</small></h2>
      <form class="search toolbar">
        <label>事项名称 <input name="q" maxlength="50" placeholder="如：救助" /></label>
        <button type="submit">${isAdmin ? '查询本县事项' : '查询本部门事项'}</button>
      </form>
      <div class="search-message"></div>
      <div class="matters"></div>
      <div class="delegation" hidden>
        <h3 class="delegation-title"></h3>
        <p class="delegation-facts muted"></p>
        <div class="outcome"></div>
        <div class="delegations-message"></div>
        <div class="delegations"></div>
        <form class="grant card">
          <fieldset class="grid">
            <legend>向乡镇直接赋权</legend>
            <label
              >乡镇
              <select name="town" required>
                ${townOptionsHtml('', '请选择乡镇')}
              </select></label
            >
            <label
              >依据（文件号、原因）
              <input name="reason" required maxlength="500" size="32" placeholder="如：泽民发〔2026〕12号"
            /></label>
          </fieldset>
          <p class="muted">赋权自此后受理的办件起生效：已受理的办件仍按原路径办理。</p>
          <div class="message"></div>
          <button type="submit" class="primary">赋权</button>
        </form>
      </div>`,
  );
  const matters = root.querySelector('.matters');
  const searchMessage = root.querySelector('.search-message');
  const panel = root.querySelector('.delegation');
  const outcome = root.querySelector('.outcome');
  const listMessage = root.querySelector('.delegations-message');
  const list = root.querySelector('.delegations');
  const grantForm = root.querySelector('form.grant');
  let matter = null;
  // The listed matters by code: the panel shows what the list already holds, with no second request.
  let listed = new Map();
  // An answer for a matter the officer has since moved away from is dropped, not shown.
  const newLook = looks();

  async function searchMatters(q) {
    mount(searchMessage, '');
    // A county officer may only grant what their own bureau owns; listing the rest would invite 403s.
    if (!isAdmin && !user.unitCode) {
      showError(searchMessage, { message: '您的账号未关联县直部门，不能办理直接赋权' });
      return;
    }
    try {
      const query = { county: user.county, level: 'town', pageSize: 100, q };
      if (!isAdmin) query.unit = user.unitCode;
      const page = await api('intake', '/catalogue/matters', { query });
      listed = new Map(page.items.map((item) => [item.code, item]));
      mount(matters, mattersHtml(page));
    } catch (error) {
      showError(searchMessage, error);
    }
  }

  async function loadDelegations(target) {
    const current = newLook();
    mount(listMessage, '');
    mount(list, html`<p class="muted">加载中…</p>`);
    try {
      const delegations = await api(
        'intake',
        `/catalogue/matters/${encodeURIComponent(target.code)}/delegations`,
      );
      if (current()) mount(list, delegationsHtml(delegations));
    } catch (error) {
      if (current()) {
        mount(list, '');
        showError(listMessage, error);
      }
    }
  }

  function open(target) {
    matter = target;
    mount(root.querySelector('.delegation-title'), html`${target.name}（${target.code}）`);
    mount(
      root.querySelector('.delegation-facts'),
      html`办理方式：${handlingModeText(target.handlingMode)}${target.unit?.name &&
      html`；主管部门：${target.unit.name}`}`,
    );
    mount(outcome, '');
    mount(grantForm.querySelector('.message'), '');
    grantForm.reset();
    panel.hidden = false;
    return loadDelegations(target);
  }

  /** Names the matter when the person opened another one while this request ran, so the notice is not misread. */
  const noticeFor = (target, text) => (matter === target ? text : `「${target.name}」${text}`);

  root.querySelector('form.search').addEventListener('submit', (event) => {
    event.preventDefault();
    void searchMatters(formValues(event.target).q);
  });

  matters.addEventListener('click', (event) => {
    const target = listed.get(event.target.closest('button[data-code]')?.dataset.code);
    if (!target) return;
    void open(target);
    panel.scrollIntoView({ behavior: 'smooth' });
  });

  grantForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = grantForm.querySelector('.message');
    mount(message, '');
    mount(outcome, '');
    const { town, reason } = formValues(grantForm);
    const submit = grantForm.querySelector('button[type=submit]');
    submit.disabled = true;
    const target = matter;
    try {
      await api(
        'intake',
        `/catalogue/matters/${encodeURIComponent(target.code)}/delegations/${encodeURIComponent(town)}`,
        { method: 'PUT', body: { reason } },
      );
      mount(
        outcome,
        messageHtml(
          'ok',
          noticeFor(
            target,
            '已赋权：此后该乡镇受理的此事项由乡镇审核、决定，加盖乡镇行政审批服务专用章；已受理的办件不变',
          ),
        ),
      );
      if (matter !== target) return;
      grantForm.reset();
      await loadDelegations(target);
    } catch (error) {
      showError(message, error);
    } finally {
      submit.disabled = false;
    }
  });

  list.addEventListener('submit', async (event) => {
    const form = event.target.closest('form.revoke');
    if (!form) return;
    event.preventDefault();
    mount(listMessage, '');
    mount(outcome, '');
    const { reason } = formValues(form);
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    const target = matter;
    try {
      await api(
        'intake',
        `/catalogue/matters/${encodeURIComponent(target.code)}/delegations/${encodeURIComponent(form.dataset.town)}/revocation`,
        { method: 'POST', body: { reason } },
      );
      mount(outcome, messageHtml('ok', noticeFor(target, '已收回：此后受理的办件恢复由县直部门审核、决定')));
      if (matter !== target) return;
      await loadDelegations(target);
    } catch (error) {
      showError(listMessage, error);
      submit.disabled = false;
    }
  });

  void searchMatters('');
}
