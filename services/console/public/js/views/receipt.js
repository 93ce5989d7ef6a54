import { api } from '../api.js';
import { formatDateTime, html } from '../html.js';
import { CHANNELS, DELIVERY_METHODS, label } from '../labels.js';
import { townLabel, unitLabel } from '../names.js';

/**
 * 受理回执: what the window hands the applicant when it takes an application — receipt number, 查询码 and a QR code to
 * the public progress page, what was applied for and handed in, when to expect the result. Printed on A4 or on the
 * hall's receipt printer (80 mm); drawn from the filing just made, so the 查询码 is never fetched again.
 */
export function receiptHtml({ answer, matter, application, user, code }) {
  const town = townLabel(user.town);
  const guide = matter.guide;
  const limit =
    guide.caseKind === '即办件'
      ? '即办件，当场办结'
      : `承诺 ${guide.committedLimitWorkingDays} 个工作日内办结（自受理次日起算，法定节假日除外）`;
  const materials = application.materials.map(
    (material) => `${material.name}：原件 ${material.originals} 份、复印件 ${material.copies} 份`,
  );
  return html`<article class="receipt">
    <h2 class="receipt-title">${town}便民服务中心<br />受理回执</h2>
    <dl class="receipt-facts">
      <dt>办件编号</dt>
      <dd><strong class="typed-code">${answer.receiptNumber}</strong></dd>
      <dt>查询码</dt>
      <dd><strong class="typed-code">${answer.queryCode}</strong></dd>
      <dt>申请人</dt>
      <dd>${application.applicantName}</dd>
      <dt>申请事项</dt>
      <dd>${matter.name}</dd>
      ${application.channel === 'village-agent' && application.villageCode
        ? html`<dt>代办站点</dt>
            <dd>${unitLabel(`${application.villageCode}-station`)}</dd>`
        : ''}
      <dt>受理渠道</dt>
      <dd>${label(CHANNELS, application.channel)}</dd>
      <dt>办理时限</dt>
      <dd>${limit}</dd>
      <dt>收到材料</dt>
      <dd>
        ${materials.length
          ? html`<ul>
              ${materials.map((line) => html`<li>${line}</li>`)}
            </ul>`
          : '无'}
      </dd>
      <dt>结果送达</dt>
      <dd>${label(DELIVERY_METHODS, application.deliveryMethod)}</dd>
      <dt>经办人</dt>
      <dd>${user.name}</dd>
      <dt>提交时间</dt>
      <dd>${formatDateTime(answer.submittedAt)}</dd>
    </dl>
    <div class="receipt-query">
      ${code?.qrImage
        ? html`<figure class="qr">
            <img src="${code.qrImage}" alt="办件查询二维码" />
            <figcaption>扫码查询办理进度</figcaption>
          </figure>`
        : ''}
      <p>
        凭办件编号和查询码可随时查询办理进度、评价服务：${code?.progressUrl
          ? html`扫描二维码，或打开 <span class="url">${new URL(code.progressUrl).origin}</span> 的“办件查询”`
          : '到便民服务中心窗口或网上办事大厅“办件查询”'}。查询码请妥善保管，勿告知他人。
      </p>
    </div>
    <p class="receipt-sign">申请人签字：<span class="line"></span> 日期：<span class="line short"></span></p>
  </article>`;
}

/**
 * The QR code of the receipt's progress link, from intake (which checks the 查询码 belongs to the case), as an image
 * the page shows from a blob: URL (an SVG in an <img> runs nothing). Null when it cannot be had: the receipt then
 * tells how to look the case up instead.
 */
export async function receiptCode(caseId, queryCode) {
  try {
    const code = await api('intake', `/applications/${encodeURIComponent(caseId)}/receipt-code`, {
      method: 'POST',
      body: { queryCode },
    });
    const qrImage = code.qrSvg && URL.createObjectURL(new Blob([code.qrSvg], { type: 'image/svg+xml' }));
    return { progressUrl: code.progressUrl, qrImage };
  } catch {
    return null;
  }
}

/**
 * Prints only the receipt, on A4 or on the 80 mm roll of the hall's receipt printer: the page size comes from a
 * stylesheet of its own, loaded for the print (the page's CSP allows no inline style).
 */
export function printReceipt(layout) {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = `css/receipt-${layout}.css`;
  const done = () => {
    sheet.remove();
    document.body.classList.remove('printing-receipt');
    window.removeEventListener('afterprint', done);
  };
  sheet.addEventListener('load', () => {
    window.addEventListener('afterprint', done);
    window.print();
  });
  document.body.classList.add('printing-receipt');
  document.head.append(sheet);
}
