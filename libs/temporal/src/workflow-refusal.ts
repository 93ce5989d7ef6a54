import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

/** How Temporal answered an update a workflow would not take. */
export type WorkflowRefusal =
  /** The workflow's validator refused it: its ApplicationFailure type and the workflow's own explanation. */
  | { kind: 'refused'; type: string; message: string }
  /** No such workflow, or (for an update) one that has finished. */
  | { kind: 'no-such-workflow' }
  /** The update failed without a typed refusal (a finished workflow refuses every update this way too). */
  | { kind: 'update-failed' };

/** The refusal an error from an update (or query) stands for, or undefined when it is another failure. */
export function workflowRefusalOf(error: unknown): WorkflowRefusal | undefined {
  if (error instanceof WorkflowNotFoundError) return { kind: 'no-such-workflow' };
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type)
      return { kind: 'refused', type: cause.type, message: cause.message };
    return { kind: 'update-failed' };
  }
  return undefined;
}
