import { api } from '../api.js';
import { formValues, html, mount, showError, tableHtml } from '../html.js';
import { label, LEVELS } from '../labels.js';

/**
 * A catalogue search's answer as a table with one button per matter (data-code for the screen's click handler),
 * and a note when the search matched more than it lists.
 */
export function matterListHtml({ total, items }, { heads, cells, button, empty }) {
  return html`${tableHtml(
    [...heads, ''],
    items.map((item) => [
      ...cells(item),
      html`<button type="button" data-code="${item.code}">${button}</button>`,
    ]),
    empty,
  )}
  ${total > items.length &&
  html`<p class="muted">共 ${total} 项，仅列出前 ${items.length} 项，请输入更准确的名称。</p>`}`;
}

/** How a matter is handled above the town, in the words of the catalogue (blank: the town handles it to the end). */
const modeText = (item) =>
  item.level === 'village' ? '村站初审或帮办代办' : item.handlingMode || '乡镇办结';

/**
 * The columns a clerk picks a matter by: what it is and, for the same name at several rows (临时救助 is a village,
 * a town 给付 and a town 公共服务 matter), what tells them apart: level, type, how it is handled and by whom, and how
 * long it takes.
 */
export const GUIDE_COLUMNS = {
  heads: ['事项', '层级', '事项类型', '办理方式', '主管部门', '办件类型', '承诺时限'],
  cells: (item) => [
    html`${item.name}<br /><small class="muted">${item.code}</small>`,
    label(LEVELS, item.level),
    item.type,
    modeText(item),
    item.unit?.name,
    item.caseKind,
    `${item.committedLimitWorkingDays} 个工作日`,
  ],
};

/** Runs a screen's catalogue search form (form.search) into its matter list, with any error beside the form. */
export function wireMatterSearch(root, { scope, list, message, render }) {
  root.querySelector('form.search').addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(message, '');
    try {
      const query = { ...scope, q: formValues(event.target).q, pageSize: 50 };
      mount(list, render(await api('intake', '/catalogue/matters', { query })));
    } catch (error) {
      showError(message, error);
    }
  });
}
