// What people read while cases flow, measured against whatever history the database holds (`npm run history`
// loads a million cases): the supervisor's and the window's queries (p50/p95 over repeated calls), the auditor's
// replay of whole case streams (events per second) and the verification of a town's chains (events per second).
// Part of `npm run bench`; asserts nothing.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const COUNTY = '140525';
const TOWN = '140525100'; // 南村镇, where the bench's own cases are filed
const REPEAT = 20;

/** A kept-alive connection the service closed while idle fails once (TypeError); a second try opens a new one. */
const fetchAgainOnce = (target, init) =>
  fetch(target, init).catch((error) =>
    error.name === 'TypeError' ? fetch(target, init) : Promise.reject(error),
  );

async function loggedIn(baseUrl, loginName, password) {
  const response = await fetchAgainOnce(`${baseUrl('identity')}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName, password }),
  });
  if (!response.ok) throw new Error(`login ${loginName} → ${response.status}`);
  const { token } = await response.json();
  return async (target, timeoutMs = 30_000) => {
    const get = () =>
      fetch(target, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
    // A kept-alive connection the service closed while idle fails once; a second try opens a new one.
    const answer = await get().catch((error) => (error.name === 'TypeError' ? get() : Promise.reject(error)));
    const text = await answer.text();
    if (!answer.ok) throw new Error(`GET ${target} → ${answer.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(get, target) {
  for (let warm = 0; warm < 2; warm += 1) await get(target);
  const samples = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const began = performance.now();
    await get(target);
    samples.push(performance.now() - began);
  }
  return samples.sort((a, b) => a - b);
}

/** How much the database holds, so two bench runs can be compared (an empty system and one with history). */
export async function databaseSize(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM routing.routed_cases)::bigint AS cases,
             (SELECT reltuples FROM pg_class WHERE oid = 'audit.events'::regclass)::bigint AS events,
             pg_database_size(current_database()) AS bytes`);
    // reltuples is -1 until the table was first analysed.
    return {
      cases: Number(rows[0].cases),
      events: Math.max(0, Number(rows[0].events)),
      bytes: Number(rows[0].bytes),
    };
  } finally {
    await client.end();
  }
}

async function sampleStreams(databaseUrl, count) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT case_id AS id FROM routing.routed_cases TABLESAMPLE SYSTEM (5)
        WHERE county = $1 AND concluded_at IS NOT NULL LIMIT $2`,
      [COUNTY, count],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

export async function measureReads({ baseUrl, password, databaseUrl }) {
  const supervisor = await loggedIn(baseUrl, 'zz-supervisor', password);
  const window = await loggedIn(baseUrl, 'zz-town-window', password);
  const auditor = await loggedIn(baseUrl, 'zz-auditor', password);
  const routing = baseUrl('routing');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 7);
  const someReceipt = (await supervisor(`${routing}/supervision/cases?county=${COUNTY}&stage=concluded`))
    .items?.[0]?.receiptNumber;

  const queries = [
    ['各乡镇汇总 (supervision summary)', supervisor, `${routing}/supervision/summary?county=${COUNTY}`],
    [
      '本月期间报告 (period report)',
      supervisor,
      `${routing}/supervision/report?county=${COUNTY}&from=${today.slice(0, 8)}01&to=${today}`,
    ],
    [
      '一年前月报 (a past month)',
      supervisor,
      `${routing}/supervision/report?county=${COUNTY}&from=${yearAgo}-01&to=${yearAgo}-28`,
    ],
    ['红牌超期件 (overdue, red)', supervisor, `${routing}/supervision/cases?county=${COUNTY}&warning=red`],
    ['办件监察列表 (all cases, page 1)', supervisor, `${routing}/supervision/cases?county=${COUNTY}`],
    ['在办件按事项 (open by matter)', supervisor, `${routing}/supervision/matters?county=${COUNTY}`],
    ['好差评 (ratings, 差评 first)', supervisor, `${routing}/supervision/ratings?county=${COUNTY}`],
    [
      '在办待办按单位 (open tasks)',
      supervisor,
      `${baseUrl('approval')}/supervision/open-tasks?county=${COUNTY}`,
    ],
    [
      '人员办理情况 (people, this month)',
      supervisor,
      `${baseUrl('approval')}/supervision/people?county=${COUNTY}&from=${today.slice(0, 8)}01&to=${today}`,
    ],
    ["窗口我的待办 (the window's open tasks)", window, `${baseUrl('approval')}/tasks/inbox?pageSize=20`],
    // Every message the desk ever had is counted, and its unread ones for this person.
    [
      "窗口单位消息 (the window's messages)",
      window,
      `${baseUrl('notification')}/notifications/inbox?pageSize=50`,
    ],
    ...(someReceipt
      ? [['窗口按办件编号查找 (find by receipt)', window, `${routing}/cases?q=${someReceipt}`]]
      : []),
    ['窗口已送达列表 (delivered, latest first)', window, `${routing}/cases?stage=delivered&pageSize=200`],
    [
      '窗口按提交日期 (this month, delivered)',
      window,
      `${routing}/cases?stage=delivered&from=${today.slice(0, 8)}01&to=${today}&pageSize=200`,
    ],
    ['窗口按姓名查找 (find by name)', window, `${routing}/cases?q=${encodeURIComponent('王')}`],
    ['窗口按名字查找 (find by given name)', window, `${routing}/cases?q=${encodeURIComponent('秀英')}`],
    [
      '监察按姓名查找 (whole county, by name)',
      supervisor,
      `${routing}/supervision/cases?county=${COUNTY}&q=${encodeURIComponent('王')}`,
    ],
    [
      // A person's whole name: few matches, found through the name index (a rare name had read the county's history).
      '监察按全名查找 (whole county, full name)',
      supervisor,
      `${routing}/supervision/cases?county=${COUNTY}&q=${encodeURIComponent('王秀英')}`,
    ],
  ];
  console.log(`\nqueries, ${REPEAT} calls each (target p95 < 50 ms):`);
  for (const [name, get, target] of queries) {
    try {
      const samples = await timed(get, target);
      const p50 = percentile(samples, 50);
      const p95 = percentile(samples, 95);
      console.log(
        `  ${name.padEnd(34)} p50 ${p50.toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms${p95 > 50 ? '  ← over 50 ms' : ''}`,
      );
    } catch (error) {
      console.log(`  ${name.padEnd(34)} failed: ${error.message.split('\n')[0]}`);
    }
  }

  // Replay: whole streams as the auditor opens them, four at a time.
  const streams = await sampleStreams(databaseUrl, 400);
  if (streams.length > 0) {
    let events = 0;
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < streams.length) {
          const id = streams[next++];
          const replayed = await auditor(`${baseUrl('audit')}/audit/streams/${id}/events`);
          events += Array.isArray(replayed) ? replayed.length : (replayed.events?.length ?? 0);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `\naudit replay (cases)  ${events} events of ${streams.length} cases, each case on its own, 4 at a time, in ${seconds.toFixed(1)} s = ${(events / seconds).toFixed(0)} events per second`,
    );
  }

  // Replay of the record: a town's events in the order they were recorded, page after page, as the auditor's
  // 审计 screen reads them (up to 100,000).
  {
    // The last 365 days: the longest period the auditor's screen replays at once.
    const from = new Date(Date.now() + 8 * 3_600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
    let after = 0;
    let events = 0;
    const began = performance.now();
    while (events < 100_000) {
      const page = await auditor(
        `${baseUrl('audit')}/audit/events?county=${COUNTY}&town=${TOWN}&from=${from}&to=${today}&after=${after}&limit=500`,
      );
      const items = Array.isArray(page) ? page : (page.events ?? page.items ?? []);
      if (items.length === 0) break;
      events += items.length;
      after = Number(items.at(-1).seq);
    }
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `audit replay (town)   ${events} events of 南村镇 in order, 500 a page, in ${seconds.toFixed(1)} s = ${(events / seconds).toFixed(0)} events per second (target ≥ 20,000)`,
    );
  }

  // Verification: every chain of the bench's town, in one call.
  const began = performance.now();
  const verdict = await auditor(
    `${baseUrl('audit')}/audit/verification?county=${COUNTY}&town=${TOWN}`,
    900_000,
  );
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `chain verification    ${verdict.events} events of ${verdict.streams} cases (南村镇) in ${seconds.toFixed(1)} s = ${(verdict.events / seconds).toFixed(0)} events per second (target ≥ 50,000)${verdict.intact ? '' : `; ${verdict.brokenStreams} chains BROKEN`}`,
  );
}
