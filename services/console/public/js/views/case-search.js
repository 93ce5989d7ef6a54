import { api } from '../api.js';
import { formValues, html, mount, pagerHtml, showError, tableHtml } from '../html.js';
import { label, SUPERVISED_STAGES } from '../labels.js';
import { townLabel, unitLabel } from '../names.js';

/**
 * 查找办件: one box for whatever the clerk knows (办件编号 or its last digits, the applicant's name, ID number or its
 * last digits, phone or its tail, the matter), and the days it was filed between, within what their role and place
 * let them see (routing decides).
 */
export const caseSearchFormHtml = (
  placeholder = '办件编号、申请人姓名、身份证号后几位、手机尾号或事项名称',
) =>
  html`<form class="case-search toolbar">
    <label>查找办件 <input name="q" maxlength="50" size="36" placeholder="${placeholder}" /></label>
    <label>提交日期 <input type="date" name="from" /></label>
    <label>至 <input type="date" name="to" /></label>
    <label><input type="checkbox" name="open" value="true" /> 只看在办</label>
    <button type="submit" class="primary">查找</button>
  </form>`;

function daysLeftText(row) {
  if (row.stage === 'awaiting-correction') return html`<span class="muted">计时中止（待补正）</span>`;
  if (row.stage === 'suspended') return html`<span class="muted">计时中止（特别程序）</span>`;
  if (row.workingDaysLeft === null || row.workingDaysLeft === undefined) return '';
  if (row.workingDaysLeft < 0)
    return html`<strong class="bad">超期 ${-row.workingDaysLeft} 个工作日</strong>`;
  if (row.workingDaysLeft === 0) return html`<strong class="warn">今日到期</strong>`;
  return `剩 ${row.workingDaysLeft} 个工作日`;
}

/** A list of cases as a clerk reads it: receipt number, applicant, matter, step, due date, days left — never an id. */
export function foundCasesHtml(
  { total, totalCapped, page, pageSize, items },
  { pick = '查看', empty = '没有找到符合条件的办件。', typed = true } = {},
) {
  return html`${tableHtml(
    ['办件编号', '申请人', '事项', '乡镇', '当前环节', '期限', '剩余', '状态', ''],
    items.map((row) => [
      row.receiptNumber ?? '',
      html`${row.applicantName ?? ''}${row.applicantIdTail
        ? html`<br /><small class="muted">证件尾号 ${row.applicantIdTail}</small>`
        : ''}`,
      row.matterName ?? row.matterCode,
      townLabel(row.town),
      row.currentStep
        ? html`${row.currentStep}<br /><small class="muted">${unitLabel(row.currentUnit)}</small>`
        : '',
      row.dueDate ? `${row.dueDate}${row.dueDateProvisional ? '（暂定）' : ''}` : '',
      daysLeftText(row),
      `${label(SUPERVISED_STAGES, row.stage)}${row.result ? `（${row.resultText ?? row.result}）` : ''}`,
      html`<button type="button" data-case="${row.caseId}">${pick}</button>`,
    ]),
    empty,
  )}
  ${total > 0
    ? pagerHtml({
        total,
        totalCapped,
        page,
        pageSize,
        unit: '件',
        // Untyped, the list narrows by its dates; typed, by more words (the pager's own hint).
        narrowBy: typed ? undefined : '按提交日期',
      })
    : ''}`;
}

/**
 * Wires a search form and its result list; `onPick(caseId)` runs when a row is chosen. Answers a function that
 * runs the search again (after an action changed what it would find).
 */
export function wireCaseSearch(root, { list, message, onPick, pick, extraQuery = {} }) {
  let query = null;
  const run = async () => {
    if (!query) return;
    try {
      mount(
        list,
        foundCasesHtml(await api('routing', '/cases', { query }), { pick, typed: Boolean(query.q) }),
      );
    } catch (error) {
      showError(message, error);
    }
  };
  root.querySelector('form.case-search').addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(message, '');
    const values = formValues(event.target);
    query = {
      ...extraQuery,
      q: values.q || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      open: values.open,
      page: 1,
      pageSize: 20,
    };
    await run();
  });
  list.addEventListener('click', async (event) => {
    const caseId = event.target.dataset?.case;
    if (caseId) return onPick(caseId);
    const step = Number(event.target.dataset?.page);
    if (step && query) {
      query = { ...query, page: query.page + step };
      await run();
    }
  });
  return run;
}
