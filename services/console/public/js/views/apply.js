import { api, applicantSession, newIdempotencyKey } from '../api.js';
import { html, messageHtml, mount, showError, showMessage, todayIso } from '../html.js';
import { DELIVERY_METHODS } from '../labels.js';
import { cardAtKiosk } from '../kiosk-mode.js';
import { PAGE_TYPES, shrunk } from '../photos.js';
import { showApplicantSignIn, signedInHeader } from './applicant-sign-in.js';
import {
  applicationFormHtml,
  readFormData,
  showFormProblems,
  wireApplicationForm,
} from './application-form.js';

/** 网办深度 from which an applicant files online (intake decides; the page only offers what it will take). */
const ONLINE_FILING_DEPTH = 3;
const FULLY_ONLINE_DEPTH = 4;
const AUTHORISATION = '授权委托书';
const RELATIONSHIPS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母、外祖父母', '孙子女、外孙子女'];
const MAX_PAGES = 12;
export const mayFileOnline = (guide) => guide.onlineDepth >= ONLINE_FILING_DEPTH;

function deliveryMethodsOf(guide) {
  return [
    ...(guide.onlineDepth >= FULLY_ONLINE_DEPTH ? ['electronic'] : []),
    'pick-up',
    ...(guide.expressDelivery ? ['express'] : []),
  ];
}

const materialRow = (material, key) =>
  html`<li class="material" data-material="${material.name}">
    <span class="material-name"
      >${material.name}${material.required
        ? html`<abbr class="required" title="必须提交">*</abbr>`
        : ''}</span
    >
    <small class="muted">${material.issuer ? `${material.issuer}出具` : ''}</small>
    <label class="upload"
      >选择文件或拍照
      <input type="file" multiple accept="${PAGE_TYPES}" data-pages="${key}" aria-label="${material.name}"
    /></label>
    <small class="chosen muted"></small>
  </li>`;

function applyHtml(matter, places, signedIn) {
  const { guide } = matter;
  const deliveries = deliveryMethodsOf(guide);
  return html`${signedInHeader(signedIn)}
    <p class="muted">
      ${places.county.name} · ${guide.caseKind} · 承诺
      ${guide.caseKind === '即办件' ? '当场办结' : `${guide.committedLimitWorkingDays} 个工作日内办结`} ·
      ${guide.onlineDepth >= FULLY_ONLINE_DEPTH ? '全程网办，无需到现场' : '网上申请，办结后到窗口领取结果'} ·
      <a href="#/matter/${encodeURIComponent(matter.code)}">办事指南</a>
    </p>
    <form class="apply applicant-form" novalidate>
      <fieldset>
        <legend>办理地点</legend>
        <label
          >向哪个乡镇便民服务中心申请
          <select name="town">
            <option value="">请选择乡镇</option>
            ${places.towns.map(
              (town) => html`<option value="${town.code}">${town.name}便民服务中心</option>`,
            )}
          </select></label
        >
      </fieldset>
      <fieldset>
        <legend>申请人</legend>
        <div class="choice-row" role="radiogroup" aria-label="为谁申请">
          <label class="choice"><input type="radio" name="who" value="self" checked />本人申请</label>
          <label class="choice"><input type="radio" name="who" value="family" />为家属代为申请</label>
        </div>
        <label>申请人姓名 <input name="applicantName" maxlength="100" autocomplete="name" /></label>
        <label
          >申请人公民身份号码 <input name="applicantIdNumber" maxlength="18" autocapitalize="characters"
        /></label>
        <div class="on-behalf" hidden>
          <label>代办人（本人）姓名 <input name="agentName" maxlength="50" /></label>
          <label
            >与申请人的关系
            <select name="relationship">
              <option value="">请选择</option>
              ${RELATIONSHIPS.map((relation) => html`<option>${relation}</option>`)}
            </select></label
          >
          <label>委托书签署日期 <input type="date" name="signedOn" max="${todayIso()}" /></label>
          <label
            >委托事项 <input name="scope" maxlength="200" value="代为网上申请、补正材料、接收办理结果"
          /></label>
        </div>
        <p class="muted">办理进度、补正和结果通知将以短信发送至登录手机 ${signedIn.phoneShown}。</p>
      </fieldset>
      ${applicationFormHtml(guide.form)}
      <fieldset>
        <legend>申请材料</legend>
        <p class="help">
          每项材料上传清晰的扫描件或照片（PDF、JPG、PNG、OFD，单个不超过 10 MB，共不超过 ${MAX_PAGES} 个）；标
          * 的必须提交。${guide.onlineDepth >= FULLY_ONLINE_DEPTH ? '' : '领取结果时请携带原件核验。'}
        </p>
        <ul class="materials">
          ${guide.materials.map((material, index) => materialRow(material, String(index)))}
          <li class="material authorisation" hidden>
            <span class="material-name"
              >${AUTHORISATION}<abbr class="required" title="必须提交">*</abbr></span
            >
            <small class="muted">申请人签名</small>
            <label class="upload"
              >选择文件或拍照
              <input
                type="file"
                multiple
                accept="${PAGE_TYPES}"
                data-pages="authorisation"
                aria-label="${AUTHORISATION}"
            /></label>
            <small class="chosen muted"></small>
          </li>
        </ul>
      </fieldset>
      <fieldset>
        <legend>结果送达</legend>
        <label
          >送达方式
          <select name="deliveryMethod">
            ${deliveries.map((code) => html`<option value="${code}">${DELIVERY_METHODS[code]}</option>`)}
          </select></label
        >
        <label class="address" hidden>邮寄地址 <input name="deliveryAddress" maxlength="300" /></label>
      </fieldset>
      <div class="message" role="status"></div>
      <button type="submit" class="primary">提交申请</button>
    </form>`;
}

/** Every chosen file with the material it belongs to, in the order they are sent. */
function chosenPages(form, matter, forFamily) {
  return [...form.querySelectorAll('input[data-pages]')].flatMap((input) => {
    const key = input.dataset.pages;
    if (key === 'authorisation' && !forFamily) return [];
    const materialName = key === 'authorisation' ? AUTHORISATION : matter.guide.materials[Number(key)].name;
    return [...input.files].map((file) => ({ materialName, file }));
  });
}

function applicationOf(form, matter, forFamily) {
  const value = (name) => form.elements[name].value.trim();
  return {
    county: matter.countyCode,
    town: value('town'),
    matterCode: matter.code,
    applicantName: value('applicantName'),
    applicantIdNumber: value('applicantIdNumber').toUpperCase(),
    formData: readFormData(form, matter.guide.form),
    deliveryMethod: value('deliveryMethod'),
    ...(value('deliveryMethod') === 'express' ? { deliveryAddress: value('deliveryAddress') } : {}),
    ...(forFamily
      ? {
          onBehalf: {
            agentName: value('agentName'),
            relationship: value('relationship'),
            signedOn: value('signedOn'),
            scope: value('scope'),
          },
        }
      : {}),
  };
}

/** What the page can tell before sending: a town, and a file for every material that must be there. */
function missingBeforeSending(form, matter, forFamily, pages) {
  const missing = [];
  if (!form.elements.town.value) missing.push('请选择办理的乡镇便民服务中心');
  const given = new Set(pages.map((page) => page.materialName));
  for (const material of matter.guide.materials)
    if (material.required && !given.has(material.name)) missing.push(`请上传：${material.name}`);
  if (forFamily && !given.has(AUTHORISATION)) missing.push(`请上传：${AUTHORISATION}`);
  if (pages.length > MAX_PAGES)
    missing.push(`一次最多上传 ${MAX_PAGES} 个文件，请把同一材料的多页合并为一个 PDF`);
  return missing;
}

const filedHtml = (answer, matter) =>
  html`${messageHtml('ok', answer.replayed ? '该申请此前已提交，不会重复建件' : '申请已提交', [
      html`事项：${matter.name}`,
      html`办件编号：<strong class="typed-code">${answer.receiptNumber}</strong>`,
      html`查询码：<strong class="typed-code">${answer.queryCode}</strong
        >（凭办件编号和查询码也可在“办件查询”查看）`,
      '便民服务中心将在 5 日内告知是否受理，受理后短信通知；需要补正的，可在“我的办件”中网上补正。',
    ])}
    <p><a class="primary button-link" href="#/my/${answer.caseId}">查看办理进度</a></p>`;

function wire(root, form, matter) {
  const onBehalf = form.querySelector('.on-behalf');
  const authorisation = form.querySelector('.authorisation');
  const message = form.querySelector('.message');
  const forFamily = () => form.elements.who.value === 'family';
  let idempotencyKey = newIdempotencyKey();

  wireApplicationForm(form, matter.guide.form);
  form.addEventListener('change', (event) => {
    if (event.target.name === 'who') {
      onBehalf.hidden = !forFamily();
      authorisation.hidden = !forFamily();
    }
    if (event.target.name === 'deliveryMethod')
      form.querySelector('.address').hidden = event.target.value !== 'express';
    if (event.target.dataset.pages) {
      message.replaceChildren();
      const names = [...event.target.files].map((file) => file.name);
      event.target.closest('.material').querySelector('.chosen').textContent = names.length
        ? `已选 ${names.length} 个：${names.join('、')}`
        : '';
    }
    // Anything changed makes a new request: a retry of the same one keeps its key and never files twice.
    idempotencyKey = newIdempotencyKey();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const family = forFamily();
    const pages = chosenPages(form, matter, family);
    const missing = missingBeforeSending(form, matter, family, pages);
    if (missing.length) {
      showMessage(message, 'error', '还不能提交：', missing);
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      const application = {
        ...applicationOf(form, matter, family),
        pageMaterials: pages.map((page) => page.materialName),
      };
      const body = new FormData();
      body.append('application', JSON.stringify(application));
      for (const page of pages) body.append('page', await shrunk(page.file));
      const answer = await api('intake', '/applicant/applications', {
        method: 'POST',
        form: body,
        headers: { 'idempotency-key': idempotencyKey },
        asApplicant: true,
      });
      mount(root.querySelector('.body'), filedHtml(answer, matter));
      window.scrollTo(0, 0);
    } catch (error) {
      showFormProblems(form, error.problems?.length ? error.problems : error.details?.problems);
      const notUploaded = error.details?.notUploaded ?? [];
      showMessage(
        message,
        'error',
        error.message,
        notUploaded.map((name) => `请上传：${name}`),
      );
      button.disabled = false;
      button.textContent = '提交申请';
    }
  });
}

/**
 * 网上申请 (#/apply/<matter>): an applicant signed in with their mobile number files a matter whose guide allows it,
 * with its 申请表 and a scan or photo of each material, for themselves or for a family member who signed a 授权委托书.
 */
export function renderApply(root, { params }) {
  const [code] = params;
  mount(
    root,
    html`<h2>网上申请</h2>
      <div class="body"></div>`,
  );
  const body = root.querySelector('.body');
  if (!code) {
    mount(body, html`<p>请先在<a href="#/matter">办事指南</a>中找到要办理的事项，再点“网上申请”。</p>`);
    return;
  }
  const show = async (signedIn) => {
    try {
      const matter = await api('intake', `/catalogue/matters/${encodeURIComponent(code)}`);
      root.querySelector('h2').textContent = `网上申请 · ${matter.name}`;
      if (!mayFileOnline(matter.guide) || matter.level !== 'town' || matter.withdrawnAt) {
        mount(
          body,
          messageHtml('info', '该事项暂不能网上申请', [
            matter.level === 'village'
              ? '村级事项请到所在村（社区）便民服务站办理，可由帮办代办员代为申请。'
              : '请携带办事指南所列材料到乡镇便民服务中心窗口办理。',
            html`<a href="#/matter/${encodeURIComponent(code)}">查看办事指南</a>`,
          ]),
        );
        return;
      }
      const places = await api('intake', `/catalogue/places/${matter.countyCode}`);
      mount(body, applyHtml(matter, places, signedIn));
      const form = body.querySelector('form.apply');
      // At the hall's kiosk, the identity card already read fills in the applicant.
      const card = cardAtKiosk();
      if (card) {
        form.elements.applicantIdNumber.value = card.idNumber;
        if (card.name) form.elements.applicantName.value = card.name;
      }
      wire(root, form, matter);
    } catch (error) {
      if (error.status === 401) {
        applicantSession.clear();
        showApplicantSignIn(body, show, '网上申请须先用本人手机号码登录。');
        return;
      }
      showError(body, error);
    }
  };
  body.addEventListener('click', (event) => {
    if (!event.target.matches('.sign-out')) return;
    applicantSession.clear();
    showApplicantSignIn(body, show, '网上申请须先用本人手机号码登录。');
  });
  const signedIn = applicantSession.current;
  if (signedIn) void show(signedIn);
  else showApplicantSignIn(body, show, '网上申请须先用本人手机号码登录，办理进度和结果将短信告知该号码。');
}
