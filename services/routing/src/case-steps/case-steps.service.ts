import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReviewTaskOpenedV1, StepDecidedV1 } from '@oneseal/contracts';
import { PermanentFailure } from '@oneseal/kafka';
import { DataSource } from 'typeorm';

const UNKNOWN_CASE_GRACE_MS = 10 * 60_000;

/**
 * Routing takes four partitions at once, so a case's first task may be announced while the same process is still
 * recording the case it has just started (tens of milliseconds). Waiting for it here spares the consumer the
 * redelivery, whose backoff holds every partition it reads (at least 300 ms).
 */
const ROUTING_UNDER_WAY_RETRIES = 5;
const ROUTING_UNDER_WAY_PAUSE_MS = 100;

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
  private unknownCase(caseId: string, at: string): never {
    if (Date.now() - Date.parse(at) > UNKNOWN_CASE_GRACE_MS)
      throw new PermanentFailure(`case ${caseId} was never routed here`);
    throw new Error(`case ${caseId} is not routed yet; retrying`);
  }

  /** Runs an UPDATE of the case's row; none updated means routing has not committed the case (yet). */
  private async updateRouted(caseId: string, at: string, sql: string, params: unknown[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const [, updated] = (await this.dataSource.query(sql, params)) as [unknown, number];
      if (updated > 0) return;
      if (attempt >= ROUTING_UNDER_WAY_RETRIES) this.unknownCase(caseId, at);
      await new Promise((resolve) => setTimeout(resolve, ROUTING_UNDER_WAY_PAUSE_MS));
    }
  }

  async opened(task: ReviewTaskOpenedV1): Promise<void> {
    // Only a task opened after everything seen so far is the current step: a redelivered or late 'opened' of a task
    // that has since been decided (its 'decided' moved the mark to its opening) changes nothing.
    const fresh = `(current_step_opened_at IS NULL OR current_step_opened_at < $3)`;
    await this.updateRouted(
      task.caseId,
      task.openedAt,
      `UPDATE routing.routed_cases
          SET current_task_id = CASE WHEN ${fresh} THEN $2::uuid ELSE current_task_id END,
              current_step = CASE WHEN ${fresh} THEN $4 ELSE current_step END,
              current_unit = CASE WHEN ${fresh} THEN $5 ELSE current_unit END,
              current_step_due_date = CASE WHEN ${fresh} THEN $6::date ELSE current_step_due_date END,
              current_step_opened_at = GREATEST(current_step_opened_at, $3),
              reached_units = CASE WHEN $5 = ANY(reached_units) THEN reached_units ELSE reached_units || $5 END,
              updated_at = now()
        WHERE case_id = $1`,
      [task.caseId, task.taskId, task.openedAt, task.stepName, task.unitCode, task.dueDate ?? null],
    );
  }

  async decided(step: StepDecidedV1): Promise<void> {
    // The decided task, or any older one still shown (its own 'decided' not here yet), no longer waits. The mark
    // moves to the decided task's opening, so its 'opened' arriving after this is recognised as old.
    const superseded = `(current_task_id = $2 OR current_step_opened_at IS NULL OR current_step_opened_at < $3)`;
    await this.updateRouted(
      step.caseId,
      step.endedAt,
      `UPDATE routing.routed_cases
          SET current_task_id = CASE WHEN ${superseded} THEN NULL ELSE current_task_id END,
              current_step = CASE WHEN ${superseded} THEN NULL ELSE current_step END,
              current_unit = CASE WHEN ${superseded} THEN NULL ELSE current_unit END,
              current_step_due_date = CASE WHEN ${superseded} THEN NULL ELSE current_step_due_date END,
              current_step_opened_at = GREATEST(current_step_opened_at, $3),
              updated_at = now()
        WHERE case_id = $1`,
      [step.caseId, step.taskId, step.startedAt],
    );
  }
}
