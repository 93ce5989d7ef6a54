import { api, hasRole } from '../api.js';
import {
  caseLink,
  formatDateTime,
  html,
  looks,
  mount,
  showError,
  showMessage,
  tableHtml,
  todayIso,
} from '../html.js';
import { townLabel, unitLabel } from '../names.js';

const STATUS = {
  waiting: html`待答复`,
  overdue: html`<span class="due-overdue">逾期未答复</span>`,
  answered: html`已答复`,
};

const answerFormHtml = (order) =>
  html`<form class="order-answer" data-id="${order.id}">
    <label
      >答复
      <textarea
        name="answer"
        rows="2"
        cols="36"
        maxlength="1000"
        required
        placeholder="采取的措施和办理结果"
      ></textarea>
    </label>
    <button type="submit">提交答复</button>
  </form>`;

/**
 * Who answers an order, as routing decides it: a county bureau for its own unit, a town's leader for every desk and
 * village station of the town.
 */
const mayAnswer = (user, order) =>
  /^\d{9}/.test(order.unitCode)
    ? hasRole(user, 'town-leader') && user.town === order.town
    : hasRole(user, 'county-officer') && user.unitCode === order.unitCode;

function rowsHtml(orders, user) {
  return tableHtml(
    ['类型', '办件编号', '事项', '乡镇', '被督办单位', '要求', '答复期限', '状态', '答复'],
    orders.map((order) => [
      order.kind,
      caseLink(order.caseId, order.receiptNumber ?? '查看办件'),
      order.matterName ?? '',
      townLabel(order.town),
      unitLabel(order.unitCode),
      html`${order.requirement}<br /><span class="muted"
          >${order.orderedByName} ${formatDateTime(order.orderedAt)}</span
        >`,
      order.answerBy,
      STATUS[order.status],
      order.answer
        ? html`${order.answer}<br /><span class="muted"
              >${order.answeredByName} ${formatDateTime(order.answeredAt)}</span
            >`
        : mayAnswer(user, order)
          ? answerFormHtml(order)
          : '',
    ]),
    '没有督办、催办。',
  );
}

/** Three calendar days on: the default answer date a supervisor can change. */
function inThreeDays() {
  const date = new Date(`${todayIso()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 3);
  return date.toISOString().slice(0, 10);
}

/**
 * 督办催办 in 监察: every order of the county (a town's for its leader) — unanswered first, the overdue ones marked —
 * with the answer; the town's leader answers here. A supervisor gives an order from a case of 今日风险 (orderCase).
 */
export function renderSupervisionOrders(container, { user }) {
  const place = {
    county: user.county,
    ...(hasRole(user, 'supervisor', 'auditor', 'admin') ? {} : { town: user.town }),
  };
  mount(
    container,
    html`<div class="toolbar">
        <label><input type="checkbox" name="open-only" /> 只看未答复</label>
      </div>
      <div class="orders-message"></div>
      <div class="order-form"></div>
      <div class="orders-list"></div>`,
  );
  const list = container.querySelector('.orders-list');
  const message = container.querySelector('.orders-message');
  const formBox = container.querySelector('.order-form');
  const openOnly = container.querySelector('[name="open-only"]');

  const newLook = looks();

  async function load() {
    const current = newLook();
    try {
      const orders = await api('routing', '/supervision/orders', {
        query: { ...place, ...(openOnly.checked ? { open: 'true' } : {}) },
      });
      if (current()) mount(list, rowsHtml(orders, user));
    } catch (error) {
      if (current()) showError(list, error);
    }
  }

  openOnly.addEventListener('change', () => void load());
  container.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      if (form.matches('.order-answer')) {
        await api('routing', `/supervision/orders/${encodeURIComponent(form.dataset.id)}/answer`, {
          method: 'POST',
          body: { answer: form.elements.answer.value },
        });
        await load();
        showMessage(message, 'ok', '已答复督办，县电子监察将收到答复。');
      } else if (form.matches('.order-new')) {
        const order = await api('routing', '/supervision/orders', {
          method: 'POST',
          body: {
            caseId: form.dataset.caseId,
            kind: form.elements.kind.value,
            requirement: form.elements.requirement.value,
            answerBy: form.elements.answerBy.value,
          },
        });
        mount(formBox, '');
        await load();
        showMessage(
          message,
          'ok',
          `已${order.kind}：${unitLabel(order.unitCode)}将收到消息，${order.answerBy} 前答复。`,
        );
      }
    } catch (error) {
      showError(message, error);
      button.disabled = false;
    }
  });
  container.addEventListener('click', (event) => {
    if (event.target.closest('button.cancel-order')) mount(formBox, '');
  });
  void load();

  return {
    /** Opens the form to order the unit holding this case to act (from 今日风险). */
    orderCase(item) {
      mount(
        formBox,
        html`<form class="order-new card" data-case-id="${item.caseId}">
          <p>
            督办办件 <strong>${item.receiptNumber ?? ''}</strong>（${item.matterName ??
            ''}），现由${unitLabel(item.currentUnit ?? '')}办理
          </p>
          <label
            >类型
            <select name="kind">
              <option value="督办">督办</option>
              <option value="催办">催办</option>
            </select></label
          >
          <label
            >要求
            <textarea name="requirement" rows="2" cols="40" maxlength="500" required>
请抓紧办理，于期限前办结并说明超期原因</textarea
            >
          </label>
          <label>答复期限 <input type="date" name="answerBy" required value="${inThreeDays()}" /></label>
          <button type="submit">发出</button>
          <button type="button" class="cancel-order">取消</button>
        </form>`,
      );
      formBox.scrollIntoView();
    },
  };
}

/** 督办答复: a county bureau's own screen for the orders about its cases (it has no 监察). */
export function renderOrdersPage(root, { user }) {
  mount(
    root,
    html`<h2>督办答复 <small>县电子监察对本部门办件的督办、催办，请按期答复</small></h2>
      <div class="orders"></div>`,
  );
  renderSupervisionOrders(root.querySelector('.orders'), { user });
}
