import { api } from '../api.js';
import { html, mount, showError, tableHtml } from '../html.js';
import { mayFileOnline } from './apply.js';

const LEVELS = { town: '乡镇便民服务中心', village: '村（社区）便民服务站' };
const ONLINE_DEPTH = [
  '不能网上办理',
  '网上咨询、下载表格',
  '网上预约、预审',
  '网上申请、窗口取件',
  '全程网办',
];
const KINDS = {
  law: '法律',
  regulation: '行政法规',
  rule: '规章',
  normative: '规范性文件',
  standard: '国家标准',
  guide: '公开办事指南',
};

/** Numbers each cited source once, in order of first citation, so every section can say 来源［n］. */
function sourceNumbers(content) {
  const order = [];
  const note = (key) => {
    if (key && key !== 'county-default' && !order.includes(key)) order.push(key);
  };
  content?.legalBasis.forEach((basis) => note(basis.source));
  for (const part of ['conditions', 'researchedMaterials', 'process', 'statutoryLimit', 'fee'])
    note(content?.[part]?.source);
  return order;
}

function markOf(source, numbers) {
  // Published by the county's administration bureau: confirmed, nothing to mark.
  if (source === 'administrator') return '';
  if (!source || source === 'county-default')
    return html`<span class="mark default">县级默认值，待县主管部门确认</span>`;
  const n = numbers.indexOf(source) + 1;
  return html`<span class="mark cited">来源［${n}］</span>`;
}

const limitText = (days) => (days === null || days === undefined ? '无法定时限' : `${days} 个工作日`);

function basicFacts(matter, county, numbers) {
  const { guide } = matter;
  const content = guide.content;
  const statutory = content?.statutoryLimit
    ? html`${content.statutoryLimit.text} ${markOf(content.statutoryLimit.source, numbers)}`
    : html`${limitText(guide.statutoryLimitWorkingDays)} ${markOf('county-default', numbers)}`;
  return tableHtml(
    ['项目', '内容'],
    [
      ['事项名称', matter.name],
      ['事项类型', matter.type],
      ['事项编码', matter.code],
      ['实施主体', `${county}${matter.unit.name.replace(/^县/, '')}`],
      [
        '受理地点',
        matter.level === 'town'
          ? `${county}各乡镇便民服务中心综合受理窗口`
          : `${county}各村（社区）便民服务站`,
      ],
      ['办件类型', guide.caseKind],
      ['法定办结时限', statutory],
      [
        '承诺办结时限',
        html`${guide.caseKind === '即办件' ? '当场办结' : `${guide.committedLimitWorkingDays} 个工作日`}
        ${markOf(guide.sources.timeLimits === 'administrator' ? 'administrator' : 'county-default', numbers)}`,
      ],
      [
        '收费标准',
        html`${guide.fee}${content?.fee?.basis ? `（${content.fee.basis}）` : ''}
        ${guide.sources.fee === 'administrator'
          ? ''
          : markOf(content?.fee?.source ?? 'county-default', numbers)}`,
      ],
      [
        '网上办理深度',
        html`${ONLINE_DEPTH[guide.onlineDepth] ?? ''}
        ${markOf(guide.sources.online === 'administrator' ? 'administrator' : 'county-default', numbers)}`,
      ],
      ['到办事现场次数', `${guide.onSiteVisits} 次`],
      [
        '咨询电话',
        html`各乡镇便民服务中心公布的咨询电话；12345 政务服务便民热线 ${markOf('county-default', numbers)}`,
      ],
    ],
  );
}

function materialsTable(items, withNote) {
  return tableHtml(
    ['序号', '材料名称', '原件', '复印件', '提供方', '是否必需', ...(withNote ? ['说明'] : [])],
    items.map((item, index) => [
      index + 1,
      item.name,
      item.originals,
      item.copies,
      item.provider ?? item.issuer ?? '',
      item.required ? '必需' : '视情形提供',
      ...(withNote ? [item.note ?? ''] : []),
    ]),
  );
}

function guideHtml(matter, county) {
  const { guide } = matter;
  const content = guide.content;
  const numbers = sourceNumbers(content);
  const confirmed = guide.sources.materials === 'administrator';
  return html`<article class="matter-guide">
    <header class="guide-head">
      <h2>${matter.name}<br /><small>办事指南</small></h2>
      <p class="muted">
        ${county}行政审批服务管理局发布 · 第 ${matter.version}
        版${matter.withdrawnAt ? ' · 本事项已撤销，不再受理新申请' : ''}
      </p>
      <button type="button" class="print no-print">打印本指南</button>
      ${mayFileOnline(guide) && matter.level === 'town' && !matter.withdrawnAt
        ? html`<a
            class="button-link primary no-print apply-online"
            href="#/apply/${encodeURIComponent(matter.code)}"
            >网上申请</a
          >`
        : ''}
    </header>
    <h3>一、基本信息</h3>
    ${basicFacts(matter, county, numbers)}
    <h3>二、设定依据</h3>
    ${content?.legalBasis.length
      ? html`<ol>
          ${content.legalBasis.map(
            (basis) =>
              html`<li>
                <strong>${basis.citation}</strong>：${basis.summary} ${markOf(basis.source, numbers)}
              </li>`,
          )}
        </ol>`
      : html`<p>
          ${guide.legalBasis ?? '待县主管部门确认'}
          ${guide.legalBasis ? '' : markOf('county-default', numbers)}
        </p>`}
    <h3>三、受理条件</h3>
    ${content?.conditions
      ? html`<ol>
            ${content.conditions.items.map((item) => html`<li>${item}</li>`)}
          </ol>
          <p>${markOf(content.conditions.source, numbers)}</p>`
      : html`<p>符合本事项设定依据规定的条件。${markOf('county-default', numbers)}</p>`}
    <h3>四、申请材料</h3>
    <p>窗口核验的材料${confirmed ? '' : html`（${markOf('county-default', numbers)}）`}：</p>
    ${materialsTable(guide.materials, false)}
    ${content?.researchedMaterials && !confirmed
      ? html`<p>
            公开办事指南列明的材料，县主管部门确认后按此收取
            ${markOf(content.researchedMaterials.source, numbers)}：
          </p>
          ${materialsTable(content.researchedMaterials.items, true)}`
      : ''}
    <h3>五、办理流程</h3>
    ${content?.process
      ? html`<ol>
            ${content.process.steps.map(
              (step) => html`<li><strong>${step.name}</strong>（${step.actor}）：${step.description}</li>`,
            )}
          </ol>
          <p>${markOf(content.process.source, numbers)}</p>`
      : html`<p>
          ${matter.handlingRule ?? '按本县“一枚印章管审批”办理路径办理'}。${markOf('county-default', numbers)}
        </p>`}
    <h3>六、来源</h3>
    ${numbers.length
      ? html`<ol class="sources">
          ${numbers.map((key) => {
            const source = content.sources[key];
            return html`<li>
              《${source.title}》${source.document ? `（${source.document}）` : ''}${source.issuer
                ? `，${source.issuer}`
                : ''}，${KINDS[source.kind] ?? ''}
              ${source.url ? html`<br /><span class="url">${source.url}</span>` : ''}
            </li>`;
          })}
        </ol>`
      : html`<p>本指南各项均为县级默认值，待县主管部门确认。</p>`}
    <p class="muted">
      标注“县级默认值”的内容由${county}行政审批服务管理局按县级通行做法填写，尚待主管部门确认；以窗口告知为准。
    </p>
  </article>`;
}

function searchHtml() {
  return html`<h2>办事指南 <small>查询本县乡镇（村）便民服务事项的办理依据、条件、材料和流程</small></h2>
    <form class="search toolbar guide-search">
      <label
        >县
        <select name="county">
          <option value="140525">泽州县</option>
          <option value="140521">沁水县</option>
        </select></label
      >
      <label>事项名称 <input name="q" maxlength="50" placeholder="如：救助、养老" /></label>
      <button type="submit">查询</button>
    </form>
    <div class="guide-results"></div>`;
}

export function renderMatterGuide(root, { params }) {
  const [code] = params;
  if (!code) {
    mount(root, searchHtml());
    const results = root.querySelector('.guide-results');
    root.querySelector('.guide-search').addEventListener('submit', async (event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      try {
        const found = await api('intake', '/catalogue/matters', {
          query: { county: form.get('county'), q: form.get('q'), pageSize: 50 },
        });
        mount(
          results,
          tableHtml(
            ['事项', '类型', '办理层级', '主管部门'],
            found.items.map((item) => [
              html`<a href="#/matter/${encodeURIComponent(item.code)}">${item.name}</a>`,
              item.type,
              LEVELS[item.level],
              item.unit.name,
            ]),
            '没有找到相关事项。',
          ),
        );
      } catch (error) {
        showError(results, error);
      }
    });
    return;
  }
  api('intake', `/catalogue/matters/${encodeURIComponent(code)}`).then(
    async (matter) => {
      const places = await api('intake', `/catalogue/places/${matter.countyCode}`);
      mount(root, guideHtml(matter, places.county.name));
      root.querySelector('.print').addEventListener('click', () => window.print());
    },
    (error) => showError(root, error),
  );
}
