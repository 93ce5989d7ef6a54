/**
 * Temporal task queues. Workflow code runs on its own queue; each service's activities run on the queue of
 * the service that owns the data they touch, so a slow or failing service only backs up its own queue.
 */
export const TASK_QUEUES = {
  caseWorkflows: 'oneseal.case-workflows',
  approvalActivities: 'oneseal.approval-activities',
  caseActivities: 'oneseal.case-activities',
  sealActivities: 'oneseal.seal-activities',
} as const;

export type TaskQueueName = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
