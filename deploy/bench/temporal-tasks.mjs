// What the cases asked of Temporal, from the server's own request counters (its /metrics, TEMPORAL_METRICS_URL):
// workflow tasks completed, activity tasks completed, updates and starts. Unlike CPU seconds on a shared machine,
// these are counts: a change to the workflow shows in them exactly, however busy the machine was.

import { whyNotCounted } from './sql-statements.mjs';

const EAGER_STARTS = 'eager case starts';

/** The frontend's request counts by operation, or a reason they cannot be read. */
export async function temporalRequests(metricsUrl) {
  if (!metricsUrl) return 'no TEMPORAL_METRICS_URL';
  try {
    const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) })).text();
    const counts = new Map();
    for (const line of text.split('\n')) {
      // A case workflow the server handed its first workflow task with the start (routing's requestEagerStart).
      if (
        line.startsWith('workflow_eager_execution{') &&
        line.includes('workflowType="caseHandlingWorkflow"')
      ) {
        counts.set(EAGER_STARTS, (counts.get(EAGER_STARTS) ?? 0) + Number(line.trim().split(/\s+/).at(-1)));
        continue;
      }
      if (!line.startsWith('service_requests{') || !line.includes('service_name="frontend"')) continue;
      const operation = /operation="([^"]+)"/.exec(line)?.[1];
      if (operation)
        counts.set(operation, (counts.get(operation) ?? 0) + Number(line.trim().split(/\s+/).at(-1)));
    }
    return counts;
  } catch (error) {
    return String(error.message);
  }
}

const COUNTED = [
  ['workflow tasks', 'RespondWorkflowTaskCompleted'],
  ['activity tasks', 'RespondActivityTaskCompleted'],
  ['activity retries', 'RespondActivityTaskFailed'],
  ['updates', 'UpdateWorkflowExecution'],
  ['starts', 'StartWorkflowExecution'],
  ['of them eager', EAGER_STARTS],
];

/** Temporal requests per complete lifecycle, in one line. */
export function printTemporalRequests(before, after, done) {
  if (done === 0) return;
  const notCounted = whyNotCounted(before, after);
  if (notCounted) {
    console.log(`\nTemporal tasks per lifecycle: not counted: ${notCounted}`);
    return;
  }
  const per = COUNTED.map(
    ([name, operation]) =>
      `${name} ${(((after.get(operation) ?? 0) - (before.get(operation) ?? 0)) / done).toFixed(1)}`,
  );
  console.log(`\nTemporal per lifecycle (the server's counters): ${per.join(', ')}`);
}
