import { api } from '../api.js';
import { html, linesOf, mount, showError, showMessage } from '../html.js';
import { QUEUE_CATEGORIES } from '../labels.js';
import { townOptionsHtml } from '../names.js';

const WINDOW_ROWS = 6;

const windowRowHtml = (index, window) =>
  html`<tr data-window="${index}">
    <td><input name="number" type="number" min="1" max="50" value="${window?.number ?? ''}" /></td>
    <td><input name="name" maxlength="30" value="${window?.name ?? ''}" placeholder="综合受理窗口" /></td>
    <td>
      ${Object.entries(QUEUE_CATEGORIES).map(
        ([code, title]) =>
          html`<label class="choice"
            ><input
              type="checkbox"
              name="category"
              value="${code}"
              ${window?.categories.includes(code) ? 'checked' : ''}
            />${title}</label
          >`,
      )}
    </td>
  </tr>`;

const settingsHtml = (settings) =>
  html`<table class="hall-windows">
      <thead>
        <tr>
          <th>窗口号</th>
          <th>窗口名称</th>
          <th>办理的业务类别</th>
        </tr>
      </thead>
      <tbody>
        ${Array.from({ length: WINDOW_ROWS }, (_, index) => windowRowHtml(index, settings?.windows[index]))}
      </tbody>
    </table>
    <label
      >预约时段（每行一个，如 09:00-10:00）
      <textarea name="slots" rows="4">${(settings?.slots ?? []).join('\n')}</textarea>
    </label>
    <label
      >每个窗口每时段可预约人数
      <input name="slotCapacity" type="number" min="1" max="100" value="${settings?.slotCapacity ?? ''}"
    /></label>
    <label
      >可提前预约的工作日数
      <input name="bookDaysAhead" type="number" min="1" max="30" value="${settings?.bookDaysAhead ?? ''}"
    /></label>`;

/** The administrator sets a center's windows, the lines each serves, its appointment slots and places. */
export function mountHallSettingsForm(element) {
  mount(
    element,
    html`<form class="card hall-settings-form">
        <label
          >乡镇
          <select name="town" required>
            ${townOptionsHtml('', '请选择乡镇')}
          </select></label
        >
        <div class="hall-fields"></div>
        <button type="submit" class="primary" hidden>保存设置</button>
      </form>
      <div class="hall-message"></div>`,
  );
  const form = element.querySelector('form');
  const message = element.querySelector('.hall-message');
  const fields = form.querySelector('.hall-fields');
  const save = form.querySelector('button[type=submit]');

  form.elements.town.addEventListener('change', async () => {
    const town = form.elements.town.value;
    mount(message, '');
    mount(fields, '');
    save.hidden = !town;
    if (!town) return;
    let settings = null;
    try {
      settings = await api('intake', `/hall/${town}/settings`);
    } catch (error) {
      if (error.status !== 404) return showError(message, error);
    }
    mount(fields, settingsHtml(settings));
    if (!settings) showMessage(message, 'info', '该中心尚未开放预约和取号：填写后保存即开放');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const windows = [...form.querySelectorAll('tr[data-window]')]
      .map((row) => ({
        number: Number(row.querySelector('[name=number]').value),
        name: row.querySelector('[name=name]').value.trim(),
        categories: [...row.querySelectorAll('[name=category]:checked')].map((box) => box.value),
      }))
      .filter((window) => window.number || window.name || window.categories.length);
    save.disabled = true;
    try {
      await api('intake', `/hall/${form.elements.town.value}/settings`, {
        method: 'PUT',
        body: {
          windows,
          slots: linesOf(form.elements.slots.value),
          slotCapacity: Number(form.elements.slotCapacity.value),
          bookDaysAhead: Number(form.elements.bookDaysAhead.value),
        },
      });
      showMessage(message, 'ok', '预约与叫号设置已保存');
    } catch (error) {
      showError(message, error);
      const problems = error.details?.problems;
      if (problems) showMessage(message, 'error', error.message, problems);
    } finally {
      save.disabled = false;
    }
  });
}
