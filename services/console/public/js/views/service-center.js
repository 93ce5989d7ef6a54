import { api } from '../api.js';
import { formValues, formatDateTime, html, mount, showError, showMessage } from '../html.js';
import { townOptionsHtml } from '../names.js';

const NOT_PUBLISHED = '（县行政审批服务管理局尚未公示）';

/**
 * A town's 便民服务中心 as the public reads it (the hall's QR code, a link in an SMS): its name, address, phone and
 * hours as the county published them, and what can be done here without coming in.
 */
export async function renderServiceCenter(root, { params }) {
  const [town] = params;
  mount(
    root,
    html`<div class="message"></div>
      <div class="center"></div>`,
  );
  if (!/^\d{9}$/.test(town ?? '')) {
    showMessage(
      root.querySelector('.message'),
      'error',
      '链接不完整：请扫描中心公示的二维码，或从办事指南进入',
    );
    return;
  }
  try {
    const center = await api('intake', `/catalogue/service-centers/${town}`);
    document.title = `${center.countyName}${center.name}`;
    mount(
      root.querySelector('.center'),
      html`<h2>${center.countyName}${center.name}</h2>
        <dl class="facts card">
          <dt>地址</dt>
          <dd>${center.address ?? NOT_PUBLISHED}</dd>
          <dt>咨询电话</dt>
          <dd>${center.phone ? html`<a href="tel:${center.phone}">${center.phone}</a>` : NOT_PUBLISHED}</dd>
          <dt>办公时间</dt>
          <dd>${center.hours ?? NOT_PUBLISHED}</dd>
        </dl>
        <ul class="center-links">
          <li>
            <a href="#/matter">事项查询<span class="muted">本中心可办事项、所需材料、办理时限</span></a>
          </li>
          <li>
            <a href="#/book/${center.town}"
              >网上预约<span class="muted">预约到本中心办事的时段，到后凭手机号取号</span></a
            >
          </li>
          <li>
            <a href="#/home-visit/${center.town}"
              >上门服务<span class="muted">行动不便的，申请村便民服务站上门服务或代办</span></a
            >
          </li>
          <li>
            <a href="#/my">我的办件<span class="muted">用手机号码登录，查看进度、文书，评价服务</span></a>
          </li>
          <li>
            <a href="#/progress">办件查询<span class="muted">凭办件编号和查询码</span></a>
          </li>
          <li>
            <a href="#/verify">文书核验<span class="muted">核验加盖电子印章的文书真伪</span></a>
          </li>
        </ul>
        ${center.updatedAt && html`<p class="muted">公示信息更新于 ${formatDateTime(center.updatedAt)}</p>`}`,
    );
  } catch (error) {
    showError(root.querySelector('.message'), error);
  }
}

/** The administrator's form: publish (or correct) a town center's address, phone and hours. */
export function mountServiceCenterForm(element) {
  mount(
    element,
    html`<form class="card center-form">
        <label
          >乡镇
          <select name="town" required>
            ${townOptionsHtml('', '请选择乡镇')}
          </select></label
        >
        <label>地址 <input name="address" required maxlength="100" size="48" /></label>
        <label>咨询电话 <input name="phone" required maxlength="13" placeholder="0356-3621234" /></label>
        <label
          >办公时间
          <input name="hours" required maxlength="80" size="40" placeholder="工作日 8:30—12:00，14:30—17:30"
        /></label>
        <button type="submit" class="primary">公示</button>
        <a class="center-link" hidden target="_blank" rel="noopener">查看公示页面</a>
      </form>
      <div class="center-message"></div>`,
  );
  const form = element.querySelector('form');
  const message = element.querySelector('.center-message');
  const link = element.querySelector('.center-link');

  form.elements.town.addEventListener('change', async () => {
    const town = form.elements.town.value;
    link.hidden = !town;
    mount(message, '');
    if (!town) return;
    link.href = `#/center/${town}`;
    try {
      const center = await api('intake', `/catalogue/service-centers/${town}`);
      for (const field of ['address', 'phone', 'hours']) form.elements[field].value = center[field] ?? '';
    } catch (error) {
      showError(message, error);
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { town, ...published } = formValues(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const center = await api('intake', `/catalogue/service-centers/${town}`, {
        method: 'PUT',
        body: published,
      });
      showMessage(message, 'ok', `${center.name}的地址、咨询电话和办公时间已公示`);
    } catch (error) {
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });
}
