import { api, applicantSession } from '../api.js';
import {
  formatDateTime,
  formValues,
  html,
  messageHtml,
  mount,
  showError,
  showMessage,
  tableHtml,
  todayIso,
} from '../html.js';
import { label } from '../labels.js';
import { villageLabel } from '../names.js';
import { showApplicantSignIn, signedInHeader } from './applicant-sign-in.js';

const KINDS = { service: '上门服务（工作人员上门受理申请）', agency: '上门代办（帮办代办员代为跑办）' };
const SHORT_KINDS = { service: '上门服务', agency: '上门代办' };
const STATUSES = { requested: '待约定', scheduled: '已约定上门', done: '已办理', cancelled: '已取消' };
const REASONS = ['年老体弱', '残疾', '重病', '独居或无人陪同', '其他'];

const requestFormHtml = (places, town, matters) =>
  html`<form class="home-visit applicant-form">
    <p class="muted">
      年老体弱、残疾、重病等不便到场的群众，可申请所在村（社区）便民服务站上门服务或上门代办。
    </p>
    <fieldset>
      <legend>服务方式</legend>
      ${Object.entries(KINDS).map(
        ([code, title], index) =>
          html`<label class="choice"
            ><input type="radio" name="kind" value="${code}" ${index ? '' : 'checked'} />${title}</label
          >`,
      )}
    </fieldset>
    <label
      >所在村（社区）
      <select name="villageCode">
        <option value="">请选择</option>
        ${(places.towns.find((each) => each.code === town)?.villages ?? []).map(
          (village) => html`<option value="${village.code}">${village.name}</option>`,
        )}
      </select></label
    >
    <label
      >要办理的事项
      <select name="matterCode">
        <option value="">请选择</option>
        ${matters.map((matter) => html`<option value="${matter.code}">${matter.name}</option>`)}
      </select></label
    >
    <label>办事人姓名 <input name="applicantName" maxlength="50" /></label>
    <label>上门地址 <input name="address" maxlength="200" placeholder="如：原家村三组 12 号" /></label>
    <label
      >不便到场的原因
      <select name="reason">
        ${REASONS.map((reason) => html`<option>${reason}</option>`)}
      </select></label
    >
    <label>希望上门的日期（可不填） <input type="date" name="preferredDate" min="${todayIso()}" /></label>
    <div class="message" role="status"></div>
    <button type="submit" class="primary">提交申请</button>
  </form>`;

const mineHtml = (visits) =>
  visits.length
    ? html`<h3>我的上门服务申请</h3>
        <ul class="case-cards">
          ${visits.map(
            (visit) =>
              html`<li class="case-card">
                <strong>${SHORT_KINDS[visit.kind]} · ${visit.matterName}</strong>
                <span class="stage"
                  >${label(STATUSES, visit.status)}${visit.visitOn ? `：${visit.visitOn} 上门` : ''}</span
                >
                <span class="muted">${visit.address} · ${formatDateTime(visit.requestedAt)} 申请</span>
                ${visit.status === 'requested' || visit.status === 'scheduled'
                  ? html`<button type="button" class="link cancel-visit" data-id="${visit.id}">
                      取消申请
                    </button>`
                  : ''}
              </li>`,
          )}
        </ul>`
    : '';

/** 上门服务 (#/home-visit/<town>): an applicant who cannot come in asks their village station to come to them. */
export function renderHomeVisit(root, { params }) {
  const [town] = params;
  mount(
    root,
    html`<h2>上门服务</h2>
      <div class="body"></div>`,
  );
  const body = root.querySelector('.body');
  if (!/^\d{9}$/.test(town ?? '')) return showMessage(body, 'error', '请从便民服务中心的页面进入');
  const purpose = '申请上门服务须先用手机号码登录，上门日期以短信告知。';

  async function show(signedIn, notice = '') {
    try {
      const county = town.slice(0, 6);
      const [places, matters, mine] = await Promise.all([
        api('intake', `/catalogue/places/${county}`),
        api('intake', '/catalogue/matters', { query: { county, pageSize: 100, level: 'town' } }),
        api('intake', '/applicant/home-visits', { asApplicant: true }),
      ]);
      mount(
        body,
        html`${notice}${signedInHeader(signedIn)} ${requestFormHtml(places, town, matters.items)}
          <div class="mine">${mineHtml(mine)}</div>`,
      );
    } catch (error) {
      if (error.status === 401) {
        applicantSession.clear();
        return showApplicantSignIn(body, show, purpose);
      }
      showError(body, error);
    }
  }

  body.addEventListener('submit', async (event) => {
    const form = event.target.closest('form.home-visit');
    if (!form) return;
    event.preventDefault();
    const values = formValues(form);
    try {
      await api('intake', '/applicant/home-visits', {
        method: 'POST',
        asApplicant: true,
        body: {
          kind: values.kind,
          villageCode: values.villageCode,
          matterCode: values.matterCode,
          applicantName: values.applicantName.trim(),
          address: values.address.trim(),
          reason: values.reason,
          ...(values.preferredDate ? { preferredDate: values.preferredDate } : {}),
        },
      });
      await show(
        applicantSession.current,
        messageHtml('ok', '上门服务申请已提交', ['村便民服务站将与您约定上门日期，并以短信告知。']),
      );
    } catch (error) {
      showError(form.querySelector('.message'), error);
    }
  });
  body.addEventListener('click', async (event) => {
    const cancel = event.target.closest('.cancel-visit');
    if (cancel) {
      try {
        await api('intake', `/applicant/home-visits/${cancel.dataset.id}/cancellation`, {
          method: 'POST',
          asApplicant: true,
        });
        await show(applicantSession.current);
      } catch (error) {
        showError(body.querySelector('.message') ?? body, error);
      }
    }
    if (event.target.matches('.sign-out')) {
      applicantSession.clear();
      showApplicantSignIn(body, show, purpose);
    }
  });
  const signedIn = applicantSession.current;
  if (signedIn) void show(signedIn);
  else showApplicantSignIn(body, show, purpose);
}

const actionsHtml = (visit) =>
  visit.status === 'requested' || visit.status === 'scheduled'
    ? html`<form class="visit-schedule inline" data-id="${visit.id}">
          <label
            >上门日期
            <input
              type="date"
              name="visitOn"
              min="${todayIso()}"
              value="${visit.visitOn ?? visit.preferredDate ?? ''}"
          /></label>
          <button type="submit">${visit.status === 'scheduled' ? '改约' : '约定并短信告知'}</button>
        </form>
        <form class="visit-done inline" data-id="${visit.id}">
          <label>办理情况 <input name="outcome" maxlength="300" placeholder="上门后填写" /></label>
          <label>办件编号 <input name="caseReceipt" maxlength="22" placeholder="如有" /></label>
          <button type="submit">记录办理</button>
        </form>`
    : html`${visit.outcome ?? ''}${visit.caseReceipt
        ? html`<div class="muted">办件 ${visit.caseReceipt}</div>`
        : ''}`;

/** 上门服务 for the village station (and its town's window): the requests, the day set, what was done. */
export async function renderVisits(root) {
  mount(
    root,
    html`<h2>上门服务</h2>
      <div class="message"></div>
      <div class="visits"></div>`,
  );
  const message = root.querySelector('.message');
  async function load() {
    try {
      const visits = await api('intake', '/home-visits');
      mount(
        root.querySelector('.visits'),
        tableHtml(
          ['申请', '办事人', '村（社区）', '地址', '原因', '希望日期', '状态', '办理'],
          visits.map((visit) => [
            html`${SHORT_KINDS[visit.kind]}
              <div class="muted">${visit.matterName}</div>`,
            visit.applicantName,
            villageLabel(visit.villageCode),
            visit.address,
            visit.reason,
            visit.preferredDate ?? '',
            html`${label(STATUSES, visit.status)}${visit.visitOn
              ? html`<div class="muted">${visit.visitOn}</div>`
              : ''}${visit.agentName ? html`<div class="muted">${visit.agentName}</div>` : ''}`,
            actionsHtml(visit),
          ]),
          '暂无上门服务申请。',
        ),
      );
    } catch (error) {
      showError(message, error);
    }
  }
  root.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const values = formValues(form);
    const scheduling = form.matches('.visit-schedule');
    try {
      await api('intake', `/home-visits/${form.dataset.id}/${scheduling ? 'schedule' : 'done'}`, {
        method: 'POST',
        body: scheduling
          ? { visitOn: values.visitOn }
          : {
              outcome: values.outcome.trim(),
              ...(values.caseReceipt.trim() ? { caseReceipt: values.caseReceipt.trim() } : {}),
            },
      });
      await load();
      showMessage(message, 'ok', scheduling ? '已约定上门日期，已短信告知申请人' : '已记录上门办理情况');
    } catch (error) {
      showError(message, error);
    }
  });
  await load();
}
