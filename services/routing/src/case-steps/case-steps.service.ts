import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReviewTaskOpenedV1, StepDecidedV1 } from '@oneseal/contracts';
import { PermanentFailure } from '@oneseal/kafka';
import { DataSource } from 'typeorm';

const UNKNOWN_CASE_GRACE_MS = 10 * 60_000;

/**
 * Keeps the case read model's step in line with the approval service's tasks: the step a case waits at, where and
 * until when, and every unit it has reached. Events of one case come in order on each topic but not across the two,
 * so each change says which task it is about: a late 'decided' never clears a newer open step, an old 'opened'
 * never replaces a newer one. Both are idempotent, so no processed-event record is needed.
 */
@Injectable()
export class CaseStepsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The case's first task can be announced before routing has committed the case itself (it starts the workflow
   * first): such an event is retried until the case is there. One about a case routing never knew after ten minutes
   * can never apply and is dead-lettered instead of blocking its partition.
   */
  private async assertRouted(caseId: string, at: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM routing.routed_cases WHERE case_id = $1`, [
      caseId,
    ])) as unknown[];
    if (rows.length > 0) return;
    if (Date.now() - Date.parse(at) > UNKNOWN_CASE_GRACE_MS)
      throw new PermanentFailure(`case ${caseId} was never routed here`);
    throw new Error(`case ${caseId} is not routed yet; retrying`);
  }

  async opened(task: ReviewTaskOpenedV1): Promise<void> {
    await this.assertRouted(task.caseId, task.openedAt);
    await this.dataSource.query(
      `UPDATE routing.routed_cases
          SET current_task_id = CASE WHEN current_step_opened_at IS NULL OR current_step_opened_at <= $3
                                     THEN $2::uuid ELSE current_task_id END,
              current_step = CASE WHEN current_step_opened_at IS NULL OR current_step_opened_at <= $3
                                  THEN $4 ELSE current_step END,
              current_unit = CASE WHEN current_step_opened_at IS NULL OR current_step_opened_at <= $3
                                  THEN $5 ELSE current_unit END,
              current_step_due_date = CASE WHEN current_step_opened_at IS NULL OR current_step_opened_at <= $3
                                           THEN $6::date ELSE current_step_due_date END,
              current_step_opened_at = GREATEST(current_step_opened_at, $3),
              reached_units = CASE WHEN $5 = ANY(reached_units) THEN reached_units ELSE reached_units || $5 END,
              updated_at = now()
        WHERE case_id = $1`,
      [task.caseId, task.taskId, task.openedAt, task.stepName, task.unitCode, task.dueDate ?? null],
    );
  }

  async decided(step: StepDecidedV1): Promise<void> {
    await this.assertRouted(step.caseId, step.endedAt);
    await this.dataSource.query(
      `UPDATE routing.routed_cases
          SET current_task_id = NULL, current_step = NULL, current_unit = NULL, current_step_due_date = NULL,
              updated_at = now()
        WHERE case_id = $1 AND current_task_id = $2`,
      [step.caseId, step.taskId],
    );
  }
}
