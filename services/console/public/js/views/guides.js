import { api } from '../api.js';
import {
  formatDateTime,
  formValues,
  html,
  looks,
  messageHtml,
  mount,
  showError,
  tableHtml,
} from '../html.js';
import { GUIDE_SOURCES, label } from '../labels.js';
import { GUIDE_COLUMNS, matterListHtml, wireMatterSearch } from './matter-list.js';

const CASE_KINDS = ['即办件', '承诺件'];
const ONLINE_DEPTHS = { 0: '0 不能网办', 1: '1', 2: '2', 3: '3', 4: '4 全程网办' };
const BLANK_MATERIAL = { name: '', issuer: '', originals: 1, copies: 0, required: true };

const selected = (on) => (on ? 'selected' : '');
const checked = (on) => (on ? 'checked' : '');

const mattersHtml = (found) =>
  matterListHtml(found, { ...GUIDE_COLUMNS, button: '选择', empty: '本县没有找到符合的事项。' });

// Guides written before sources were recorded carry none: then nothing is claimed about where a value came from.
const sourceNote = (source) => source && html`<span class="muted">（${label(GUIDE_SOURCES, source)}）</span>`;

const materialsTableHtml = (materials) =>
  tableHtml(
    ['名称', '出具单位', '原件份数', '复印件份数', '必需', ''],
    materials.map((material, i) => [
      html`<input
        data-field="name"
        aria-label="材料名称"
        required
        maxlength="200"
        size="24"
        value="${material.name}"
      />`,
      html`<input
        data-field="issuer"
        aria-label="出具单位"
        required
        maxlength="100"
        size="12"
        value="${material.issuer}"
      />`,
      html`<input
        type="number"
        data-field="originals"
        aria-label="原件份数"
        required
        min="0"
        max="99"
        value="${material.originals}"
      />`,
      html`<input
        type="number"
        data-field="copies"
        aria-label="复印件份数"
        required
        min="0"
        max="99"
        value="${material.copies}"
      />`,
      html`<input type="checkbox" data-field="required" aria-label="必需" ${checked(material.required)} />`,
      html`<button type="button" data-remove="${i}">删除</button>`,
    ]),
    '尚未列出材料：办事指南至少列出一项申请材料。',
  );

function guideFormHtml(matter) {
  const guide = matter.guide;
  const sources = guide.sources ?? {};
  const pending = Object.values(sources).filter((source) => source === 'county-default').length;
  return html`${pending > 0 &&
    html`<p class="muted">尚有 ${pending} 组内容为县级默认值，请核对确认后发布新版本。</p>`}
    <fieldset>
      <legend>设定依据 ${sourceNote(sources.legalBasis)}</legend>
      <textarea name="legalBasis" rows="3" required maxlength="2000" aria-label="设定依据">
${guide.legalBasis ?? ''}</textarea
      >
    </fieldset>
    <fieldset class="grid">
      <legend>办件类型 ${sourceNote(sources.caseKind)}</legend>
      <label
        >办件类型
        <select name="caseKind">
          ${CASE_KINDS.map(
            (kind) => html`<option value="${kind}" ${selected(kind === guide.caseKind)}>${kind}</option>`,
          )}
        </select></label
      >
    </fieldset>
    <fieldset class="grid">
      <legend>办结时限 ${sourceNote(sources.timeLimits)}</legend>
      <label
        >法定办结时限（工作日，可空：公共服务无法定时限）
        <input
          type="number"
          name="statutoryLimitWorkingDays"
          min="1"
          max="365"
          value="${guide.statutoryLimitWorkingDays ?? ''}"
      /></label>
      <label
        >承诺办结时限（工作日）
        <input
          type="number"
          name="committedLimitWorkingDays"
          required
          min="0"
          max="365"
          value="${guide.committedLimitWorkingDays}"
      /></label>
      <p class="muted">即办件的承诺时限为 0；承诺时限不能超过法定时限。</p>
    </fieldset>
    <fieldset>
      <legend>收费标准 ${sourceNote(sources.fee)}</legend>
      <input name="fee" required maxlength="500" size="40" aria-label="收费标准" value="${guide.fee}" />
    </fieldset>
    <fieldset class="grid">
      <legend>网上办理与送达 ${sourceNote(sources.online)}</legend>
      <label
        >网办深度
        <select name="onlineDepth">
          ${Object.entries(ONLINE_DEPTHS).map(
            ([depth, title]) =>
              html`<option value="${depth}" ${selected(Number(depth) === guide.onlineDepth)}>
                ${title}
              </option>`,
          )}
        </select></label
      >
      <label
        >到现场次数
        <input type="number" name="onSiteVisits" required min="0" max="5" value="${guide.onSiteVisits}"
      /></label>
      <label><input type="checkbox" name="appointment" ${checked(guide.appointment)} /> 支持预约</label>
      <label
        ><input type="checkbox" name="expressDelivery" ${checked(guide.expressDelivery)} />
        支持邮寄送达</label
      >
    </fieldset>
    <fieldset>
      <legend>申请材料 ${sourceNote(sources.materials)}</legend>
      <div class="materials">${materialsTableHtml(guide.materials)}</div>
      <button type="button" data-action="add-material">添加材料</button>
      ${guide.content?.researchedMaterials &&
      html`<button type="button" data-action="adopt-researched">
          采用公开办事指南列明的 ${guide.content.researchedMaterials.items.length} 项材料
        </button>
        <span class="muted">（替换上表，核对后随新版本发布）</span>`}
    </fieldset>
    <label
      >修订说明
      <textarea
        name="reason"
        rows="2"
        required
        maxlength="500"
        placeholder="如：依据县人社局通知确认材料清单"
      ></textarea>
    </label>
    <div class="message"></div>
    <button type="submit" class="primary">发布新版本</button>`;
}

/** The material rows as typed: re-rendering the table after an add or a removal must not lose what was entered. */
const materialsOf = (form) =>
  [...form.querySelectorAll('.materials tbody tr')].map((row) => {
    const field = (name) => row.querySelector(`[data-field="${name}"]`);
    return {
      name: field('name').value.trim(),
      issuer: field('issuer').value.trim(),
      originals: Number(field('originals').value),
      copies: Number(field('copies').value),
      required: field('required').checked,
    };
  });

function publicationOf(matter, form) {
  const values = formValues(form);
  return {
    expectedVersion: matter.version,
    reason: values.reason,
    legalBasis: values.legalBasis,
    caseKind: values.caseKind,
    // Empty means the matter has no statutory limit (a public service), which the service takes as null, not 0.
    statutoryLimitWorkingDays:
      values.statutoryLimitWorkingDays === '' ? null : Number(values.statutoryLimitWorkingDays),
    committedLimitWorkingDays: Number(values.committedLimitWorkingDays),
    materials: materialsOf(form),
    fee: values.fee,
    onlineDepth: Number(values.onlineDepth),
    onSiteVisits: Number(values.onSiteVisits),
    appointment: form.elements.appointment.checked,
    expressDelivery: form.elements.expressDelivery.checked,
  };
}

const versionsHtml = (versions) =>
  tableHtml(
    ['版本', '当前', '发布人', '修订说明', '时间', '材料数', '承诺时限'],
    versions.map((version) => [
      `第 ${version.version} 版`,
      version.current ? '当前' : '',
      version.publishedByName ?? '初始数据',
      version.reason ?? '',
      formatDateTime(version.createdAt),
      version.guide.materials.length,
      `${version.guide.committedLimitWorkingDays} 个工作日`,
    ]),
    '暂无版本记录。',
  );

function publishErrorHtml(error) {
  if (error.code === 'CATALOGUE.GUIDE_VERSION_CONFLICT') {
    const current = error.details?.currentVersion;
    return messageHtml('error', error.message, [
      html`${current ? `当前已是第 ${current} 版。` : ''}载入最新版本后，本页尚未发布的修改将被清除。
        <button type="button" data-action="reload">载入最新版本</button>`,
    ]);
  }
  if (error.code === 'CATALOGUE.GUIDE_INVALID') {
    const problems = error.details?.problems;
    return messageHtml('error', error.message, Array.isArray(problems) ? problems : []);
  }
  return null;
}

export function renderGuides(root, { user }) {
  mount(
    root,
    html`<h2>办事指南 <small>确认县级默认值，发布新版本</small></h2>
      <form class="search toolbar">
        <label>事项名称 <input name="q" maxlength="50" placeholder="如：救助" /></label>
        <button type="submit">查询本县事项</button>
      </form>
      <div class="search-message"></div>
      <div class="matters"></div>
      <div class="guide" hidden>
        <h3 class="guide-title"></h3>
        <p class="guide-facts muted"></p>
        <div class="outcome"></div>
        <form class="guide-form card"></form>
        <h3>版本记录</h3>
        <div class="versions"></div>
      </div>`,
  );
  const matters = root.querySelector('.matters');
  const searchMessage = root.querySelector('.search-message');
  const panel = root.querySelector('.guide');
  const outcome = root.querySelector('.outcome');
  const form = root.querySelector('form.guide-form');
  const versions = root.querySelector('.versions');
  let matter = null;
  // An answer for a matter the administrator has since moved away from is dropped, not shown.
  const newLook = looks();

  async function loadVersions(code, current) {
    mount(versions, html`<p class="muted">加载中…</p>`);
    try {
      const list = await api('intake', `/catalogue/matters/${encodeURIComponent(code)}/guide/versions`);
      if (current()) mount(versions, versionsHtml(list));
    } catch (error) {
      if (current()) showError(versions, error);
    }
  }

  async function open(code) {
    const current = newLook();
    const loaded = await api('intake', `/catalogue/matters/${encodeURIComponent(code)}`);
    if (!current()) return;
    matter = loaded;
    mount(
      root.querySelector('.guide-title'),
      html`${matter.name}（${matter.code}）· 当前第 ${matter.version} 版`,
    );
    mount(root.querySelector('.guide-facts'), matter.unit?.name && html`办理单位：${matter.unit.name}`);
    mount(form, guideFormHtml(matter));
    panel.hidden = false;
    void loadVersions(code, current);
  }

  wireMatterSearch(root, {
    scope: { county: user.county },
    list: matters,
    message: searchMessage,
    render: mattersHtml,
  });

  matters.addEventListener('click', async (event) => {
    const code = event.target.closest('button[data-code]')?.dataset.code;
    if (!code) return;
    mount(searchMessage, '');
    mount(outcome, '');
    try {
      await open(code);
      panel.scrollIntoView({ behavior: 'smooth' });
    } catch (error) {
      showError(searchMessage, error);
    }
  });

  form.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action], button[data-remove]');
    if (!button) return;
    if (button.dataset.action === 'reload') {
      mount(outcome, '');
      try {
        await open(matter.code);
      } catch (error) {
        showError(form.querySelector('.message'), error);
      }
      return;
    }
    let materials = materialsOf(form);
    if (button.dataset.action === 'add-material') materials.push({ ...BLANK_MATERIAL });
    else if (button.dataset.action === 'adopt-researched')
      materials = matter.guide.content.researchedMaterials.items.map((item) => ({
        name: item.name,
        issuer: item.provider,
        originals: item.originals,
        copies: item.copies,
        required: item.required,
      }));
    else materials.splice(Number(button.dataset.remove), 1);
    mount(form.querySelector('.materials'), materialsTableHtml(materials));
    if (button.dataset.action === 'add-material')
      [...form.querySelectorAll('.materials [data-field="name"]')].at(-1)?.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = form.querySelector('.message');
    mount(message, '');
    mount(outcome, '');
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    const target = matter;
    try {
      const published = await api('intake', `/catalogue/matters/${encodeURIComponent(target.code)}/guide`, {
        method: 'PUT',
        body: publicationOf(target, form),
      });
      const moved = matter !== target;
      // Named when another matter was opened while this one was publishing, so the notice is not read as its own.
      const which = moved ? `「${target.name}」` : '';
      mount(
        outcome,
        messageHtml(
          'ok',
          `${which}已发布第 ${published.version} 版，此后受理的申请按新版本核对材料；已受理的办件仍按原版本办理`,
        ),
      );
      if (moved) return;
      try {
        await open(target.code);
      } catch (error) {
        showError(form.querySelector('.message'), error);
      }
    } catch (error) {
      const special = publishErrorHtml(error);
      if (special) mount(message, special);
      else showError(message, error);
    } finally {
      submit.disabled = false;
    }
  });
}
