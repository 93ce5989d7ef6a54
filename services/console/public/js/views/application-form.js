import { html } from '../html.js';

/**
 * The 申请表 of a matter, drawn from its guide's form definition (libs/domain forms): every field with its Chinese
 * label and help, lists (家庭成员 …) with rows to add and remove. Intake checks what is sent against the same
 * definition and names each problem; showFormProblems puts each beside its field.
 */

const required = (field) => (field.required ? html`<abbr class="required" title="必填">*</abbr>` : '');
const help = (field) => (field.help ? html`<small class="help">${field.help}</small>` : '');
const problemSlot = () => html`<small class="field-problem" role="alert"></small>`;

function controlHtml(field, attribute) {
  const data = html`${attribute}="${field.key}"`;
  switch (field.type) {
    case 'textarea':
      return html`<textarea ${data} rows="3" maxlength="${field.maxLength ?? 2000}"></textarea>`;
    case 'number':
      return html`<input
          type="number"
          ${data}
          step="${field.integer ? 1 : 'any'}"
          ${field.min !== undefined ? html`min="${field.min}"` : ''}
          ${field.max !== undefined ? html`max="${field.max}"` : ''}
        />${field.unit ? html`<span class="unit">${field.unit}</span>` : ''}`;
    case 'money':
      return html`<input type="number" ${data} step="0.01" min="${field.min ?? 0}" /><span class="unit"
          >元</span
        >`;
    case 'date':
      return html`<input type="date" ${data} />`;
    case 'choice':
      return html`<select ${data}>
        <option value="">请选择</option>
        ${field.options.map((option) => html`<option>${option}</option>`)}
      </select>`;
    case 'multi-choice':
      return html`<span class="choices" ${data}
        >${field.options.map(
          (option) =>
            html`<label class="choice"><input type="checkbox" value="${option}" />${option}</label>`,
        )}</span
      >`;
    case 'yes-no':
      return html`<select ${data}>
        <option value="">请选择</option>
        <option value="true">是</option>
        <option value="false">否</option>
      </select>`;
    case 'phone':
      return html`<input type="tel" ${data} maxlength="13" />`;
    case 'id-number':
      return html`<input ${data} maxlength="18" class="id-number" />`;
    case 'address':
      return html`<input ${data} maxlength="300" class="wide" />`;
    case 'bank-account':
      return html`<span class="bank" ${data}>
        <label>开户银行 <input data-bank="bankName" maxlength="50" /></label>
        <label>户名 <input data-bank="accountName" maxlength="50" /></label>
        <label>账号 <input data-bank="accountNumber" maxlength="40" inputmode="numeric" /></label>
      </span>`;
    default:
      return html`<input ${data} maxlength="${field.maxLength ?? 200}" />`;
  }
}

function rowHtml(list) {
  return html`<tr data-row>
    ${list.fields.map(
      (part) =>
        html`<td class="field" data-cell="${part.key}">
          ${controlHtml(part, 'data-part')}${problemSlot()}
        </td>`,
    )}
    <td><button type="button" data-action="remove-row">删除</button></td>
  </tr>`;
}

function listHtml(field) {
  return html`<div class="person-list field" data-list="${field.key}">
    <p class="list-title">${field.label}${required(field)} ${help(field)}</p>
    <table>
      <thead>
        <tr>
          ${field.fields.map((part) => html`<th>${part.label}${required(part)}</th>`)}
          <th></th>
        </tr>
      </thead>
      <tbody></tbody>
    </table>
    <template>${rowHtml(field)}</template>
    <button type="button" data-action="add-row">添加一条${field.itemLabel}</button>
    ${problemSlot()}
  </div>`;
}

function fieldHtml(field) {
  if (field.type === 'person-list') return listHtml(field);
  const wide = ['textarea', 'address', 'bank-account', 'multi-choice'].includes(field.type);
  // A group of boxes (choices, the three parts of an account) is named by its title, not wrapped in one label.
  const grouped = field.type === 'bank-account' || field.type === 'multi-choice';
  return html`<div
    class="field ${wide ? 'wide' : ''}"
    data-cell="${field.key}"
    ${grouped ? html`role="group" aria-label="${field.label}"` : ''}
  >
    ${grouped
      ? html`<span class="field-title">${field.label}${required(field)}</span> ${controlHtml(
            field,
            'data-field',
          )}`
      : html`<label>${field.label}${required(field)} ${controlHtml(field, 'data-field')}</label>`}
    ${help(field)} ${problemSlot()}
  </div>`;
}

export function applicationFormHtml(form) {
  if (!form?.sections?.length) return '';
  return html`<div class="application-form">
    ${form.sections.map(
      (section) =>
        html`<fieldset class="form-section">
          <legend>${section.title}</legend>
          ${section.help ? html`<p class="help">${section.help}</p>` : ''}
          <div class="form-grid">${section.fields.map(fieldHtml)}</div>
        </fieldset>`,
    )}
  </div>`;
}

/** Adds the first row of every list that must have one, and wires 添加 / 删除. */
export function wireApplicationForm(container, form) {
  const addRow = (list) => {
    const template = list.querySelector('template');
    list.querySelector('tbody').append(template.content.cloneNode(true));
  };
  for (const field of fields(form)) {
    if (field.type !== 'person-list') continue;
    const list = container.querySelector(`[data-list="${field.key}"]`);
    for (let i = 0; i < (field.minItems ?? (field.required ? 1 : 0)); i += 1) addRow(list);
  }
  container.addEventListener('click', (event) => {
    const action = event.target.dataset?.action;
    if (action === 'add-row') addRow(event.target.closest('[data-list]'));
    if (action === 'remove-row') event.target.closest('tr[data-row]').remove();
  });
}

const fields = (form) => form?.sections?.flatMap((section) => section.fields) ?? [];

function readControl(field, element) {
  if (!element) return undefined;
  switch (field.type) {
    case 'multi-choice': {
      const checked = [...element.querySelectorAll('input:checked')].map((box) => box.value);
      return checked.length ? checked : undefined;
    }
    case 'bank-account': {
      const parts = Object.fromEntries(
        [...element.querySelectorAll('[data-bank]')].map((input) => [input.dataset.bank, input.value.trim()]),
      );
      return Object.values(parts).some(Boolean) ? parts : undefined;
    }
    case 'yes-no':
      return element.value === '' ? undefined : element.value === 'true';
    case 'number':
    case 'money':
      return element.value === '' ? undefined : Number(element.value);
    default: {
      const value = element.value.trim();
      return value === '' ? undefined : value;
    }
  }
}

/** What was filled in, by field key; empty fields are left out (intake names the required ones missing). */
export function readFormData(container, form) {
  const data = {};
  for (const field of fields(form)) {
    if (field.type === 'person-list') {
      const rows = [...container.querySelectorAll(`[data-list="${field.key}"] tr[data-row]`)].map((row) =>
        Object.fromEntries(
          field.fields
            .map((part) => [part.key, readControl(part, row.querySelector(`[data-part="${part.key}"]`))])
            .filter(([, value]) => value !== undefined),
        ),
      );
      if (rows.length) data[field.key] = rows;
    } else {
      const value = readControl(field, container.querySelector(`[data-field="${field.key}"]`));
      if (value !== undefined) data[field.key] = value;
    }
  }
  return data;
}

/** Puts each of intake's form problems beside its field (`householdMembers[1].idNumber`), and clears old ones. */
export function showFormProblems(container, problems) {
  for (const slot of container.querySelectorAll('.field-problem')) slot.textContent = '';
  for (const marked of container.querySelectorAll('[aria-invalid]')) marked.removeAttribute('aria-invalid');
  for (const problem of problems ?? []) {
    const match = /^(\w+)(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(problem.field);
    if (!match) continue;
    const [, key, row, part] = match;
    let cell = container.querySelector(`[data-cell="${key}"], [data-list="${key}"]`);
    if (cell && row !== undefined) {
      const rowElement = cell.querySelectorAll('tr[data-row]')[Number(row)];
      cell = part && rowElement ? rowElement.querySelector(`[data-cell="${part}"]`) : cell;
    }
    if (!cell) continue;
    const slot = cell.querySelector(':scope > .field-problem') ?? cell.querySelector('.field-problem');
    if (slot) slot.textContent = problem.message;
    cell.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
  }
}
