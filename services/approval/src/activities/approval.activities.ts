import { randomUUID } from 'node:crypto';
import {
  reviewTaskOpenedV1,
  type ApprovalActivities,
  type OpenReviewTaskInput,
  type OpenedReviewTask,
} from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import { APPROVAL_SCHEMA } from '../config/approval.env';
import { ReviewTask } from '../tasks/review-task.entity';

/**
 * The approval service's activities, over its own database. Temporal retries activities, so each one is
 * idempotent: a case has at most one task per step, and only the attempt that created it announces it.
 */
export function createApprovalActivities(dataSource: DataSource): ApprovalActivities {
  return {
    async openReviewTask(input: OpenReviewTaskInput): Promise<OpenedReviewTask> {
      return dataSource.transaction(async (manager) => {
        const task: ReviewTask = {
          id: randomUUID(),
          caseId: input.caseId,
          county: input.county,
          town: input.town,
          stepName: input.stepName,
          level: input.level,
          unitCode: input.unitCode,
          status: 'open',
          openedAt: new Date(),
        };
        const inserted = (await manager
          .createQueryBuilder()
          .insert()
          .into(ReviewTask)
          .values(task)
          .orIgnore()
          .returning('id')
          .execute()) as { raw: unknown[] };
        if (inserted.raw.length === 0) {
          const existing = await manager.findOneByOrFail(ReviewTask, {
            caseId: input.caseId,
            stepName: input.stepName,
          });
          return { taskId: existing.id, created: false };
        }
        await enqueueEvent(manager, APPROVAL_SCHEMA, reviewTaskOpenedV1, {
          subject: input.caseId,
          county: input.county,
          town: input.town,
          actor: { kind: 'service', id: 'approval' },
          correlationId: input.correlationId,
          payload: {
            caseId: task.caseId,
            taskId: task.id,
            stepName: task.stepName,
            level: task.level,
            unitCode: task.unitCode,
            openedAt: task.openedAt.toISOString(),
          },
        });
        return { taskId: task.id, created: true };
      });
    },
  };
}
