import { api } from '../api.js';
import { html, mount, showError } from '../html.js';
import {
  connectSerialReader,
  listenForWedgeReader,
  maskIdNumber,
  parseCardLine,
  serialReaderAvailable,
} from '../id-card-reader.js';
import { enterKioskMode, forgetVisitor, leaveKioskMode, rememberCard } from '../kiosk-mode.js';
import { QUEUE_CATEGORIES } from '../labels.js';
import { servedLines, ticketSlipHtml } from './hall.js';

const TICKET_SHOWN_MS = 15_000;
const maskName = (name) => (name ? `${name[0]}${'*'.repeat(Math.max(1, name.length - 1))}` : '');

const keypadHtml = (name, label, withX) =>
  html`<form class="kiosk-keypad" data-entry="${name}">
    <p class="kiosk-prompt">${label}</p>
    <input name="value" class="kiosk-entry" readonly aria-label="${label}" />
    <div class="kiosk-keys">
      ${[...'123456789'].map((key) => html`<button type="button" data-key="${key}">${key}</button>`)}
      ${withX ? html`<button type="button" data-key="X">X</button>` : html`<span></span>`}
      <button type="button" data-key="0">0</button>
      <button type="button" data-key="back">删除</button>
    </div>
    <div class="kiosk-actions">
      <button type="button" data-go="home">返回</button>
      <button type="submit" class="primary">确定</button>
    </div>
    <div class="message" role="status"></div>
  </form>`;

const homeHtml = (settings, card) =>
  html`<div class="kiosk-home">
    <p class="kiosk-card">
      ${card
        ? html`已读取身份证：${card.name ? `${maskName(card.name)} ` : ''}${maskIdNumber(card.idNumber)}
            <button type="button" data-go="forget">清除</button>`
        : html`请将身份证放在读卡区，或直接选择要办理的业务`}
    </p>
    <div class="kiosk-tiles">
      <button type="button" data-go="ticket">取号<small>按业务排队</small></button>
      <button type="button" data-go="appointment">预约取号<small>输入预约手机号和取号码</small></button>
      <a href="#/matter">自助申报<small>查办事指南，网上申请</small></a>
      <a href="#/progress">办件查询<small>凭办件编号和查询码</small></a>
      <a href="#/my">我的办件<small>手机号登录</small></a>
      <a href="#/book/${settings.town}">网上预约<small>预约办事时段</small></a>
    </div>
    <p class="kiosk-footer">
      <button type="button" class="link" data-go="manual-card">手动输入身份证号码</button>
      ${serialReaderAvailable()
        ? html`<button type="button" class="link" data-go="serial">连接串口读卡器</button>`
        : ''}
      <button type="button" class="link" data-go="staff-exit">工作人员退出自助模式</button>
    </p>
  </div>`;

/** Staff leave the kiosk mode with the machine account's password, typed masked. */
const staffExitHtml = () =>
  html`<form class="kiosk-exit kiosk-keypad">
    <label class="kiosk-prompt"
      >本机登录账号的密码 <input type="password" name="password" class="kiosk-entry" autocomplete="off"
    /></label>
    <div class="kiosk-actions">
      <button type="button" data-go="home">返回</button>
      <button type="submit" class="primary">退出自助模式</button>
    </div>
    <div class="message" role="status"></div>
  </form>`;

const linesHtml = (settings) =>
  html`<div class="kiosk-lines">
    <p class="kiosk-prompt">请选择要办理的业务</p>
    <div class="ticket-lines">
      ${servedLines(settings).map(
        (code) =>
          html`<button type="button" class="ticket-line" data-line="${code}">
            ${QUEUE_CATEGORIES[code]}
          </button>`,
      )}
    </div>
    <button type="button" data-go="home">返回</button>
  </div>`;

const slipHtml = (taken, centerName) =>
  html`${ticketSlipHtml(taken, centerName)} <button type="button" data-go="end">完成</button>`;

/**
 * 自助一体机 (#/kiosk): a full-screen touch layout for the hall, signed in as the center's kiosk account. The
 * identity card comes from whichever reader is there (id-card-reader.js), typed by hand as the fallback; numbers are
 * printed on the kiosk's slip printer; everything else is the public 网上办事 pages, the visitor forgotten after.
 */
export async function renderKiosk(root, { user }) {
  enterKioskMode(user.town);
  document.body.classList.add('pad-mode');
  let settings;
  try {
    settings = await api('intake', `/hall/${user.town}/settings`);
  } catch (error) {
    showError(root, error);
    return;
  }
  forgetVisitor();
  let card = null;
  let appointmentPhone = '';
  let backHome;
  const board = document.createElement('div');
  board.className = 'kiosk';
  root.replaceChildren(board);
  const show = (content) => {
    clearTimeout(backHome);
    mount(
      board,
      html`<header class="kiosk-head"><h2>${settings.centerName} · 自助服务</h2></header>
        ${content}`,
    );
  };
  const home = () => show(homeHtml(settings, card));
  // A visit ends with its number: the next person starts with nothing of this one's.
  const endVisit = () => {
    card = null;
    forgetVisitor();
    home();
  };

  const cardRead = (read) => {
    card = read;
    rememberCard(read);
    home();
  };
  const stopWedge = listenForWedgeReader(cardRead);
  let stopSerial;
  const leave = () =>
    setTimeout(() => {
      if (root.isConnected) return;
      stopWedge();
      void stopSerial?.();
      document.body.classList.remove('pad-mode');
      window.removeEventListener('hashchange', leave);
    });
  window.addEventListener('hashchange', leave);

  async function take(request, message) {
    try {
      const taken = await api('intake', `/hall/${user.town}/tickets`, { method: 'POST', body: request });
      show(slipHtml(taken, settings.centerName));
      window.print();
      backHome = setTimeout(endVisit, TICKET_SHOWN_MS);
    } catch (error) {
      if (!message) {
        show(
          html`<div class="message"></div>
            <button type="button" data-go="home">返回</button>`,
        );
      }
      showError(message ?? board.querySelector('.message'), error);
    }
  }

  board.addEventListener('click', async (event) => {
    const go = event.target.closest('[data-go]')?.dataset.go;
    const line = event.target.closest('[data-line]')?.dataset.line;
    const key = event.target.closest('[data-key]')?.dataset.key;
    if (line) return take({ category: line });
    if (key) {
      const entry = event.target.closest('form').elements.value;
      entry.value = key === 'back' ? entry.value.slice(0, -1) : `${entry.value}${key}`.slice(0, 18);
      return;
    }
    switch (go) {
      case 'home':
        return home();
      case 'end':
        return endVisit();
      case 'forget':
        card = null;
        forgetVisitor();
        return home();
      case 'ticket':
        return show(linesHtml(settings));
      case 'appointment':
        return show(keypadHtml('appointment', '请输入预约时填写的手机号码', false));
      case 'manual-card':
        return show(keypadHtml('card', '请输入 18 位公民身份号码', true));
      case 'serial':
        try {
          stopSerial = await connectSerialReader(cardRead);
        } catch (error) {
          showError(board.querySelector('.kiosk-footer'), error);
        }
        return;
      case 'staff-exit':
        return show(staffExitHtml());
      default:
    }
  });
  board.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    if (form.matches('.kiosk-exit')) {
      try {
        await api('identity', '/auth/login', {
          method: 'POST',
          body: { loginName: user.loginName, password: form.elements.password.value },
        });
        leaveKioskMode();
        location.hash = '#/queue';
      } catch (error) {
        form.reset();
        showError(form.querySelector('.message'), error);
      }
      return;
    }
    const value = form.elements.value.value;
    const message = form.querySelector('.message');
    // An appointment's number is taken with the phone, then the 4-digit code the booking SMS gave.
    if (form.dataset.entry === 'appointment') {
      appointmentPhone = value;
      return show(keypadHtml('appointment-code', '请输入预约短信中的 4 位取号码', false));
    }
    if (form.dataset.entry === 'appointment-code')
      return take({ appointmentPhone, appointmentCode: value }, message);
    const read = parseCardLine(value);
    if (!read) return showError(message, { message: '公民身份号码有误，请核对后重新输入' });
    cardRead(read);
  });
  home();
}
