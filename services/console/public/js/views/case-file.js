import { api } from '../api.js';
import { formatDateTime, html, mount, showError, showMessage, tableHtml } from '../html.js';
import { CHANNELS, DELIVERY_METHODS, label, LEVELS } from '../labels.js';
import { showPage } from './page-viewer.js';

/**
 * 案卷: what was applied for, as intake keeps it, for everyone the case's access rule lets see it. ID numbers and
 * phones arrive masked for readers who do not work the case with the applicant.
 */

const STAGES = { filing: '受理时', correction: '补正时', scan: '窗口扫描' };

function valueText(field, value) {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'yes-no':
      return value ? '是' : '否';
    case 'multi-choice':
      return value.join('、');
    case 'money':
      return `${Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;
    case 'number':
      return field.unit ? `${value} ${field.unit}` : String(value);
    case 'bank-account':
      return `${value.bankName}，户名 ${value.accountName}，账号 ${value.accountNumber}`;
    default:
      return String(value);
  }
}

function answersHtml(form, data) {
  if (!form?.sections?.length) return html`<p class="muted">该事项受理时的办事指南未设申请表。</p>`;
  return form.sections.map(
    (section) =>
      html`<fieldset class="form-section answers">
        <legend>${section.title}</legend>
        <dl class="facts">
          ${section.fields.map((field) => {
            const value = data[field.key];
            if (field.type === 'person-list') {
              const rows = Array.isArray(value) ? value : [];
              return html`<dt>${field.label}</dt>
                <dd>
                  ${tableHtml(
                    field.fields.map((part) => part.label),
                    rows.map((row) => field.fields.map((part) => valueText(part, row[part.key]))),
                    '未填写',
                  )}
                </dd>`;
            }
            return html`<dt>${field.label}</dt>
              <dd>${valueText(field, value) || html`<span class="muted">未填写</span>`}</dd>`;
          })}
        </dl>
      </fieldset>`,
  );
}

// Pages open only for those who may read the full personal data they show; others see that they are there.
const pageHtml = (page, mayOpen) =>
  html`${mayOpen
      ? html`<button type="button" class="link page-link" data-attachment="${page.id}">
          ${page.fileName}
        </button>`
      : html`<span>${page.fileName}</span>`}
    <small class="muted">（${STAGES[page.stage] ?? page.stage}）</small><br />`;

const pagesHtml = (line, mayOpen) =>
  line.attachments.length
    ? line.attachments.map((page) => pageHtml(page, mayOpen))
    : html`<span class="muted">未上传</span>`;

function materialsHtml(materials, mayOpen) {
  return tableHtml(
    ['材料', '指南要求', '收到', '页面', '状态'],
    materials.map((line) => [
      line.name,
      line.fromCorrection
        ? '补正要求补交'
        : `${line.required ? '必需' : '可选'}：原件 ${line.needed.originals}、复印件 ${line.needed.copies}`,
      line.fromCorrection
        ? '—'
        : line.received.pages
          ? `网上提交 ${line.received.pages} 个文件`
          : `原件 ${line.received.originals}、复印件 ${line.received.copies}`,
      pagesHtml(line, mayOpen),
      line.missing ? html`<strong class="bad">缺少</strong>` : html`<span class="good">齐全</span>`,
    ]),
    '该事项的办事指南未列材料。',
  );
}

function uploadHtml(materials, { stage, correctionMaterials = [] }) {
  const correcting = stage === 'awaiting-correction';
  // What the 补正 asks for comes first; the guide's materials stay choosable for a page that belongs to one of them.
  const names = [
    ...new Set([...(correcting ? correctionMaterials : []), ...materials.map((line) => line.name)]),
  ];
  return html`<details class="upload" ${correcting ? 'open' : ''}>
    <summary>${correcting ? '上传补正材料' : '上传材料页面（窗口扫描件、照片、PDF）'}</summary>
    <form class="upload-form grid">
      <label
        >所属材料
        <select name="materialName" required>
          ${names.map((name) => html`<option>${name}</option>`)}
        </select></label
      >
      <label
        >文件
        <input type="file" name="file" required accept=".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/*"
      /></label>
      <button type="submit">上传</button>
    </form>
    <div class="upload-message"></div>
  </details>`;
}

function caseFileHtml(file, access) {
  // Pages go in while the case is open, by those who take in its paper (its window, its village agent).
  const mayUpload = access['supply-correction'] && access.stage !== 'concluded';
  const agent = file.authorisation;
  const facts = [
    ['申请人', file.applicant.name],
    ['公民身份号码', file.applicant.idNumber],
    ['手机号码', file.applicant.phone],
    [
      '事项',
      `${file.matter.name}（${file.matter.type} · ${label(LEVELS, file.matter.level)}级事项 · ${
        file.matter.handlingMode || '乡镇办结'
      }）`,
    ],
    ['主管部门', file.matter.unit.name ?? file.matter.unit.code],
    ['受理地', [file.place.townName, file.place.villageName].filter(Boolean).join(' · ')],
    ['受理渠道', label(CHANNELS, file.channel)],
    [
      '经办人',
      file.filedBy?.name ??
        {
          online: '申请人网上申请（手机号码验证）',
          'provincial-portal': '申请人在省政务服务平台“一网通办”申请',
        }[file.channel] ??
        '',
    ],
    ['提交时间', formatDateTime(file.submittedAt)],
    ['送达方式', label(DELIVERY_METHODS, file.delivery.method)],
    ['邮寄地址', file.delivery.address],
    agent && [
      '代办与委托',
      `${agent.agentName ?? ''}${agent.relationship ? `（申请人的${agent.relationship}）网上代为申请` : '代办'}；委托书签署于 ${
        agent.signedOn
      }，委托事项：${agent.scope}`,
    ],
  ].filter((fact) => fact && fact[1]);
  return html`<h3>申请</h3>
    ${file.personalDataShown
      ? ''
      : html`<p class="muted">
          身份证号、电话、账号已部分隐去，材料页面不可打开：仅受理、审核、决定人员可见完整信息。
        </p>`}
    <dl class="facts">
      ${facts.map(
        ([name, value]) =>
          html`<dt>${name}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    <h3>申请表</h3>
    ${answersHtml(file.form, file.formData)}
    <h3>材料清单</h3>
    ${materialsHtml(file.materials, file.personalDataShown)}
    ${mayUpload ? uploadHtml(file.materials, access) : ''}
    <div class="page-area"></div>`;
}

/**
 * The case file in `container`, with its pages to open and, for the case's window and agent, pages to add.
 * Resolves with the application as first loaded (null when it could not be read).
 */
export async function renderCaseFile(container, caseId) {
  const id = encodeURIComponent(caseId);
  const load = async () => {
    const [file, access] = await Promise.all([
      api('intake', `/applications/${id}`),
      api('routing', `/cases/${id}/access`).catch(() => ({})),
    ]);
    mount(container, caseFileHtml(file, access));
    return file;
  };
  let file;
  try {
    file = await load();
  } catch (error) {
    showError(container, error);
    return null;
  }
  container.addEventListener('click', (event) => {
    const attachmentId = event.target.dataset?.attachment;
    if (event.target.dataset?.action === 'close-page') mount(container.querySelector('.page-area'), '');
    if (!attachmentId) return;
    const page = file.materials.flatMap((line) => line.attachments).find((one) => one.id === attachmentId);
    const area = container.querySelector('.page-area');
    showPage(area, caseId, page);
    area.scrollIntoView({ behavior: 'smooth' });
  });
  container.addEventListener('submit', async (event) => {
    if (!event.target.matches('.upload-form')) return;
    event.preventDefault();
    const message = container.querySelector('.upload-message');
    const button = event.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const page = await api('intake', `/applications/${id}/attachments`, {
        method: 'POST',
        form: new FormData(event.target),
      });
      file = await load();
      showMessage(
        container.querySelector('.upload-message'),
        'ok',
        `已上传：${page.materialName} · ${page.fileName}`,
      );
    } catch (error) {
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });
  return file;
}
