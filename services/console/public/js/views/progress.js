import { api, session } from '../api.js';
import { formatDateTime, html, mount, showError } from '../html.js';
import { label, SUPERVISED_STAGES } from '../labels.js';

/** 办件进度查询: an applicant (or the window on the phone with them) looks a case up without a login. */
export function renderProgress(root) {
  mount(
    root,
    html`<h2>办件进度查询</h2>
      <form class="card">
        <p>凭受理回执上的办件编号和申请时登记的手机号码查询办理进度。</p>
        <label>办件编号 <input name="receiptNumber" required placeholder="140525-20261123-000001" /></label>
        <label>手机号码 <input name="mobile" required inputmode="numeric" maxlength="11" /></label>
        <button type="submit" class="primary">查询</button>
      </form>
      <div class="result"></div>
      ${session.token ? '' : html`<p class="aside"><a href="#/login">返回登录</a></p>`}`,
  );
  const form = root.querySelector('form');
  const result = root.querySelector('.result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = {
      receiptNumber: form.elements.receiptNumber.value.trim(),
      mobile: form.elements.mobile.value.trim(),
    };
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const found = await api('routing', '/progress', { query });
      const due = found.committedDueDate
        ? `${found.committedDueDate}${found.dueDateProvisional ? '（节假日安排未公布，日期可能调整）' : ''}`
        : '受理后确定';
      mount(
        result,
        html`<dl class="facts">
          <dt>办件编号</dt>
          <dd>${found.receiptNumber}</dd>
          <dt>事项</dt>
          <dd>${found.matterName ?? ''}</dd>
          <dt>办理状态</dt>
          <dd>${label(SUPERVISED_STAGES, found.stage)}</dd>
          <dt>受理时间</dt>
          <dd>${found.acceptedAt ? formatDateTime(found.acceptedAt) : '尚未受理'}</dd>
          <dt>承诺办结日期</dt>
          <dd>${due}</dd>
          <dt>办理结果</dt>
          <dd>${found.result ?? '办理中'}</dd>
          ${found.concludedAt
            ? html`<dt>办结时间</dt>
                <dd>${formatDateTime(found.concludedAt)}</dd>`
            : ''}
        </dl>`,
      );
    } catch (error) {
      showError(result, error);
    } finally {
      button.disabled = false;
    }
  });
}
