// Drives one case of 婚姻生育情况证明 (ZZ-T-007, a town-only matter: 受理, 审核, 决定, 用印 at the town; electronic
// delivery, so the lifecycle ends without a person at the window) through OneSeal's HTTP APIs, as the demo
// clerks of 南村镇 would. Shared by the bench (which measures it) and the chaos run (which keeps driving while
// services and engines are killed under it).
import { randomInt, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../local/local-system.mjs';

const { residentIdCheckCharacter } = createRequire(import.meta.url)(join(root, 'libs/domain/dist'));

export const MATTER = 'ZZ-T-007';
export const STEPS_OF_MATTER = 5; // 受理, 审核, 决定, 用印, 送达

// The demo accounts of 南村镇 whose roles take the matter's steps (services/identity seeds them).
const WINDOW = 'zz-town-window';
const LOGIN_OF_STEP = { 受理: WINDOW, 审核: 'zz-town-reviewer', 决定: 'zz-town-leader', 送达: WINDOW };

export class HttpError extends Error {
  constructor(method, target, status, body) {
    super(`${method} ${target} → ${status} ${body.slice(0, 300)}`);
    this.status = status;
    this.code = /"code"\s*:\s*"([^"]+)"/.exec(body)?.[1];
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A clerk's inbox is read again as soon as the approval service announces a change to it (待办变动, as the console's
 * 我的待办 does), and every DESK_LOOK_MS in case an announcement was missed; the window looks at the cases delivered
 * every ENDED_LOOK_MS.
 */
const DESK_LOOK_MS = 1000;
const ENDED_LOOK_MS = 250;

/**
 * This run's mark in its applicants' names: the clerks look for their own run's tasks (我的待办 searched by name), so
 * cases a stopped run left open never crowd them out.
 */
const RUN = `b${randomUUID().slice(0, 5)}`;
/** The name an application of this run is filed under. */
export const markedName = (applicantName) => `${applicantName}（${RUN}）`;

/** A Chinese resident ID number (GB 11643) of 泽州县 with a valid check digit. */
export function residentId() {
  const first17 = `14052519${String(randomInt(50, 99))}0615${String(randomInt(1, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/**
 * @param {object} options
 * @param {(service: string) => string} options.baseUrl  where each service's API answers
 * @param {string} options.password                      the demo accounts' password
 * @param {number} [options.patienceMs]                  0: a failed call fails the case (bench); otherwise how long
 *   a call is retried while a service or engine is down, as a clerk would press again (chaos)
 */
export function createCaseDriver({ baseUrl, password, patienceMs = 0 }) {
  const authorization = new Map();

  async function callOnce(method, target, body, headers, as) {
    const response = await fetch(target, {
      method,
      headers: { 'content-type': 'application/json', ...authorization.get(as), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new HttpError(method, target, response.status, text);
    return text ? JSON.parse(text) : undefined;
  }

  /** Unavailable (refused, reset, 5xx, 429): worth another try once the service is back; a 4xx answer is not. */
  const transient = (error) => !(error instanceof HttpError) || error.status >= 500 || error.status === 429;

  async function call(method, target, body, headers = {}, as = WINDOW) {
    const giveUpAt = Date.now() + patienceMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await callOnce(method, target, body, headers, as);
      } catch (error) {
        if (!transient(error) || Date.now() > giveUpAt) throw error;
        await pause(Math.min(2000, 100 * attempt));
      }
    }
  }

  /** Logs every account the lifecycle needs (and others asked for) in once, as each clerk would at the start of the day. */
  async function logIn(others = []) {
    for (const loginName of new Set([...Object.values(LOGIN_OF_STEP), ...others])) {
      const { token } = await call('POST', `${baseUrl('identity')}/auth/login`, { loginName, password });
      authorization.set(loginName, { authorization: `Bearer ${token}` });
    }
  }

  /** Submits the application; resolves once intake has acknowledged it (its answer carries the case ID). */
  async function submit(applicantName) {
    return call(
      'POST',
      `${baseUrl('intake')}/applications`,
      {
        county: '140525',
        town: '140525100',
        matterCode: MATTER,
        channel: 'town-window',
        applicantName: markedName(applicantName),
        applicantIdNumber: residentId(),
        applicantPhone: `139${String(randomInt(0, 99_999_999)).padStart(8, '0')}`,
        materials: [
          { name: '申请人有效身份证件', originals: 1, copies: 1 },
          { name: '申请表', originals: 1, copies: 0 },
        ],
        deliveryMethod: 'electronic',
        // The matter's 申请表 (seeds/forms): what the certificate is for.
        formData: { certPurpose: '办理收养登记', maritalStatus: '初婚' },
      },
      // One key for every retry of this submission: a retried request is the same application.
      { 'Idempotency-Key': randomUUID() },
    );
  }

  // ---- the clerks' desks ----------------------------------------------------------------------------------
  // Each clerk keeps their own inbox open (我的待办) and reads it again when told of a change, as the console does
  // for a person at work; the window also keeps the list of cases delivered, latest first, to see which cases ended.
  // The number of requests follows the number of changes and clerks, not the number of cases in flight.
  const waiting = new Map(); // caseId → { decided: Set<taskId>, offer(task), end(), fail(error) }
  // Each look runs while some case waits, and starts again when one waits after it stopped. Its check of the
  // waiting cases and its stopping happen in one turn of the event loop, so no case can slip in between.
  const looking = new Set();
  function keepLooking(name, look, { everyMs, changesOf }) {
    if (looking.has(name)) return;
    looking.add(name);
    let woken = false;
    let wakeUp = () => {};
    const wake = () => {
      woken = true;
      wakeUp();
    };
    const stopListening = changesOf ? listen(changesOf, wake) : () => {};
    void (async () => {
      try {
        while (waiting.size > 0) {
          woken = false;
          try {
            await look();
          } catch (error) {
            if (patienceMs === 0) for (const waiter of waiting.values()) waiter.fail(error);
          }
          // A change announced while looking may not be in what was read: look again at once.
          if (!woken)
            await new Promise((resolve) => {
              wakeUp = resolve;
              setTimeout(resolve, everyMs);
            });
        }
      } finally {
        looking.delete(name);
        stopListening();
      }
    })();
  }

  /** Calls `changed` whenever the approval service announces a change to the person's inbox; reconnects until stopped. */
  function listen(login, changed) {
    const stop = new AbortController();
    void (async () => {
      while (!stop.signal.aborted) {
        try {
          const response = await fetch(`${baseUrl('approval')}/tasks/inbox/changes`, {
            headers: { accept: 'text/event-stream', ...authorization.get(login) },
            signal: stop.signal,
          });
          if (!response.ok)
            throw new HttpError('GET', 'inbox changes', response.status, await response.text());
          const decoder = new TextDecoder();
          let pending = '';
          for await (const chunk of response.body) {
            pending += decoder.decode(chunk, { stream: true });
            const blocks = pending.split('\n\n');
            pending = blocks.pop() ?? '';
            // Any event but the keep-alive one (ready, task, look-again) means: read the inbox now.
            const types = blocks.map((block) => /^event: *(.*)$/m.exec(block)?.[1]);
            if (types.some((type) => type && type !== 'ping')) changed();
          }
        } catch {
          // Stopped, or the service went away (chaos): the regular look covers the gap until it is back.
        }
        if (!stop.signal.aborted) await pause(200);
      }
    })();
    return () => stop.abort();
  }
  function openDesks() {
    for (const login of new Set(Object.values(LOGIN_OF_STEP)))
      keepLooking(
        login,
        async () => {
          const inbox = await call(
            'GET',
            `${baseUrl('approval')}/tasks/inbox?pageSize=200&q=${RUN}`,
            undefined,
            {},
            login,
          );
          for (const task of inbox.items ?? []) {
            const waiter = waiting.get(task.caseId);
            if (waiter && task.status === 'open' && !waiter.decided.has(task.id)) waiter.offer(task);
          }
        },
        { everyMs: DESK_LOOK_MS, changesOf: login },
      );
    // Routing's read model, as the window's case list shows it: asking each case's workflow would cost a Temporal
    // query (and a replay of its history once it has closed) per case and look.
    keepLooking(
      'delivered',
      async () => {
        // The latest delivered first, as the window's list shows them: read from the newest-first index as far as
        // the page goes, and counted only up to routing's cap (a look at cases filed since yesterday read every one
        // of them: on an idle machine 23 ms a look once a day's runs had delivered six thousand in the town).
        const ended = await call('GET', `${baseUrl('routing')}/cases?stage=delivered&pageSize=200`);
        for (const item of ended.items ?? []) waiting.get(item.caseId)?.end();
      },
      { everyMs: ENDED_LOOK_MS },
    );
  }

  /** The case's next task as a clerk's inbox shows it, or 'done' once routing lists the case as delivered. */
  function nextOf(caseId, decided, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => settle(() => reject(new Error(`timed out waiting for the next task of ${caseId}`))),
        timeoutMs,
      );
      const settle = (finish) => {
        if (waiting.get(caseId)?.decided !== decided) return;
        clearTimeout(timer);
        waiting.delete(caseId);
        finish();
      };
      waiting.set(caseId, {
        decided,
        offer: (task) => settle(() => resolve(task)),
        end: () => settle(() => resolve('done')),
        fail: (error) => settle(() => reject(error)),
      });
      openDesks();
    });
  }

  /** Takes every step of an acknowledged case until routing lists it as delivered. */
  async function handle({ caseId }, timings, timeoutMs) {
    // A decided task stays listed as open until the workflow's activity records it: never decide it twice.
    const decided = new Set();
    let waitingSince = performance.now();
    for (;;) {
      const next = await nextOf(caseId, decided, timeoutMs);
      if (next === 'done') return;
      const visibleAfter = performance.now() - waitingSince;
      timings?.taskVisible.push(visibleAfter);
      timings?.taskVisibleByStep?.[next.stepName]?.push(visibleAfter);
      const handler = LOGIN_OF_STEP[next.stepName];
      if (!handler) throw new Error(`no demo account takes the step ${next.stepName}`);
      const deciding = performance.now();
      try {
        await call(
          'POST',
          `${baseUrl('approval')}/tasks/${next.id}/decision`,
          {
            outcome: 'approve',
            opinion: '同意',
            // Filed for electronic delivery (no 送达 task); a 送达 would record its hand-over.
            ...(next.stepName === '送达'
              ? {
                  delivery: {
                    method: 'pick-up',
                    recipient: '申请人本人',
                    deliveredOn: new Date().toISOString().slice(0, 10),
                  },
                }
              : {}),
          },
          {},
          handler,
        );
        // What the clerk waits for after 通过: the workflow took the decision (a Temporal update) and answered.
        timings?.decision?.push(performance.now() - deciding);
      } catch (error) {
        // A decision whose answer was lost in an outage was taken all the same: it is not taken twice. The
        // clerk is told the task is done, or (once the case has moved on) no longer the current one; either way
        // they look again for what is open now.
        const taken = ['APPROVAL.TASK_ALREADY_DECIDED', 'APPROVAL.TASK_NOT_CURRENT'];
        if (!(error instanceof HttpError && taken.includes(error.code))) throw error;
      }
      decided.add(next.id);
      waitingSince = performance.now();
    }
  }

  return { logIn, submit, handle, call };
}
