import { api, hasRole, newIdempotencyKey } from '../api.js';
import { caseLink, formValues, html, messageHtml, mount, showError, tableHtml } from '../html.js';
import { CHANNELS, DELIVERY_METHODS, label } from '../labels.js';
import {
  applicationFormHtml,
  readFormData,
  showFormProblems,
  wireApplicationForm,
} from './application-form.js';
import { GUIDE_COLUMNS, matterListHtml, wireMatterSearch } from './matter-list.js';
import { printReceipt, receiptCode, receiptHtml } from './receipt.js';

/** After a filing: the form cannot be sent again; the receipt and the next applicant are a click away. */
function lockFiledForm(form) {
  for (const element of form.querySelectorAll(
    'input, select, textarea, button[data-action="fill"], [data-action="add-row"], [data-action="remove-row"]',
  ))
    element.disabled = true;
  form.querySelector('button[type=submit]').hidden = true;
  form.querySelector('.after-filing').hidden = false;
}

/** The channels each filing role keys applications in through (as intake's filing scope allows). */
function channelsOf(user) {
  const channels = [];
  if (hasRole(user, 'village-agent')) channels.push('village-agent');
  if (hasRole(user, 'town-window')) channels.push('town-window', 'kiosk', 'online');
  return channels;
}

const count = (name) => html`<input type="number" name="${name}" min="0" max="99" value="0" required />`;

/** The 高拍仪's scans or photos of a material, uploaded to the case once it is filed. */
const PAGE_TYPES = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';
const pagesInput = (key, material) =>
  html`<input
    type="file"
    multiple
    accept="${PAGE_TYPES}"
    data-pages="${key}"
    aria-label="${material}的扫描件"
  />`;
const option = (code, title) => html`<option value="${code}">${title}</option>`;

const mattersHtml = (found) =>
  matterListHtml(found, { ...GUIDE_COLUMNS, button: '选择', empty: '没有找到符合的事项。' });

function guideHtml(matter, user) {
  const guide = matter.guide;
  const deliveries = Object.entries(DELIVERY_METHODS).filter(
    ([code]) => code !== 'express' || guide.expressDelivery,
  );
  const materials = guide.materials.map((material, i) => [
    material.name,
    material.issuer,
    `${material.required ? '必需' : '可选'}：原件 ${material.originals} 份、复印件 ${material.copies} 份`,
    count(`originals-${i}`),
    count(`copies-${i}`),
    pagesInput(i, material.name),
  ]);
  const statutory = guide.statutoryLimitWorkingDays
    ? ` · 法定 ${guide.statutoryLimitWorkingDays} 个工作日`
    : '';
  return html`<h3>${matter.name}（${matter.code}）</h3>
    <p class="muted">
      ${guide.caseKind} · 承诺办结 ${guide.committedLimitWorkingDays} 个工作日${statutory} ·
      收费：${guide.fee} · 办理单位：${matter.unit?.name}
    </p>
    <fieldset>
      <legend>申请材料（收到的份数）</legend>
      ${tableHtml(
        ['材料', '出具单位', '指南要求', '原件', '复印件', '扫描件 / 照片'],
        materials,
        '该事项的办事指南未列材料。',
      )}
      <button type="button" data-action="fill">按指南份数填入</button>
    </fieldset>
    <fieldset class="grid">
      <legend>申请人</legend>
      <label>姓名 <input name="applicantName" required maxlength="100" /></label>
      <label
        >公民身份号码 <input name="applicantIdNumber" required pattern="\\d{17}[\\dXx]" maxlength="18"
      /></label>
      <label>手机号码 <input name="applicantPhone" required pattern="1\\d{10}" maxlength="11" /></label>
    </fieldset>
    ${applicationFormHtml(guide.form)}
    <fieldset class="grid authorisation" ${channelsOf(user)[0] === 'village-agent' ? '' : 'hidden'}>
      <legend>授权委托书（帮办代办）</legend>
      <label>签署日期 <input type="date" name="authorisationSignedOn" /></label>
      <label class="wide"
        >委托事项
        <input name="authorisationScope" maxlength="200" value="代为提交申请、补交材料、领取办理结果"
      /></label>
      <label>委托书扫描件 ${pagesInput('authorisation', '授权委托书')}</label>
    </fieldset>
    <fieldset class="grid">
      <legend>受理与送达</legend>
      <label
        >受理渠道
        <select name="channel">
          ${channelsOf(user).map((code) => option(code, label(CHANNELS, code)))}
        </select></label
      >
      <label
        >送达方式
        <select name="deliveryMethod">
          ${deliveries.map(([code, title]) => option(code, title))}
        </select></label
      >
      <label class="address" hidden>邮寄地址 <input name="deliveryAddress" maxlength="300" /></label>
    </fieldset>
    <div class="message"></div>
    <div class="after-filing" hidden>
      <button type="button" data-action="print-a4" class="primary">打印受理回执（A4）</button>
      <button type="button" data-action="print-slip">打印小票</button>
      <button type="button" data-action="next">办理下一件</button>
    </div>
    <div class="receipt-area" hidden></div>
    <button type="submit" class="primary">提交申请</button>`;
}

/** The files chosen for each material (and the 委托书), as uploads to make once the case exists. */
function chosenPages(form, matter) {
  return [...form.querySelectorAll('input[data-pages]')].flatMap((input) => {
    const key = input.dataset.pages;
    const materialName = key === 'authorisation' ? '授权委托书' : matter.guide.materials[Number(key)].name;
    return [...input.files].map((file) => ({ materialName, file }));
  });
}

/** Uploads the chosen pages one by one; answers what was kept and what was refused (and why). */
async function uploadPages(caseId, pages) {
  const results = [];
  for (const { materialName, file } of pages) {
    const body = new FormData();
    body.append('materialName', materialName);
    body.append('file', file);
    try {
      await api('intake', `/applications/${encodeURIComponent(caseId)}/attachments`, {
        method: 'POST',
        form: body,
      });
      results.push({ ok: true, text: `${materialName}：${file.name}` });
    } catch (error) {
      results.push({ ok: false, text: `${materialName}：${file.name}（${error.message}）` });
    }
  }
  return results;
}

function applicationOf(matter, user, values, form) {
  const byAgent = values.channel === 'village-agent';
  return {
    county: user.county,
    town: user.town,
    ...(values.channel === 'village-agent' ? { villageCode: user.village } : {}),
    matterCode: matter.code,
    channel: values.channel,
    applicantName: values.applicantName,
    applicantIdNumber: values.applicantIdNumber.toUpperCase(),
    applicantPhone: values.applicantPhone,
    materials: matter.guide.materials
      .map((material, i) => ({
        name: material.name,
        originals: Number(values[`originals-${i}`]),
        copies: Number(values[`copies-${i}`]),
      }))
      .filter((material) => material.originals + material.copies > 0),
    deliveryMethod: values.deliveryMethod,
    ...(values.deliveryMethod === 'express' ? { deliveryAddress: values.deliveryAddress } : {}),
    formData: readFormData(form, matter.guide.form),
    ...(byAgent
      ? { authorisation: { signedOn: values.authorisationSignedOn, scope: values.authorisationScope } }
      : {}),
  };
}

// Absent only in an answer from an intake that predates query codes: then there is nothing to hand over.
const codesHtml = (answer) =>
  html`办件编号：<strong class="typed-code">${answer.receiptNumber}</strong> ${answer.queryCode &&
    html`<span class="query-code">查询码：<strong class="typed-code">${answer.queryCode}</strong></span>`}`;

const resultHtml = (answer, uploads) => {
  const kept = uploads.filter((upload) => upload.ok);
  const refused = uploads.filter((upload) => !upload.ok);
  return html`${messageHtml(
    'ok',
    answer.replayed ? '该申请此前已提交（重复提交不会重复建件）' : '申请已提交',
    [
      codesHtml(answer),
      answer.queryCode &&
        '请将办件编号和查询码告知申请人，凭此查询办理进度、评价服务；可打印受理回执交申请人',
      kept.length > 0 && `已上传扫描件 ${kept.length} 份`,
      html`${caseLink(answer.caseId, '查看办件详情')}`,
    ].filter(Boolean),
  )}
  ${refused.length > 0 &&
  messageHtml(
    'error',
    '以下扫描件未能上传，可在办件详情中重新上传：',
    refused.map((upload) => upload.text),
  )}`;
};

export function renderIntake(root, { user }) {
  mount(
    root,
    html`<h2>受理申请</h2>
      <form class="search toolbar">
        <label>事项名称 <input name="q" maxlength="50" placeholder="如：救助" /></label>
        <button type="submit">查询本镇可办事项</button>
      </form>
      <div class="search-message"></div>
      <div class="matters"></div>
      <form class="application card" hidden></form>`,
  );
  const matters = root.querySelector('.matters');
  const searchMessage = root.querySelector('.search-message');
  const form = root.querySelector('form.application');
  let matter = null;
  // The filing just made, for its 受理回执 (the 查询码 is shown once, on the counter's screen and the receipt).
  let filed = null;
  // Reused only when the same content is sent again (a retry after a lost answer), so a retry never files twice.
  let lastAttempt = null;

  wireMatterSearch(root, {
    scope: { town: user.town },
    list: matters,
    message: searchMessage,
    render: mattersHtml,
  });

  matters.addEventListener('click', async (event) => {
    const code = event.target.closest('button[data-code]')?.dataset.code;
    if (!code) return;
    try {
      matter = await api('intake', `/catalogue/matters/${encodeURIComponent(code)}`);
      lastAttempt = null;
      mount(form, guideHtml(matter, user));
      wireApplicationForm(form, matter.guide.form);
      form.hidden = false;
      form.scrollIntoView({ behavior: 'smooth' });
    } catch (error) {
      showError(searchMessage, error);
    }
  });

  form.addEventListener('click', (event) => {
    const action = event.target.dataset.action;
    if (action === 'print-a4' || action === 'print-slip') {
      const area = form.querySelector('.receipt-area');
      mount(area, receiptHtml({ ...filed, matter, user }));
      area.hidden = false;
      printReceipt(action === 'print-a4' ? 'a4' : 'slip');
      return;
    }
    if (action === 'next') {
      // 办理下一件: nothing of the last applicant stays on the screen.
      filed = null;
      matter = null;
      lastAttempt = null;
      mount(form, '');
      form.hidden = true;
      mount(matters, '');
      root.querySelector('form.search').reset();
      root.querySelector('form.search input').focus();
      window.scrollTo({ top: 0 });
      return;
    }
    if (action !== 'fill') return;
    matter.guide.materials.forEach((material, i) => {
      form.elements[`originals-${i}`].value = material.originals;
      form.elements[`copies-${i}`].value = material.copies;
    });
  });
  form.addEventListener('change', () => {
    form.querySelector('.address').hidden = form.elements.deliveryMethod.value !== 'express';
    form.querySelector('.authorisation').hidden = form.elements.channel.value !== 'village-agent';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = form.querySelector('.message');
    const application = applicationOf(matter, user, formValues(form), form);
    const json = JSON.stringify(application);
    const key = lastAttempt?.json === json ? lastAttempt.key : newIdempotencyKey();
    lastAttempt = { json, key };
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const headers = { 'idempotency-key': key };
      const answer = await api('intake', '/applications', { method: 'POST', body: application, headers });
      showFormProblems(form, []);
      const uploads = await uploadPages(answer.caseId, chosenPages(form, matter));
      mount(message, resultHtml(answer, uploads));
      filed = {
        answer,
        application,
        code: answer.queryCode ? await receiptCode(answer.caseId, answer.queryCode) : null,
      };
      lockFiledForm(form);
      return;
    } catch (error) {
      showFormProblems(form, error.details?.problems);
      if (error.code === 'INTAKE.FORM_INVALID') {
        const problems = error.details.problems.map((problem) => `${problem.label}：${problem.message}`);
        const notice = (error.details.correctionNotice ?? []).map((line) => `需补齐材料：${line}`);
        mount(message, messageHtml('error', error.message, [...problems, ...notice]));
      } else if (error.code === 'INTAKE.MATERIALS_INCOMPLETE') {
        mount(
          message,
          messageHtml('error', `补正告知：${error.message}`, error.details?.correctionNotice ?? []),
        );
      } else {
        showError(message, error);
      }
    } finally {
      submit.disabled = false;
    }
  });
}
