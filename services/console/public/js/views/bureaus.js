import { api } from '../api.js';
import { formatDateTime, formValues, html, messageHtml, mount, showError, tableHtml } from '../html.js';

const changedText = (bureau) => {
  if (!bureau.addedAt && !bureau.editedAt) return '随系统初始化';
  if (bureau.editedAt && bureau.editedAt !== bureau.addedAt) {
    return `${bureau.editedByName ?? ''} 于 ${formatDateTime(bureau.editedAt)} 修改`;
  }
  return `${bureau.addedByName ?? ''} 于 ${formatDateTime(bureau.addedAt)} 新增`;
};

/** A seal's next step in its life (申报 → 审批 → 刻制 → 备案 → 启用), as the button that takes it. */
const NEXT_STEP = {
  申报: { path: 'approval', label: '同意刻制' },
  审批: { path: 'engraving', label: '刻制' },
  刻制: { path: 'filing', label: '备案' },
  备案: { path: 'activation', label: '启用' },
};

function sealHtml(seal) {
  if (!seal) return html`<span class="warning-text">尚未申报</span>`;
  const next = NEXT_STEP[seal.status];
  return html`${seal.status === '启用' ? '已启用' : html`<span class="warning-text">${seal.status}</span>`}
  ${next
    ? html`<button type="button" class="seal-step" data-seal="${seal.id}" data-step="${next.path}">
        ${next.label}
      </button>`
    : ''}`;
}

/** The bureau's own seal, the one in force or the one on its way (a retired one only when there is nothing else). */
const currentSeal = (seals) =>
  seals.find((seal) => seal.status === '启用') ?? seals.find((seal) => NEXT_STEP[seal.status]) ?? seals[0];

function bureausHtml(bureaus) {
  return tableHtml(
    ['简称', '全称（发文机关名称去掉县名）', '文号部门字', '承担事项', '部门印章', '记录', ''],
    bureaus.map((bureau) => [
      bureau.name,
      bureau.fullName,
      bureau.numberPrefix ?? '',
      `${bureau.matterCount} 项`,
      sealHtml(bureau.seal),
      changedText(bureau),
      html`<button type="button" class="rename-bureau" data-code="${bureau.code}" data-name="${bureau.name}">
        改简称
      </button>`,
    ]),
    '本县还没有县直部门。',
  );
}

const addFormHtml = html`<form class="card bureau-form">
  <h4>新增县直部门 <small>新增后即可在事项清单的「主管部门」中使用</small></h4>
  <p class="muted">
    用印服务随即登记该部门为发文机关，并为它申报部门印章；印章经同意刻制、刻制、备案、启用后，该部门才能作出决定、出具文书。
  </p>
  <label>简称 <input name="name" placeholder="县数据局" maxlength="15" required /></label>
  <label>全称 <input name="fullName" placeholder="县政务服务和数据管理局" maxlength="50" required /></label>
  <label>部门代码（拼音首字母） <input name="slug" placeholder="sjj" maxlength="16" required /></label>
  <label>文号部门字 <input name="numberPrefix" placeholder="数" maxlength="4" required /></label>
  <button type="submit" class="primary">新增县直部门</button>
  <div class="bureau-message"></div>
</form>`;

/** The county's bureaus, for its administrator to add to and rename. */
export function mountBureaus(element, { user }) {
  mount(
    element,
    html`<div class="bureau-list"></div>
      ${addFormHtml}`,
  );
  const list = element.querySelector('.bureau-list');
  const message = element.querySelector('.bureau-message');

  const load = async () => {
    try {
      const bureaus = await api('intake', '/catalogue/bureaus', { query: { county: user.county } });
      const seals = await Promise.all(
        bureaus.map((bureau) =>
          api('seal', '/seals', { query: { town: bureau.code } }).then(currentSeal, () => undefined),
        ),
      );
      mount(list, bureausHtml(bureaus.map((bureau, index) => ({ ...bureau, seal: seals[index] }))));
    } catch (error) {
      showError(list, error);
    }
  };

  element.querySelector('.bureau-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    mount(message, '');
    try {
      const added = await api('intake', '/catalogue/bureaus', {
        method: 'POST',
        body: { county: user.county, ...formValues(form) },
      });
      mount(
        message,
        messageHtml(
          'ok',
          `已新增${added.name}（${added.fullName}）；用印服务正在为它申报部门印章，请在上表中依次办理同意刻制、刻制、备案和启用。`,
        ),
      );
      form.reset();
      await load();
    } catch (error) {
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });

  list.addEventListener('click', async (event) => {
    const step = event.target.closest('.seal-step');
    if (step) {
      step.disabled = true;
      try {
        await api('seal', `/seals/${encodeURIComponent(step.dataset.seal)}/${step.dataset.step}`, {
          method: 'POST',
          body: {},
        });
        await load();
      } catch (error) {
        showError(message, error);
        step.disabled = false;
      }
      return;
    }
    const button = event.target.closest('.rename-bureau');
    if (!button) return;
    const name = window.prompt(
      `「${button.dataset.name}」的新简称（全称即发文机关名称，不在此修改）：`,
      button.dataset.name,
    );
    if (!name || name.trim() === button.dataset.name) return;
    try {
      await api('intake', `/catalogue/bureaus/${encodeURIComponent(button.dataset.code)}`, {
        method: 'PUT',
        body: { name: name.trim() },
      });
      await load();
    } catch (error) {
      showError(message, error);
    }
  });

  load();
}
