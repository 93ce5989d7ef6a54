import { api } from '../api.js';
import { foldedTableHtml, formatDateTime, html, messageHtml, mount, showError, tableHtml } from '../html.js';
import { mountBureaus } from './bureaus.js';
import { mountHallSettingsForm } from './hall-settings-form.js';
import { mountServiceCenterForm } from './service-center.js';
import { mountRouteRules } from './route-rules.js';

const LEVELS = { town: '镇级', village: '村级' };
const KINDS = { added: '新增', changed: '变更', withdrawn: '撤销', unchanged: '不变' };
const STATES = { preview: '待发布', published: '已发布', superseded: '已被后来的发布取代' };

const fieldsText = (fields) =>
  fields
    .map((field) => `${field.field}：${field.before || '（空）'} → ${field.after || '（空）'}`)
    .join('；');

const countsText = (counts) =>
  `新增 ${counts.added} 项、变更 ${counts.changed} 项、撤销 ${counts.withdrawn} 项、不变 ${counts.unchanged} 项`;

function problemsHtml(problems) {
  return html`<div class="msg msg-error" role="alert">
    <p>清单有 ${problems.length} 处问题，请在表格中逐行改正后重新上传（改正前不会改动本县事项目录）：</p>
    ${tableHtml(
      ['行', '列', '问题'],
      problems.map((problem) => [problem.line ?? '', problem.column ?? '', problem.message]),
    )}
  </div>`;
}

function changesHtml(changes) {
  const rows = (kinds) =>
    changes
      .filter((change) => kinds.includes(change.kind))
      .map((change) => [
        KINDS[change.kind],
        LEVELS[change.level],
        change.name,
        change.code ?? '（发布时编码）',
        change.line ?? '',
        change.kind === 'withdrawn'
          ? '清单中已没有此事项：停止受理新申请，已受理的办件照常办理'
          : fieldsText(change.fields),
      ]);
  const heads = ['变化', '层级', '事项', '编码', '清单行', '内容'];
  const unchanged = rows(['unchanged']);
  return foldedTableHtml(
    heads,
    rows(['added', 'changed', 'withdrawn']),
    unchanged,
    `不变的 ${unchanged.length} 项`,
    '与现行目录相比没有新增、变更或撤销。',
  );
}

function previewHtml(preview) {
  const canPublish = preview.state === 'preview' && preview.problems.length === 0;
  return html`<div class="card import-preview" data-id="${preview.id}">
    <h3>「${preview.fileName}」<small>${STATES[preview.state]}</small></h3>
    <p class="muted">
      ${preview.uploadedByName ?? ''} 于 ${formatDateTime(preview.uploadedAt)} 上传
      ${preview.publishedAt
        ? html`；${preview.publishedByName ?? ''} 于 ${formatDateTime(preview.publishedAt)} 发布`
        : ''}
    </p>
    ${preview.problems.length ? problemsHtml(preview.problems) : ''}
    <p class="import-counts">与现行目录相比：${countsText(preview.counts)}</p>
    ${changesHtml(preview.changes)}
    <div class="publish-message"></div>
    ${canPublish
      ? html`<p class="muted">
            发布后：新增事项即可在本县各乡镇受理，其办事指南先用县级默认值，请到「办事指南」逐项确认；撤销的事项停止受理新申请。
          </p>
          <button type="button" class="primary publish">发布到本县事项目录</button>`
      : ''}
  </div>`;
}

function historyHtml(imports) {
  const heads = ['上传时间', '文件', '状态', '上传人', '发布人', '差异'];
  const row = (one) => [
    formatDateTime(one.uploadedAt),
    html`<a href="#/catalogue/${encodeURIComponent(one.id)}">${one.fileName}</a>`,
    STATES[one.state],
    one.uploadedByName ?? '',
    one.publishedByName ?? '',
    countsText(one.counts),
  ];
  // The latest few are what the administrator works with; the rest fold away.
  const earlier = imports.slice(5);
  return foldedTableHtml(
    heads,
    imports.slice(0, 5).map(row),
    earlier.map(row),
    `更早的 ${earlier.length} 次导入`,
    '本县还没有导入过事项清单。',
  );
}

export function renderCatalogueImport(root, { params, user }) {
  mount(
    root,
    html`<h2>事项目录 <small>导入本县乡镇（村）进驻事项清单：先检查、核对差异，再发布</small></h2>
      <form class="card import-form">
        <p>
          清单可用 Excel（.xlsx）、CSV 或制表符分隔（.tsv）文件，第一行为表头：
          <strong>事项名称</strong
          >、<strong>事项类型</strong>必填；可另有<strong>层级</strong>（镇级、村级，空为镇级）、
          序号、<strong>办理方式</strong>（与县方案附件写法相同）、备注（写明直接赋权，如「县人社局直接赋权」）、
          <strong>主管部门</strong>（承担审核、决定的县直部门；已有事项可不填）。
        </p>
        <label>事项清单文件 <input type="file" name="file" accept=".xlsx,.csv,.tsv,.txt" required /></label>
        <button type="submit" class="primary">上传并检查</button>
      </form>
      <div class="import-message"></div>
      <div class="import-result"></div>
      <h3>导入记录</h3>
      <div class="import-history"></div>
      <h3>县直部门 <small>事项清单「主管部门」可选的部门；承担审核、决定并以部门印章出具文书</small></h3>
      <div class="bureaus"></div>
      <h3>便民服务中心公示信息 <small>申请人在网上办事页面看到的地址、咨询电话和办公时间</small></h3>
      <div class="service-centers"></div>
      <h3>预约与叫号设置 <small>各中心的窗口（办理的业务类别）、预约时段和每时段人数</small></h3>
      <div class="hall-settings"></div>
      <h3>办理路径规则 <small>每种办理方式下办件经过哪些环节、由谁办、为什么，请本县逐条审核</small></h3>
      <div class="route-rules"></div>`,
  );
  const message = root.querySelector('.import-message');
  const result = root.querySelector('.import-result');
  const history = root.querySelector('.import-history');

  const loadHistory = async () => {
    try {
      mount(
        history,
        historyHtml(await api('intake', '/catalogue/imports', { query: { county: user.county } })),
      );
    } catch (error) {
      showError(history, error);
    }
  };
  const show = (preview) => mount(result, previewHtml(preview));

  root.querySelector('.import-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.target.querySelector('button[type=submit]');
    button.disabled = true;
    mount(message, '');
    try {
      const form = new FormData(event.target);
      form.set('county', user.county);
      const preview = await api('intake', '/catalogue/imports', { method: 'POST', form });
      show(preview);
      event.target.reset();
      await loadHistory();
    } catch (error) {
      mount(result, '');
      showError(message, error);
    } finally {
      button.disabled = false;
    }
  });

  result.addEventListener('click', async (event) => {
    if (!event.target.matches('.publish')) return;
    const card = event.target.closest('.import-preview');
    event.target.disabled = true;
    try {
      const published = await api('intake', `/catalogue/imports/${card.dataset.id}/publish`, {
        method: 'POST',
      });
      show(published);
      mount(
        result.querySelector('.publish-message'),
        messageHtml('ok', `已发布到本县事项目录：${countsText(published.counts)}。`),
      );
      await loadHistory();
    } catch (error) {
      showError(card.querySelector('.publish-message'), error);
      event.target.disabled = false;
    }
  });

  const [id] = params;
  if (id)
    api('intake', `/catalogue/imports/${encodeURIComponent(id)}`).then(show, (error) =>
      showError(message, error),
    );
  loadHistory();
  mountBureaus(root.querySelector('.bureaus'), { user });
  mountServiceCenterForm(root.querySelector('.service-centers'));
  mountHallSettingsForm(root.querySelector('.hall-settings'));
  mountRouteRules(root.querySelector('.route-rules'), { user, canReview: true });
}
