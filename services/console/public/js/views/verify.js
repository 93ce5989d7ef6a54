import { api, session } from '../api.js';
import { formatDateTime, html, mount, showError, showMessage } from '../html.js';

/** What the file's own stamp says; the case and title only when the registry's essentials are not shown. */
const stampLines = (stamp, withEssentials) =>
  stamp
    ? [
        `印章：${stamp.sealName}`,
        `用印时间：${formatDateTime(stamp.stampedAt)}`,
        ...(withEssentials || !stamp.receiptNumber ? [] : [`办件编号：${stamp.receiptNumber}`]),
        `验证码：${stamp.verificationCode}`,
        ...(stamp.title && !withEssentials
          ? [`文书：${stamp.title}${stamp.number ? `（${stamp.number}）` : ''}`]
          : []),
        `文书 SM3 摘要：${stamp.documentSm3}`,
      ]
    : [];

/** What the registry recorded of a valid document: to be held against the paper copy, line by line. */
const documentLines = (document) =>
  document
    ? [
        '请将下列登记内容与手中文书逐项核对，任何一项不符即不是这份文书：',
        `发文机关：${document.issuer}`,
        `文书：${document.title}${document.number ? `（${document.number}）` : ''}`,
        // A county's notice (考核通报) belongs to no case.
        ...(document.receiptNumber ? [`办件编号：${document.receiptNumber}`] : []),
        ...(document.matterName ? [`事项：${document.matterName}`] : []),
        ...(document.outcome ? [`结果：${document.outcome}`] : []),
        ...(document.applicant ? [`申请人：${document.applicant}`] : []),
        ...(document.issuedOn ? [`出具日期：${document.issuedOn}`] : []),
      ]
    : [];

/** The public verification counter: anyone holding a stamped document may check it, logged in or not. */
export function renderVerify(root, { params = [] } = {}) {
  mount(
    root,
    html`<h2>文书核验</h2>
      <form class="card">
        <p>上传加盖电子印章的 PDF 文书，或输入文书上印的验证码，核验文书是否完整、印章是否有效。</p>
        <label>PDF 文书 <input type="file" name="file" accept="application/pdf,.pdf" /></label>
        <label
          >或验证码
          <input name="code" maxlength="40" placeholder="K7QX-2MZP-9RTA-H4WC" value="${params[0] ?? ''}"
        /></label>
        <button type="submit" class="primary">核验</button>
      </form>
      <div class="message"></div>
      ${session.token ? '' : html`<p class="aside"><a href="#/login">返回登录</a></p>`}`,
  );
  const form = root.querySelector('form');
  const message = root.querySelector('.message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    const code = form.elements.code.value.trim();
    if (!file && !code) {
      showMessage(message, 'error', '请选择 PDF 文书或输入验证码');
      return;
    }
    const request = { method: 'POST' };
    if (file) {
      request.form = new FormData();
      request.form.append('file', file);
    } else {
      request.body = { code };
    }
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const result = await api('seal', '/verification', request);
      showMessage(message, result.valid ? 'ok' : 'error', result.message, [
        ...documentLines(result.document),
        ...stampLines(result.stamp, !!result.document),
      ]);
    } catch (error) {
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });
  // Opened from a document's QR code (#/verify/<验证码>): check it straight away.
  if (params[0]) form.requestSubmit();
}
