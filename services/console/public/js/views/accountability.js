import { api, hasRole } from '../api.js';
import { formatDateTime, html, mount, showError, showMessage, tableHtml } from '../html.js';
import { townLabel, townFieldHtml } from '../names.js';

const listHtml = (records) =>
  tableHtml(
    ['时间', '类型', '乡镇', '对象', '事由', '处理决定', '涉及办件', '记录人'],
    records.map((record) => [
      formatDateTime(record.recordedAt),
      record.kind,
      townLabel(record.town),
      record.subject,
      record.reason,
      record.decision,
      record.caseNumbers.join('、'),
      record.recordedByName,
    ]),
    '没有约谈、问责记录。',
  );

const formHtml = (user) =>
  html`<form class="accountability-form card">
    ${townFieldHtml(user, { anyTown: true, none: '请选择乡镇', required: true })}
    <label
      >类型
      <select name="kind">
        <option value="约谈">约谈</option>
        <option value="问责">问责</option>
      </select></label
    >
    <label
      >对象 <input name="subject" size="28" maxlength="100" required placeholder="人员姓名、职务，或单位"
    /></label>
    <label>事由 <textarea name="reason" rows="2" cols="40" maxlength="1000" required></textarea></label>
    <label>处理决定 <textarea name="decision" rows="2" cols="40" maxlength="1000" required></textarea></label>
    <label
      >涉及办件编号 <input name="caseNumbers" size="40" placeholder="多个用空格或逗号分开，可不填"
    /></label>
    <button type="submit">记录</button>
  </form>`;

/** 约谈问责 in 监察: the county's record of whom it talked to or held to account, and why; supervisors record. */
export function renderAccountability(container, { user }) {
  const mayRecord = hasRole(user, 'supervisor');
  const town = hasRole(user, 'supervisor', 'auditor', 'admin') ? undefined : user.town;
  mount(
    container,
    html`${mayRecord ? formHtml(user) : ''}
      <div class="accountability-message"></div>
      <div class="accountability-list"></div>`,
  );
  const list = container.querySelector('.accountability-list');
  const message = container.querySelector('.accountability-message');
  async function load() {
    try {
      mount(
        list,
        listHtml(
          await api('routing', '/supervision/accountability', {
            query: { county: user.county, ...(town ? { town } : {}) },
          }),
        ),
      );
    } catch (error) {
      showError(list, error);
    }
  }
  container.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const caseNumbers = form.elements.caseNumbers.value.split(/[\s,，、]+/).filter(Boolean);
    try {
      const record = await api('routing', '/supervision/accountability', {
        method: 'POST',
        body: {
          town: form.elements.town.value,
          kind: form.elements.kind.value,
          subject: form.elements.subject.value,
          reason: form.elements.reason.value,
          decision: form.elements.decision.value,
          ...(caseNumbers.length ? { caseNumbers } : {}),
        },
      });
      form.reset();
      await load();
      showMessage(message, 'ok', `已记录对${record.subject}（${townLabel(record.town)}）的${record.kind}。`);
    } catch (error) {
      const unknown = error.details?.unknown;
      if (Array.isArray(unknown)) showMessage(message, 'error', error.message, unknown);
      else showError(message, error);
    }
  });
  void load();
}
