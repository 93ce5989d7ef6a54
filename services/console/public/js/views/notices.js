import { api, documentUrl } from '../api.js';
import { formatDateTime, html, mount, showError } from '../html.js';

const KINDS = { 'assessment-bulletin': '考核通报' };

/**
 * 政务公开: what the county's 行政审批服务管理局 has issued to the public under its seal (定期通报 … 向社会公开), newest
 * first; anyone opens the sealed PDF and checks it at the verification counter, without logging in.
 */
export function renderNotices(root) {
  mount(
    root,
    html`<h2>政务公开 <small>县行政审批服务管理局印发的考核通报，加盖电子印章，可下载核验</small></h2>
      <div class="notices"><p class="muted">正在读取……</p></div>`,
  );
  const list = root.querySelector('.notices');
  api('seal', '/notices')
    .then((notices) =>
      mount(
        list,
        notices.length
          ? html`<ul class="notice-list">
              ${notices.map(
                (notice) =>
                  html`<li class="notice">
                    <a
                      class="notice-title"
                      href="${documentUrl(notice.documentId)}"
                      target="_blank"
                      rel="noopener"
                      >${notice.title}</a
                    >
                    <div class="notice-meta">
                      ${notice.issuerName}　${notice.number}　${KINDS[notice.kind] ?? '通知'}　印发于
                      ${formatDateTime(notice.issuedAt)}
                    </div>
                    <div class="notice-actions">
                      <a href="${documentUrl(notice.documentId)}" target="_blank" rel="noopener">下载 PDF</a>
                      <a href="#/verify/${notice.verificationCode}">核验真伪</a>
                    </div>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">暂无公开的通报。</p>`,
      ),
    )
    .catch((error) => showError(list, error));
}
