// Whether the work a run left behind is done: every consumer group has read every event (oneseal_consumer_lag) and
// every outbox is published (oneseal_outbox_pending), summed over the services' /metrics. The bench reads the
// processes' CPU only then, so a service that lags (the audit record, the applicants' messages) is counted in full.
const SERIES = ['oneseal_consumer_lag', 'oneseal_outbox_pending'];

/** What a service has left to consume or publish, and in how many series it said so. */
async function backlogOf(url) {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
  let backlog = 0;
  let series = 0;
  for (const line of text.split('\n')) {
    if (!SERIES.some((name) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))) continue;
    backlog += Number(line.trim().split(/\s+/).at(-1)) || 0;
    series += 1;
  }
  return { backlog, series };
}

/**
 * The services (of `names`) that report a backlog: asked before a run, so that one whose series are missing after it
 * (its Kafka admin failed, it stopped answering) is not taken for one that has nothing to report.
 */
export async function backlogSources(names, url) {
  const reports = await Promise.all(
    names.map((name) => backlogOf(url(name)).catch(() => ({ backlog: 0, series: 0 }))),
  );
  return names.filter((_, index) => reports[index].series > 0);
}

/**
 * Seconds until nothing is left to consume or publish at `sources` (from backlogSources), or undefined if something
 * still was, or a source did not say, after `timeoutMs` (then the CPU read afterwards misses the rest).
 */
export async function caughtUp(sources, url, { timeoutMs = 120_000, everyMs = 1000 } = {}) {
  const began = performance.now();
  while (performance.now() - began < timeoutMs) {
    const reports = await Promise.all(
      sources.map((name) => backlogOf(url(name)).catch(() => ({ backlog: Infinity, series: 0 }))),
    );
    if (reports.every(({ backlog, series }) => series > 0 && backlog === 0))
      return (performance.now() - began) / 1000;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return undefined;
}
