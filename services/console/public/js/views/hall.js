import { api } from '../api.js';
import { formatDateTime, html, mount, showError, showMessage } from '../html.js';
import { QUEUE_CATEGORIES } from '../labels.js';

const BOARD_REFRESH_MS = 3000;
const WINDOW_KEY = 'oneseal.hall-window';

/** The lines any window of the hall serves: what a number can be taken for. */
export const servedLines = (settings) =>
  Object.keys(QUEUE_CATEGORIES).filter((code) =>
    settings.windows.some((window) => window.categories.includes(code)),
  );

/** The slip a number is printed on: the center, the number, what it is for, who is ahead, which windows call it. */
export const ticketSlipHtml = (taken, centerName, footer = '') =>
  html`<div class="ticket-slip">
    <p>${centerName}</p>
    <p class="ticket-number">${taken.ticket}</p>
    <p>
      ${taken.appointment
        ? `预约：${taken.appointment.slot} ${taken.appointment.matterName}`
        : taken.categoryName}
    </p>
    <p>前面还有 ${taken.waitingAhead} 人等候 · 请留意 ${taken.windows.join('、')} 叫号</p>
    <p class="muted">${formatDateTime(taken.issuedAt)} 取号，过号请重新取号</p>
    ${footer}
  </div>`;

const ticketHtml = (taken, centerName) =>
  ticketSlipHtml(
    taken,
    centerName,
    html`<button type="button" class="print-ticket no-print">打印小票</button>`,
  );

/**
 * 取号 (#/ticket): the hall's ticket machine, signed in as the center's front desk: a number in the line of the
 * business, or — with an appointment today — by the phone number it was made with.
 */
export async function renderTicket(root, { user }) {
  // A machine in the hall, run in the browser's kiosk mode: nothing of the staff console around it.
  document.body.classList.add('pad-mode');
  const leave = () =>
    // After the router has put the next page in place: only then is this one gone.
    setTimeout(() => {
      if (root.isConnected) return;
      document.body.classList.remove('pad-mode');
      window.removeEventListener('hashchange', leave);
    });
  window.addEventListener('hashchange', leave);
  mount(root, html`<div class="message"></div>`);
  let settings;
  try {
    settings = await api('intake', `/hall/${user.town}/settings`);
  } catch (error) {
    showError(root.querySelector('.message'), error);
    return;
  }
  mount(
    root,
    html`<div class="ticket-machine">
      <h2>${settings.centerName} · 取号</h2>
      <p class="muted">请选择要办理的业务</p>
      <div class="ticket-lines">
        ${servedLines(settings).map(
          (code) =>
            html`<button type="button" class="ticket-line" data-category="${code}">
              ${QUEUE_CATEGORIES[code]}
            </button>`,
        )}
      </div>
      <form class="ticket-appointment">
        <label
          >已预约？预约手机号码 <input name="phone" type="tel" maxlength="11" inputmode="numeric"
        /></label>
        <label>取号码（预约短信中） <input name="code" maxlength="4" inputmode="numeric" /></label>
        <button type="submit" class="primary">预约取号</button>
      </form>
      <div class="message" role="status"></div>
      <div class="ticket"></div>
    </div>`,
  );
  const message = root.querySelector('.message');
  const slip = root.querySelector('.ticket');
  async function take(request) {
    mount(message, '');
    try {
      const taken = await api('intake', `/hall/${user.town}/tickets`, { method: 'POST', body: request });
      mount(slip, ticketHtml(taken, settings.centerName));
    } catch (error) {
      mount(slip, '');
      showError(message, error);
    }
  }
  root.addEventListener('click', (event) => {
    const line = event.target.closest('[data-category]');
    if (line) void take({ category: line.dataset.category });
    if (event.target.matches('.print-ticket')) window.print();
  });
  root.querySelector('form.ticket-appointment').addEventListener('submit', (event) => {
    event.preventDefault();
    void take({
      appointmentPhone: event.target.elements.phone.value.trim(),
      appointmentCode: event.target.elements.code.value.trim(),
    });
    event.target.reset();
  });
}

/** 叫号 (#/queue): a window calls its next number, or marks the one called as not come (过号). */
export async function renderQueue(root, { user }) {
  mount(
    root,
    html`<h2>窗口叫号</h2>
      <div class="message"></div>`,
  );
  let settings;
  try {
    settings = await api('intake', `/hall/${user.town}/settings`);
  } catch (error) {
    showError(root.querySelector('.message'), error);
    return;
  }
  const remembered = Number(localStorage.getItem(WINDOW_KEY));
  mount(
    root,
    html`<h2>窗口叫号 <small>${settings.centerName}</small></h2>
      <form class="toolbar call-form">
        <label
          >本窗口
          <select name="windowNumber">
            ${settings.windows.map(
              (window) =>
                html`<option value="${window.number}" ${window.number === remembered ? 'selected' : ''}>
                  ${window.number}号 ${window.name}
                </option>`,
            )}
          </select></label
        >
        <button type="submit" class="primary">叫下一位</button>
        <button type="button" class="skip" disabled>过号</button>
        <a href="#/hall/${user.town}" target="_blank" rel="noopener">大厅显示屏</a>
      </form>
      <div class="message" role="status"></div>
      <div class="calling"></div>
      <h3>等候人数</h3>
      <div class="waiting"></div>`,
  );
  const form = root.querySelector('form.call-form');
  const message = root.querySelector('.message');
  const skip = form.querySelector('.skip');
  let current = null;
  async function refreshWaiting() {
    const board = await api('intake', `/hall/${user.town}/board`);
    mount(
      root.querySelector('.waiting'),
      board.waiting.length
        ? html`<ul class="plain">
            ${board.waiting.map((line) => html`<li>${line.category}：${line.waiting} 人</li>`)}
          </ul>`
        : html`<p class="muted">暂无等候</p>`,
    );
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const windowNumber = Number(form.elements.windowNumber.value);
    localStorage.setItem(WINDOW_KEY, String(windowNumber));
    mount(message, '');
    try {
      const { called } = await api('intake', `/hall/${user.town}/calls`, {
        method: 'POST',
        body: { windowNumber },
      });
      current = called;
      skip.disabled = !called;
      mount(
        root.querySelector('.calling'),
        called
          ? html`<p class="now-calling">
                请 <strong>${called.ticket}</strong> 号到 ${called.windowNumber} 号窗口
              </p>
              <p class="muted">${called.categoryName} · 已等候 ${called.waitedMinutes} 分钟</p>`
          : html`<p class="muted">本窗口办理的业务暂无人等候</p>`,
      );
      await refreshWaiting();
    } catch (error) {
      showError(message, error);
    }
  });
  skip.addEventListener('click', async () => {
    if (!current) return;
    try {
      await api('intake', `/hall/tickets/${current.id}/skip`, { method: 'POST' });
      showMessage(message, 'ok', `${current.ticket} 已过号`);
      current = null;
      skip.disabled = true;
      mount(root.querySelector('.calling'), '');
    } catch (error) {
      showError(message, error);
    }
  });
  await refreshWaiting();
}

const boardHtml = (board, center) =>
  html`<div class="hall-board">
    <header class="hall-head">
      <h2>${center.countyName}${board.centerName}</h2>
      <span class="hall-clock"
        >${new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}</span
      >
    </header>
    ${board.calls[0]
      ? html`<p class="hall-now">
          请 <strong>${board.calls[0].ticket}</strong> 号到
          <strong>${board.calls[0].windowNumber}</strong> 号窗口办理
        </p>`
      : html`<p class="hall-now muted">欢迎来到${board.centerName}</p>`}
    <div class="hall-columns">
      <table class="hall-windows-board">
        <thead>
          <tr>
            <th>窗口</th>
            <th>办理业务</th>
            <th>正在办理</th>
          </tr>
        </thead>
        <tbody>
          ${board.windows.map(
            (window) =>
              html`<tr>
                <td>
                  ${window.number}号 ${window.name}
                  ${window.staffName ? html`<div class="hall-staff">工作人员：${window.staffName}</div>` : ''}
                </td>
                <td>${window.categories.join('、')}</td>
                <td class="hall-calling">${window.calling ?? '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div>
        <h3>等候人数</h3>
        ${board.waiting.length
          ? html`<ul class="plain">
              ${board.waiting.map(
                (line) => html`<li>${line.category}：<strong>${line.waiting}</strong> 人</li>`,
              )}
            </ul>`
          : html`<p>暂无等候</p>`}
        <h3>最近叫号</h3>
        <ul class="plain">
          ${board.calls.slice(0, 6).map((call) => html`<li>${call.ticket} → ${call.windowNumber}号窗口</li>`)}
        </ul>
      </div>
    </div>
    <footer class="hall-notice">
      <p>
        地址：${center.address ?? '—'} · 咨询电话：${center.phone ?? '—'} · 办公时间：${center.hours ?? '—'}
      </p>
      <p>
        办事指南、网上申请、网上预约、办件查询、文书核验：扫码或访问“政务服务 ·
        网上办事”。实行一次告知、首问负责、限时办结。
      </p>
    </footer>
  </div>`;

/**
 * 大厅显示屏 (#/hall/<town>): public, full screen in the hall: the number called and to which window, what each
 * window is calling, how many wait, and the center's 公示 (address, phone, hours, commitments). No one's name.
 */
export async function renderHallBoard(root, { params }) {
  const [town] = params;
  document.body.classList.add('pad-mode');
  let center;
  try {
    center = await api('intake', `/catalogue/service-centers/${town}`);
  } catch (error) {
    showError(root, error);
    return;
  }
  let lastCall = null;
  async function refresh() {
    if (!root.isConnected) {
      document.body.classList.remove('pad-mode');
      return;
    }
    try {
      const board = await api('intake', `/hall/${town}/board`);
      mount(root, boardHtml(board, center));
      const latest = board.calls[0];
      const key = latest && `${latest.ticket}@${latest.calledAt}`;
      if (key && key !== lastCall && lastCall !== null && 'speechSynthesis' in window)
        window.speechSynthesis.speak(
          new SpeechSynthesisUtterance(
            `请${latest.ticket.split('').join(' ')}号到${latest.windowNumber}号窗口办理`,
          ),
        );
      lastCall = key ?? '';
    } catch (error) {
      showError(root, error);
    }
    setTimeout(refresh, BOARD_REFRESH_MS);
  }
  await refresh();
}
