import { api, hasRole } from '../api.js';
import {
  caseLink,
  downloadBlob,
  formatCount,
  formatDateTime,
  formValues,
  html,
  mount,
  percentOf,
  showError,
  showMessage,
  tableHtml,
  todayIso,
} from '../html.js';
import { EVENT_TYPES, eventTypeLabel, label, ROLE_TITLES, SERVICE_ACTORS } from '../labels.js';
import { townLabel, townOptionsHtml } from '../names.js';
import { caseSearchFormHtml, wireCaseSearch } from './case-search.js';

/**
 * Who acted, by name: a person's name as recorded with the event (their account number only on hover), a
 * service by what it is. Events recorded before names were kept show the role, or 工作人员.
 */
function actorText(actor) {
  if (!actor) return '';
  if (actor.kind !== 'person')
    return html`<span title="${actor.id}">${label(SERVICE_ACTORS, actor.id)}</span>`;
  if (actor.id === 'applicant') return '申请人';
  const who = actor.name ?? (actor.role ? label(ROLE_TITLES, actor.role) : '工作人员');
  return html`<span title="账号 ${actor.id}">${who}</span>`;
}

const eventsHtml = (events) =>
  tableHtml(
    ['版本', '事件', '发生时间', '记录时间', '操作者'],
    events.map((event) => [
      event.version,
      html`<span title="${event.type}">${eventTypeLabel(event.type)}</span>`,
      formatDateTime(event.occurredAt),
      formatDateTime(event.recordedAt),
      actorText(event.envelope?.actor),
    ]),
  );

function showVerdict(element, verdict) {
  if (verdict.events === 0) showMessage(element, 'info', '没有这个办件的事件记录');
  else if (verdict.intact)
    showMessage(element, 'ok', `事件链完整：共 ${verdict.events} 条事件，未被篡改、删除或调换`);
  else
    showMessage(
      element,
      'error',
      `事件链被篡改于第 ${verdict.brokenAtVersion} 条（共 ${verdict.events} 条）`,
    );
}

const PAGE_SIZE = 200;

/** A case by its 办件编号; a seal's own record (登记, 启用, 停用) is not a case and has no case to open. */
const streamText = (event) =>
  event.type.startsWith('seal.seal-')
    ? html`<span class="muted">印章记录</span>`
    : caseLink(event.streamId, event.receiptNumber ?? '查看办件');

const placeEventsHtml = (events, page) =>
  html`${tableHtml(
      ['序号', '记录时间', '乡镇', '办件', '版本', '事件', '操作者'],
      events.map((event) => [
        event.seq,
        formatDateTime(event.recordedAt),
        townLabel(event.town),
        streamText(event),
        event.version,
        html`<span title="${event.type}">${eventTypeLabel(event.type)}</span>`,
        actorText(event.actor),
      ]),
      page > 1 ? '没有更多事件了。' : '这段时间内没有符合条件的事件。',
    )}
    <div class="pager">
      第 ${page} 页 ${page > 1 && html`<button type="button" data-pager="start">从头</button>`}
      ${events.length === PAGE_SIZE && html`<button type="button" data-pager="next">下一页</button>`}
    </div>`;

function showPlaceVerdict(element, verdict) {
  if (verdict.intact) {
    showMessage(
      element,
      'ok',
      `共 ${formatCount(verdict.streams)} 个办件、${formatCount(verdict.events)} 条事件，事件链完整`,
    );
    return;
  }
  const more =
    verdict.brokenStreams > verdict.broken.length ? `（只列出前 ${verdict.broken.length} 个）` : '';
  showMessage(
    element,
    'error',
    `发现 ${formatCount(verdict.brokenStreams)} 个办件的事件链被改动${more}`,
    verdict.broken.map(
      (chain) =>
        html`${caseLink(chain.streamId, chain.receiptNumber ?? '办件（受理记录已缺失）')} 自第
        ${chain.brokenAtVersion} 条起不连续`,
    ),
  );
}

/** The second part of the screen: a town's (or the whole county's) record replayed a page at a time, and verified. */
function setUpPlaceAudit(root, user) {
  const form = root.querySelector('form.place');
  const eventsBox = root.querySelector('.place-events');
  const verdictBox = root.querySelector('.place-verdict');
  // The filter of the replay on screen: paging goes on with it even if the form has been edited since.
  let shown = null;
  let pageLoad = 0;

  async function loadPage(query, after, page) {
    const load = ++pageLoad;
    showMessage(eventsBox, 'info', '正在回放…');
    try {
      const events = await api('audit', '/audit/events', {
        query: { ...query, after, limit: PAGE_SIZE },
      });
      if (load !== pageLoad) return;
      shown = { query, page, last: events.at(-1)?.seq ?? after };
      mount(eventsBox, placeEventsHtml(events, page));
    } catch (error) {
      if (load === pageLoad) showError(eventsBox, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { town, from, to, type } = formValues(form);
    void loadPage({ county: user.county, town, from, to, type }, 0, 1);
  });

  eventsBox.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-pager]');
    if (!button || !shown) return;
    if (button.dataset.pager === 'next') void loadPage(shown.query, shown.last, shown.page + 1);
    else void loadPage(shown.query, 0, 1);
  });

  // Verifying needs only the place, so the dates may be left as they are. The check runs on in the audit service;
  // the list below follows it, here or after coming back to this screen.
  const runs = backgroundChecks(root.querySelector('.place-runs'), verdictBox, placeChecks(user));
  root.querySelector('button.verify-place').addEventListener('click', async () => {
    const town = form.elements.namedItem('town').value.trim();
    try {
      const run = await api('audit', '/audit/verification/runs', {
        method: 'POST',
        body: { county: user.county, ...(town ? { town } : {}) },
      });
      runs.follow(run);
    } catch (error) {
      showError(verdictBox, error);
    }
  });
  runs.refresh();
}

const RUNS_LOOK_MS = 2000;

/** 全县 or the town's name: what a check covered. */
const runPlace = (run) => (run.town ? townLabel(run.town) : '全县');

/** 3 分 12 秒: how long a finished check took. */
function tookText(run) {
  const seconds = Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
  return seconds >= 60 ? `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒` : `${seconds} 秒`;
}

/** How far a check is once it has ended: done with how long it took, or not finished (why is in 结果). */
const endedText = (check) => (check.status === 'done' ? `已完成，用时 ${tookText(check)}` : '未完成');

/** A town's or the county's chains: how each check is listed and what its verdict says. */
const placeChecks = (user) => ({
  path: '/audit/verification/runs',
  query: { county: user.county },
  title: '核验记录',
  subject: '范围',
  what: runPlace,
  statusText(run) {
    const { streams, streamsChecked } = run.progress;
    if (run.status === 'running' && streams === 0) return '正在列出要核验的办件…';
    const done = `已核验 ${formatCount(streamsChecked)} / ${formatCount(streams)} 件（${percentOf(streamsChecked, streams)}%）`;
    if (run.status === 'running' && run.waitingToGoOn) return `${done}，审计服务重启中，稍后从此处接着核验`;
    if (run.status === 'running') return done;
    return endedText(run);
  },
  resultHtml(run) {
    if (run.status === 'done' && run.verdict?.intact)
      return html`<span class="ok-text">事件链完整</span>：${formatCount(run.verdict.streams)}
        个办件、${formatCount(run.verdict.events)} 条事件`;
    if (run.status === 'done')
      return html`<span class="error-text">${run.verdict.brokenStreams} 个办件的事件链被改动</span>
        <button type="button" data-check="${run.id}">查看</button>`;
    return run.failure ?? '';
  },
  showVerdict: showPlaceVerdict,
});

/**
 * A place's chains or the signed checkpoints, checked in the audit service: the latest checks (who started each,
 * how far it is, what it found), read again while one runs and the screen is shown; the one this person started
 * shows its progress and verdict in `verdictBox`.
 */
function backgroundChecks(box, verdictBox, kind) {
  let followed = null;
  let timer;
  let shown = [];

  function showFollowed(check) {
    if (check.status === 'running')
      showMessage(
        verdictBox,
        'info',
        `核验${kind.what(check)}：${kind.statusText(check).replace(/…$/, '')}。离开本页不影响核验，回来可在下方查看结果。`,
      );
    else if (check.status === 'done') kind.showVerdict(verdictBox, check.verdict);
    else showMessage(verdictBox, 'error', `${kind.what(check)}：${check.failure}`);
  }

  async function refresh() {
    clearTimeout(timer);
    if (!box.isConnected) return;
    try {
      shown = await api('audit', kind.path, { query: kind.query });
    } catch (error) {
      // The check runs on in the service whatever this screen heard: keep looking while one was running.
      showError(box, error);
      if (followed || shown.some((check) => check.status === 'running'))
        timer = setTimeout(refresh, RUNS_LOOK_MS * 3);
      return;
    }
    mount(
      box,
      shown.length === 0
        ? ''
        : html`<h4>${kind.title}</h4>
            ${tableHtml(
              ['发起时间', kind.subject, '发起人', '进度', '结果'],
              shown.map((check) => [
                formatDateTime(check.startedAt),
                kind.what(check),
                check.requestedBy.name,
                kind.statusText(check),
                kind.resultHtml(check),
              ]),
            )}`,
    );
    const current = followed && shown.find((check) => check.id === followed);
    if (current) {
      showFollowed(current);
      if (current.status !== 'running') followed = null;
    }
    if (shown.some((check) => check.status === 'running')) timer = setTimeout(refresh, RUNS_LOOK_MS);
  }

  box.addEventListener('click', (event) => {
    const check = shown.find((one) => one.id === event.target.closest('button[data-check]')?.dataset.check);
    if (check) kind.showVerdict(verdictBox, check.verdict);
  });

  return {
    refresh,
    follow(check) {
      followed = check.id;
      showFollowed(check);
      void refresh();
    },
  };
}

function showCheckpointVerdict(element, verdict) {
  const upTo = verdict.lastTakenAt ? `，最近一个签于 ${formatDateTime(verdict.lastTakenAt)}` : '';
  if (verdict.checkpoints === 0) {
    showMessage(element, 'info', '还没有签名检查点（每 5 分钟签署一次有新事件的事件链）');
  } else if (verdict.intact) {
    showMessage(
      element,
      'ok',
      `${formatCount(verdict.checkpoints)} 个签名检查点、${formatCount(verdict.heads)} 个链头全部核验通过${upTo}：其后没有事件被删除、截断或改写`,
    );
  } else {
    showMessage(
      element,
      'error',
      `核验发现 ${verdict.problems.length} 处问题${upTo}`,
      verdict.problems.map((problem) => problem.message),
    );
  }
}

/** 系统中的检查点, or the exported file a check compared the log with. */
const checkpointSubject = (check) =>
  check.againstCopy
    ? `导出的文件（${formatDateTime(check.againstCopy.exportedAt)} 导出，${check.againstCopy.checkpoints} 个检查点）`
    : '系统中的检查点';

/** The signed checkpoints: how each check is listed and what its verdict says. */
const checkpointChecks = {
  path: '/audit/checkpoints/checks',
  query: {},
  title: '检查点核验记录',
  subject: '核验对象',
  what: checkpointSubject,
  /** 第 3 / 36 个检查点，已核对 420,000 / 1,008,871 个链头（41%） */
  statusText(check) {
    const { checkpoints, checkpointsChecked, heads, headsChecked } = check.progress;
    if (check.status === 'running' && check.waitingToGoOn)
      return check.goesOnAfter > 0
        ? `已核对 ${check.goesOnAfter} / ${checkpoints} 个检查点，审计服务重启中，稍后从第 ${check.goesOnAfter + 1} 个检查点接着核验`
        : '审计服务重启中，稍后从第一个检查点开始核验';
    if (check.status === 'running' && checkpoints === 0) return '正在读取检查点和链头…';
    if (check.status === 'running')
      return `第 ${Math.min(checkpointsChecked + 1, checkpoints)} / ${checkpoints} 个检查点，已核对 ${formatCount(headsChecked)} / ${formatCount(heads)} 个链头（${percentOf(headsChecked, heads)}%）`;
    return endedText(check);
  },
  resultHtml(check) {
    if (check.status === 'done' && check.verdict.checkpoints === 0) return '还没有签名检查点';
    if (check.status === 'done' && check.verdict.intact)
      return html`<span class="ok-text">全部核验通过</span>：${formatCount(check.verdict.checkpoints)}
        个检查点、${formatCount(check.verdict.heads)} 个链头`;
    if (check.status === 'done')
      return html`<span class="error-text">发现 ${check.verdict.problems.length} 处问题</span>
        <button type="button" data-check="${check.id}">查看</button>`;
    return check.failure ?? '';
  },
  showVerdict: showCheckpointVerdict,
};

/**
 * The third part, for auditors: the log against its SM2-signed checkpoints, a copy of them to keep elsewhere, and
 * that copy checked against the log as it is now (a checkpoint removed from the database shows only that way). The
 * checks run on in the audit service; the list below follows them.
 */
function setUpCheckpoints(root) {
  const box = root.querySelector('.checkpoint-verdict');
  const checks = backgroundChecks(root.querySelector('.checkpoint-checks'), box, checkpointChecks);
  const start = async (path, body) => checks.follow(await api('audit', path, { method: 'POST', body }));
  root.querySelector('button.verify-checkpoints').addEventListener('click', async () => {
    try {
      await start('/audit/checkpoints/checks', {});
    } catch (error) {
      showError(box, error);
    }
  });
  root.querySelector('button.export-checkpoints').addEventListener('click', async () => {
    try {
      // Without heads: the signatures cover their digests, and a million heads would make a file of 140 MB.
      const exported = await api('audit', '/audit/checkpoints/export', { query: { heads: 'none' } });
      downloadBlob(
        new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' }),
        `审计检查点-${todayIso()}.json`,
      );
      showMessage(
        box,
        'ok',
        `已导出 ${exported.checkpoints.length} 个签名检查点：请存放在系统之外（如刻盘、交县档案）`,
      );
    } catch (error) {
      showError(box, error);
    }
  });
  root.querySelector('input.checkpoint-copy').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    try {
      await start('/audit/checkpoints/checks/copy', JSON.parse(await file.text()));
    } catch (error) {
      if (error instanceof SyntaxError)
        showMessage(box, 'error', '这个文件不是导出的检查点文件（JSON 格式有误）');
      else showError(box, error);
    } finally {
      event.target.value = '';
    }
  });
  checks.refresh();
}

export function renderAudit(root, { params, user }) {
  const caseId = params[0] ?? '';
  const today = todayIso();
  mount(
    root,
    html`<h2>审计回放</h2>
      <h3>按办件回放与核验</h3>
      ${caseSearchFormHtml()}
      <div class="found"></div>
      <div class="verdict"></div>
      <div class="events"></div>
      <h3>按乡镇或全县回放与核验</h3>
      <form class="toolbar place">
        <label
          >乡镇
          <select name="town">
            ${townOptionsHtml()}
          </select>
        </label>
        <label>自 <input type="date" name="from" required value="${today}" /></label>
        <label>至 <input type="date" name="to" required value="${today}" /></label>
        <label
          >事件类型
          <select name="type">
            <option value="">全部</option>
            ${Object.entries(EVENT_TYPES).map(
              ([code, text]) => html`<option value="${code}">${text}</option>`,
            )}
          </select></label
        >
        <button type="submit">回放</button>
        <button type="button" class="verify-place">核验全部事件链</button>
      </form>
      <div class="place-verdict"></div>
      <div class="place-runs"></div>
      <div class="place-events"></div>
      ${hasRole(user, 'auditor', 'system-admin') &&
      html`<h3>签名检查点</h3>
        <p class="muted">
          系统每 5 分钟用 SM2 系统密钥签署一次各事件链的链头。核验可发现链尾被删除、日志被截断或事件被改写；
          导出的文件存放在系统之外，日后用它核验，还能发现系统中被删除的检查点。
        </p>
        <div class="toolbar">
          <button type="button" class="verify-checkpoints">核验签名检查点</button>
          <button type="button" class="export-checkpoints">导出检查点文件</button>
          <label class="button"
            >用导出的文件核验…<input
              type="file"
              class="checkpoint-copy"
              accept="application/json,.json"
              hidden
          /></label>
        </div>
        <div class="checkpoint-verdict"></div>
        <div class="checkpoint-checks"></div>`}`,
  );
  setUpPlaceAudit(root, user);
  if (hasRole(user, 'auditor', 'system-admin')) setUpCheckpoints(root);
  const verdictBox = root.querySelector('.verdict');
  wireCaseSearch(root, {
    list: root.querySelector('.found'),
    message: verdictBox,
    pick: '回放并核验',
    onPick: (picked) => (location.hash = `#/audit/${encodeURIComponent(picked)}`),
  });
  if (!caseId) return;

  const stream = encodeURIComponent(caseId);
  api('audit', `/audit/streams/${stream}/verification`).then(
    (verdict) => showVerdict(verdictBox, verdict),
    (error) => showError(verdictBox, error),
  );
  api('audit', `/audit/streams/${stream}/events`).then(
    (events) => events.length > 0 && mount(root.querySelector('.events'), eventsHtml(events)),
    (error) => showError(root.querySelector('.events'), error),
  );
}
