import { api, applicantSession, hasRole, session } from '../api.js';
import { html, messageHtml, mount, showError, showMessage } from '../html.js';
import { APPOINTMENT_STATUSES, label } from '../labels.js';
import { showApplicantSignIn, signedInHeader } from './applicant-sign-in.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const dayTitle = (date) => {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
};

const slotsHtml = (days) =>
  days.length
    ? html`<div class="booking-days">
        ${days.map(
          (day) =>
            html`<fieldset class="booking-day">
              <legend>${dayTitle(day.date)}${day.provisional ? '（节假日安排未公布）' : ''}</legend>
              ${day.slots.length
                ? day.slots.map(
                    (slot) =>
                      html`<label class="slot ${slot.left ? '' : 'full'}"
                        ><input
                          type="radio"
                          name="visit"
                          value="${day.date}|${slot.slot}"
                          ${slot.left ? '' : 'disabled'}
                        />
                        ${slot.slot}<small>${slot.left ? `余 ${slot.left}` : '已约满'}</small></label
                      >`,
                  )
                : html`<span class="muted">今天的时段已过</span>`}
            </fieldset>`,
        )}
      </div>`
    : html`<p class="muted">近期没有可预约的工作日。</p>`;

const formHtml = (center, matters, byAgent) =>
  html`<form class="booking applicant-form">
    <label
      >办理事项
      <select name="matterCode" required>
        <option value="">请选择</option>
        ${matters.map((matter) => html`<option value="${matter.code}">${matter.name}</option>`)}
      </select></label
    >
    <label>办事人姓名 <input name="applicantName" maxlength="50" /></label>
    ${byAgent
      ? html`<label
          >办事人手机号码（接收预约短信） <input name="applicantPhone" type="tel" maxlength="11"
        /></label>`
      : ''}
    <p>选择时段（所余名额按办理该事项的窗口计）：</p>
    <div class="slots">${slotsHtml(center.days)}</div>
    <div class="message" role="status"></div>
    <button type="submit" class="primary">预约</button>
  </form>`;

const appointmentsHtml = (appointments) =>
  appointments.length
    ? html`<h3>我的预约</h3>
        <ul class="case-cards">
          ${appointments.map(
            (visit) =>
              html`<li class="case-card">
                <strong>${visit.centerName} · ${visit.matterName}</strong>
                <span class="stage">${label(APPOINTMENT_STATUSES, visit.status)}</span>
                <span class="muted">${dayTitle(visit.day)} ${visit.slot}</span>
                ${visit.status === 'booked'
                  ? html`<button type="button" class="link cancel-visit" data-id="${visit.id}">
                      取消预约
                    </button>`
                  : ''}
              </li>`,
          )}
        </ul>`
    : '';

/**
 * 网上预约 (#/book/<town>): an applicant signed in with their number, or a village agent for someone of their
 * village, books a visit to the town's center at a slot with places left; the SMS confirmation and reminder go to
 * the applicant's number.
 */
export function renderBook(root, { params }) {
  const [town] = params;
  const agent = hasRole(session.user, 'village-agent') ? session.user : null;
  mount(
    root,
    html`<h2>网上预约</h2>
      <div class="body"></div>`,
  );
  const body = root.querySelector('.body');
  const place = agent?.town ?? town;
  if (!/^\d{9}$/.test(place ?? '')) {
    showMessage(body, 'error', '请从便民服务中心的页面进入预约');
    return;
  }

  async function show(signedIn, notice = '') {
    try {
      const center = await api('intake', `/hall/${place}/slots`);
      const county = place.slice(0, 6);
      const { items } = await api('intake', '/catalogue/matters', {
        query: { county, level: 'town', pageSize: 100 },
      });
      root.querySelector('h2').textContent = `网上预约 · ${center.centerName}`;
      const mine = agent ? [] : await api('intake', '/applicant/appointments', { asApplicant: true });
      mount(
        body,
        html`${notice}${agent
            ? html`<p class="muted">帮办代办：为本村群众预约，短信发送至群众本人手机。</p>`
            : signedInHeader(signedIn)}
          ${formHtml(center, items, !!agent)}
          <div class="mine">${appointmentsHtml(mine)}</div>`,
      );
    } catch (error) {
      if (error.status === 401 && !agent) {
        applicantSession.clear();
        showApplicantSignIn(body, show, '预约须先用本人手机号码登录，预约短信发送至该号码。');
        return;
      }
      showError(body, error);
    }
  }

  // The places left follow the matter chosen: the windows that handle its business.
  body.addEventListener('change', async (event) => {
    if (event.target.name !== 'matterCode' || !event.target.value) return;
    const slots = body.querySelector('.slots');
    try {
      const chosen = body.querySelector('input[name=visit]:checked')?.value;
      const center = await api('intake', `/hall/${place}/slots`, {
        query: { matterCode: event.target.value },
      });
      mount(slots, slotsHtml(center.days));
      // A slot already picked stays picked while it still has a place for this matter.
      const still = [...slots.querySelectorAll('input[name=visit]')].find((input) => input.value === chosen);
      if (still && !still.disabled) still.checked = true;
    } catch (error) {
      showError(slots, error);
    }
  });
  body.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target.closest('form.booking');
    if (!form) return;
    const message = form.querySelector('.message');
    const chosen = form.elements.visit?.value;
    if (!form.elements.matterCode.value || !chosen) {
      showMessage(message, 'error', '请选择办理事项和预约时段');
      return;
    }
    const [day, slot] = chosen.split('|');
    const visit = {
      town: place,
      day,
      slot,
      matterCode: form.elements.matterCode.value,
      applicantName: form.elements.applicantName.value.trim(),
      ...(agent ? { applicantPhone: form.elements.applicantPhone.value.trim() } : {}),
    };
    try {
      const booked = agent
        ? await api('intake', '/hall/appointments', { method: 'POST', body: visit })
        : await api('intake', '/applicant/appointments', { method: 'POST', body: visit, asApplicant: true });
      await show(
        applicantSession.current,
        messageHtml('ok', '预约成功', [
          `${booked.centerName} · ${booked.matterName}`,
          `${dayTitle(booked.day)} ${booked.slot}`,
          '预约短信已发送；前一天傍晚还会短信提醒。到中心后在取号机输入预约手机号码取号，预约号优先叫号。',
        ]),
      );
      window.scrollTo(0, 0);
    } catch (error) {
      showError(message, error);
    }
  });
  body.addEventListener('click', async (event) => {
    const cancel = event.target.closest('.cancel-visit');
    if (cancel) {
      try {
        await api('intake', `/applicant/appointments/${cancel.dataset.id}/cancellation`, {
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
      showApplicantSignIn(body, show);
    }
  });

  const signedIn = applicantSession.current;
  if (agent || signedIn) void show(signedIn);
  else showApplicantSignIn(body, show, '预约须先用本人手机号码登录，预约短信发送至该号码。');
}
