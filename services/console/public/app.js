import { api, hasRole, session, whenUnauthorized } from './js/api.js';
import { html, mount, showMessage } from './js/html.js';
import { renderApply } from './js/views/apply.js';
import { renderAssessment } from './js/views/assessment.js';
import { renderOrdersPage } from './js/views/supervision-orders.js';
import { renderAudit } from './js/views/audit.js';
import { renderBook } from './js/views/book.js';
import { renderHallBoard, renderQueue, renderTicket } from './js/views/hall.js';
import { renderKiosk } from './js/views/kiosk.js';
import { renderHomeVisit, renderVisits } from './js/views/home-visits.js';
import { kioskTown, watchIdleKiosk } from './js/kiosk-mode.js';
import { renderCalendar } from './js/views/calendar.js';
import { renderCatalogueImport } from './js/views/catalogue-import.js';
import { renderCase } from './js/views/case-detail.js';
import { renderDeadLetters } from './js/views/dead-letters.js';
import { renderDelegations } from './js/views/delegations.js';
import { renderGuides } from './js/views/guides.js';
import { renderInbox } from './js/views/inbox.js';
import { renderIntake } from './js/views/intake.js';
import { renderLedger } from './js/views/ledger.js';
import { renderLogin, setLoginNotice } from './js/views/login.js';
import { renderMatterGuide } from './js/views/matter-guide.js';
import { renderMessages } from './js/views/messages.js';
import { renderMyCases } from './js/views/my-cases.js';
import { renderProgress } from './js/views/progress.js';
import { renderProvince } from './js/views/province.js';
import { renderRatingPad } from './js/views/rating-pad.js';
import { renderServiceCenter } from './js/views/service-center.js';
import { renderStaff } from './js/views/staff.js';
import { renderSupervision } from './js/views/supervision.js';
import { renderNotices } from './js/views/notices.js';
import { renderVerify } from './js/views/verify.js';
import { loadPlaces } from './js/names.js';

const STEP_TAKERS = ['village-agent', 'town-window', 'town-reviewer', 'town-leader', 'county-officer'];

/** Menu order is landing order: a person lands on the first entry their roles allow. */
const ROUTES = [
  { path: 'inbox', title: '我的待办', roles: STEP_TAKERS, render: renderInbox },
  { path: 'intake', title: '受理申请', roles: ['village-agent', 'town-window'], render: renderIntake },
  {
    path: 'supervision',
    title: '监察',
    roles: ['supervisor', 'auditor', 'admin', 'town-leader'],
    render: renderSupervision,
  },
  { path: 'assessment', title: '考核', roles: ['supervisor', 'auditor', 'admin'], render: renderAssessment },
  {
    path: 'ledger',
    title: '用印登记',
    roles: ['seal-keeper', 'admin', 'supervisor', 'auditor'],
    render: renderLedger,
  },
  // After 用印登记, not beside 我的待办: seal keepers, supervisors and admins keep landing on their own desks.
  {
    path: 'messages',
    title: '单位消息',
    roles: [...STEP_TAKERS, 'seal-keeper', 'supervisor', 'admin'],
    render: renderMessages,
  },
  { path: 'audit', title: '审计', roles: ['auditor', 'supervisor', 'admin'], render: renderAudit },
  // Admin-only, so placed after the shared screens: the administrator keeps landing on 监察.
  { path: 'guides', title: '办事指南', roles: ['admin'], render: renderGuides },
  { path: 'catalogue', title: '事项目录', roles: ['admin'], render: renderCatalogueImport },
  // After 办事指南: county officers keep landing on 我的待办 and the administrator on 监察.
  { path: 'delegations', title: '直接赋权', roles: ['county-officer', 'admin'], render: renderDelegations },
  // Last of the role-restricted screens: the administrator keeps landing on 监察.
  { path: 'staff', title: '人员与岗位', roles: ['admin'], render: renderStaff },
  // The system administrator's only screen, so their landing page; a county's administrator sets its own days here.
  { path: 'calendar', title: '工作日历', roles: ['admin', 'system-admin'], render: renderCalendar },
  // A county bureau answers the 督办 about its own cases here (the town's leader does in 监察).
  { path: 'orders', title: '督办答复', roles: ['county-officer'], render: renderOrdersPage },
  { path: 'dead-letters', title: '死信消息', roles: ['system-admin', 'auditor'], render: renderDeadLetters },
  // The exchange with the province's platform: the administrator looks after it, supervisors and auditors look in.
  {
    path: 'province',
    title: '省平台对接',
    roles: ['admin', 'supervisor', 'auditor'],
    render: renderProvince,
  },
  { path: 'cases', title: '办件详情', render: renderCase },
  // The hall: the ticket machine and each window's calling, signed in as the center's window accounts.
  { path: 'queue', title: '窗口叫号', roles: ['town-window'], render: renderQueue },
  { path: 'ticket', title: '取号', roles: ['town-window'], render: renderTicket },
  { path: 'kiosk', title: '自助一体机', roles: ['town-window'], render: renderKiosk },
  { path: 'visits', title: '上门服务', roles: ['village-agent', 'town-window'], render: renderVisits },
  // The counter's tablet, facing the applicant, signed in as the clerk: 一次一评.
  { path: 'pad', title: '评价器', roles: ['town-window', 'village-agent'], render: renderRatingPad },
  { path: 'matter', title: '事项查询', isPublic: true, render: renderMatterGuide },
  { path: 'progress', title: '办件查询', isPublic: true, render: renderProgress },
  { path: 'my', title: '我的办件', isPublic: true, render: renderMyCases },
  // Reached from a guide's 网上申请 button: the matter's online application.
  { path: 'apply', isPublic: true, hidden: true, render: renderApply },
  { path: 'verify', title: '文书核验', isPublic: true, render: renderVerify },
  // 定期通报 … 向社会公开: the county's sealed 考核通报, for anyone to read and check.
  { path: 'notices', title: '政务公开', isPublic: true, render: renderNotices },
  // Reached by the hall's QR code or a link: 便民服务中心 公示 (address, phone, hours) and what can be done online.
  { path: 'center', isPublic: true, hidden: true, render: renderServiceCenter },
  // 网上预约 of a center (also a village agent's, for someone of their village), and its hall's display screen.
  { path: 'book', isPublic: true, hidden: true, render: renderBook },
  { path: 'hall', isPublic: true, hidden: true, render: renderHallBoard },
  { path: 'home-visit', isPublic: true, hidden: true, render: renderHomeVisit },
  { path: 'login', isPublic: true, hidden: true, render: renderLogin },
];

const mayOpen = (route, user) =>
  route.isPublic || (!!user && (!route.roles || hasRole(user, ...route.roles)));

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A mangled link (#/cases/%E0) should land on a page that says so, not stop the app.
    return segment;
  }
}

function parseHash() {
  const [path = '', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeSegment);
  return { path, params };
}

/** Staff work in the 工作台; the public reads the government's service pages (网上办事), never a staff title. */
const STAFF_TITLE = '一枚印章管审批 · 工作台';
const PUBLIC_TITLE = '政务服务 · 网上办事';

const KIOSK_TITLE = '政务服务 · 自助服务';

function renderHeader(signedIn, activePath) {
  // On the hall's kiosk the staff account behind it never shows: the public pages, and the way home.
  const kiosk = kioskTown();
  const user = kiosk ? null : signedIn;
  const title = kiosk ? KIOSK_TITLE : user ? STAFF_TITLE : PUBLIC_TITLE;
  document.querySelector('.topbar h1 a').textContent = title;
  document.title = title;
  mount(
    document.getElementById('who'),
    user
      ? html`<span class="user-name">${user.name}</span>
          <span class="user-roles">${user.roleTitles.join('、')}</span>
          <button type="button" id="logout" class="link">退出</button>`
      : kiosk
        ? html`<a href="#/kiosk">返回自助服务首页</a>`
        : html`<a href="#/login">登录</a>`,
  );
  document.getElementById('logout')?.addEventListener('click', () => {
    session.clear();
    location.hash = '#/login';
  });
  // Without a login only the public counters are listed: applicants use them and never log in.
  const entries = ROUTES.filter((route) => !route.hidden && mayOpen(route, user));
  mount(
    document.getElementById('nav'),
    entries.map(
      (route) =>
        html`<a href="#/${route.path}" class="${route.path === activePath ? 'active' : ''}"
          >${route.title}</a
        >`,
    ),
  );
}

async function route() {
  const user = session.user;
  const { path, params } = parseHash();
  const target = ROUTES.find((candidate) => candidate.path === path);
  if (!target) {
    const landing = ROUTES.find((candidate) => !candidate.hidden && mayOpen(candidate, user));
    location.replace(user ? `#/${landing.path}` : '#/login');
    return;
  }
  if (!target.isPublic && !user) {
    location.replace('#/login');
    return;
  }
  // A kiosk opens only the public pages and its own home.
  if (kioskTown() && !target.isPublic && target.path !== 'kiosk') {
    location.replace('#/kiosk');
    return;
  }
  renderHeader(user, path);
  // Each visit renders into a fresh section: an answer arriving after the clerk moved on lands in a detached node.
  const section = document.createElement('section');
  section.className = `view view-${target.path}`;
  document.getElementById('main').replaceChildren(section);
  if (!mayOpen(target, user)) {
    showMessage(section, 'error', '您的岗位不能使用此功能');
    return;
  }
  // Screens name places and units, not codes: the county's names come first (once per page load).
  if (user) await loadPlaces(user.county);
  target.render(section, { params, user });
}

whenUnauthorized((message) => {
  setLoginNotice(message || '登录已失效，请重新登录');
  location.hash = '#/login';
});

async function start() {
  // Roles may have changed since the token was issued: refresh the profile the menu is built from.
  if (session.token) {
    try {
      const user = await api('identity', '/auth/me');
      session.save(session.token, user);
    } catch {
      // A 401 already sent us to the login page; anything else leaves the stored profile in use.
    }
  }
  window.addEventListener('hashchange', route);
  watchIdleKiosk();
  route();
}

start();
