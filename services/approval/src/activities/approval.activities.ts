import {
  personActor,
  reviewTaskOpenedV1,
  stepDecidedV1,
  type ApprovalActivities,
  type CancelReviewTaskInput,
  type CloseReviewTaskInput,
  type HandOverReviewTaskInput,
  type OpenReviewTaskInput,
  type OpenedReviewTask,
  type RescheduleReviewTaskInput,
} from '@oneseal/contracts';
import { changeAndEnqueueEvent, isoTimestampOf } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import { APPROVAL_SCHEMA } from '../config/approval.env';

/** The national exchange records a step's action as 通过 / 退回 / 其他. */
const ACTION_OF = {
  approve: '通过',
  return: '退回',
  reject: '其他',
  'request-correction': '其他',
} as const;

/**
 * The approval service's activities, over its own database. Temporal retries activities, so each one is
 * idempotent: one task per visit of a step, and only the attempt that changed something announces it.
 */
export function createApprovalActivities(dataSource: DataSource): ApprovalActivities {
  const activities: ApprovalActivities = {
    async openReviewTask(input: OpenReviewTaskInput): Promise<OpenedReviewTask> {
      const openedAt = new Date();
      // The task and its announcement in one statement; a retried attempt finds the task there and announces nothing.
      const announced = await changeAndEnqueueEvent(
        dataSource,
        APPROVAL_SCHEMA,
        reviewTaskOpenedV1,
        {
          sql: `INSERT INTO approval.review_tasks
                  (id, case_id, receipt_number, matter_name, applicant_name, county, town, step_index, visit, step_name,
                   level, unit_code, status, opened_at, due_date)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $14)
                ON CONFLICT DO NOTHING RETURNING id`,
          params: [
            input.taskId,
            input.caseId,
            input.receiptNumber ?? null,
            input.matterName ?? null,
            input.applicantName ?? null,
            input.county,
            input.town,
            input.stepIndex,
            input.visit,
            input.stepName,
            input.level,
            input.unitCode,
            openedAt,
            input.dueDate ?? null,
          ],
        },
        {
          subject: input.caseId,
          county: input.county,
          town: input.town,
          actor: { kind: 'service', id: 'approval' },
          correlationId: input.correlationId,
          payload: {
            caseId: input.caseId,
            taskId: input.taskId,
            stepName: input.stepName,
            level: input.level,
            unitCode: input.unitCode,
            openedAt: openedAt.toISOString(),
            ...(input.dueDate ? { dueDate: input.dueDate } : {}),
            ...(input.receiptNumber ? { receiptNumber: input.receiptNumber } : {}),
            ...(input.matterName ? { matterName: input.matterName } : {}),
          },
        },
      );
      return { created: announced !== undefined };
    },

    async closeReviewTask(input: CloseReviewTaskInput): Promise<void> {
      // The decision and its step-decided event in one statement: the step's name, level, unit and times come from
      // the task's row. A task closed already (a retried attempt) changes nothing and announces nothing again.
      await changeAndEnqueueEvent(
        dataSource,
        APPROVAL_SCHEMA,
        stepDecidedV1,
        {
          sql: `UPDATE approval.review_tasks SET status = 'done', outcome = $2, handler_id = $3, opinion = $4,
                       decided_at = coalesce($6::timestamptz, now()), handler_name = $5, claimed_by = NULL,
                       claimed_by_name = NULL, claimed_at = NULL
                 WHERE id = $1 AND status = 'open'
             RETURNING step_name, level, unit_code, opened_at, decided_at`,
          params: [
            input.taskId,
            input.outcome,
            input.handlerId,
            input.opinion,
            input.handlerName ?? null,
            input.decidedAt ?? null,
          ],
        },
        {
          subject: input.caseId,
          county: input.county,
          town: input.town,
          actor: personActor({ id: input.handlerId, name: input.handlerName }),
          correlationId: input.correlationId,
          payload: {
            caseId: input.caseId,
            taskId: input.taskId,
            action: ACTION_OF[input.outcome],
            handlerId: input.handlerId,
            ...(input.handlerName ? { handlerName: input.handlerName } : {}),
            opinion: input.opinion,
          },
        },
        {
          stepName: 'change.step_name',
          level: 'change.level',
          unitCode: 'change.unit_code',
          startedAt: isoTimestampOf('opened_at'),
          endedAt: isoTimestampOf('decided_at'),
        },
      );
    },

    async handOverReviewTask(input: HandOverReviewTaskInput): Promise<OpenedReviewTask> {
      // The decided task is closed before the next one opens, so their events keep the order the case took them in;
      // a retried attempt finds the first closed (and perhaps the second open) and changes nothing twice.
      await activities.closeReviewTask(input.close);
      return activities.openReviewTask(input.open);
    },

    async cancelReviewTask(input: CancelReviewTaskInput): Promise<void> {
      await dataSource.query(
        `UPDATE approval.review_tasks SET status = 'cancelled', cancel_reason = $2, claimed_by = NULL, claimed_by_name = NULL,
                claimed_at = NULL
          WHERE id = $1 AND status = 'open'`,
        [input.taskId, input.reason],
      );
    },

    async rescheduleReviewTask(input: RescheduleReviewTaskInput): Promise<void> {
      // The case announces the move itself (deadline-recalculated); the inbox only needs the new date.
      await dataSource.query(
        `UPDATE approval.review_tasks SET due_date = $2 WHERE id = $1 AND status = 'open'`,
        [input.taskId, input.dueDate],
      );
    },
  };
  return activities;
}
