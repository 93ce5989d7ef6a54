import { execFileSync } from 'node:child_process';

export interface HistorySource {
  /** host:port of the Temporal frontend the workflow ran on (the time-skipping server works too). */
  address: string;
  namespace: string;
  workflowId: string;
}

/**
 * A workflow's history in Temporal's standard JSON, as replay tests read it. It is fetched with the Temporal
 * CLI because the SDK's own history-to-JSON conversion fails with the protobuf JSON serializer npm resolves.
 */
export function fetchWorkflowHistoryJson(source: HistorySource): string {
  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: export it from `bash deploy/local/engines.sh paths`');
  return execFileSync(
    cli,
    [
      'workflow',
      'show',
      '--address',
      source.address,
      '--namespace',
      source.namespace,
      '--workflow-id',
      source.workflowId,
      '--output',
      'json',
    ],
    { encoding: 'utf8' },
  );
}

/** The parts of a history event (as `WorkflowHandle.fetchHistory()` gives them) that say which activity failed. */
interface ActivityEventFields {
  eventId?: unknown;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null } | null;
  activityTaskFailedEventAttributes?: { scheduledEventId?: unknown } | null;
}

/** How many times a workflow's history records the activity as failed: what the workflow acts on next. */
export function activityFailuresIn(events: readonly ActivityEventFields[], activity: string): number {
  const scheduled = new Map<string, string | null | undefined>();
  let failed = 0;
  for (const event of events) {
    const attributes = event.activityTaskScheduledEventAttributes;
    if (attributes) scheduled.set(String(event.eventId), attributes.activityType?.name);
    const failure = event.activityTaskFailedEventAttributes;
    if (failure && scheduled.get(String(failure.scheduledEventId)) === activity) failed += 1;
  }
  return failed;
}
