// Whether the work a run left behind is done: every consumer group has read every event (oneseal_consumer_lag) and
// every outbox is published (oneseal_outbox_pending), summed over the services' /metrics. The bench reads the
// processes' CPU only then, so a service that lags (the audit record, the applicants' messages) is counted in full.
const SERIES = ['oneseal_consumer_lag', 'oneseal_outbox_pending'];

async function backlogOf(url) {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
  let backlog = 0;
  for (const line of text.split('\n')) {
    if (SERIES.some((name) => line.startsWith(`${name}{`) || line.startsWith(`${name} `)))
      backlog += Number(line.trim().split(/\s+/).at(-1)) || 0;
  }
  return backlog;
}

/**
 * Seconds until nothing is left to consume or publish across `names` (services; one not answering counts as done),
 * or undefined if something still was after `timeoutMs` (then the CPU read afterwards misses the rest).
 */
export async function caughtUp(names, url, { timeoutMs = 120_000, everyMs = 1000 } = {}) {
  const began = performance.now();
  while (performance.now() - began < timeoutMs) {
    const backlogs = await Promise.all(names.map((name) => backlogOf(url(name)).catch(() => 0)));
    if (backlogs.every((backlog) => backlog === 0)) return (performance.now() - began) / 1000;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return undefined;
}
