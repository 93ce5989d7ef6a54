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
