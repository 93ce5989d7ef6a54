import type { CaseMilestone } from '@oneseal/contracts';
import type { EntityManager } from 'typeorm';

const SEVERITY_RANK = { yellow: 1, red: 2, statutory: 3 } as const;

/**
 * Keeps the supervision read model (routing.routed_cases) in step with a milestone. Written in the milestone's
 * transaction, so the read model and the published events never disagree.
 */
export async function applyMilestone(manager: EntityManager, milestone: CaseMilestone): Promise<void> {
  const update = (sets: string, values: unknown[]) =>
    manager.query(`UPDATE routing.routed_cases SET ${sets}, updated_at = now() WHERE case_id = $1`, [
      milestone.caseId,
      ...values,
    ]);
  switch (milestone.kind) {
    case 'accepted':
      return void (await update(
        `stage = 'in-progress', receipt_number = $2, accepted_at = $3, committed_due_date = $4, due_date_provisional = $5`,
        [milestone.receiptNumber, milestone.at, milestone.committedDueDate, milestone.provisional],
      ));
    case 'correction-requested':
      return void (await update(`stage = 'awaiting-correction'`, []));
    case 'correction-supplied':
      return void (await update(
        `stage = CASE WHEN accepted_at IS NULL THEN 'routed' ELSE 'in-progress' END,
         committed_due_date = COALESCE($2, committed_due_date), due_date_provisional = $3, warning = NULL`,
        [milestone.committedDueDate ?? null, milestone.provisional],
      ));
    case 'suspended':
      return void (await update(`stage = 'suspended'`, []));
    case 'resumed':
    case 'extended':
      return void (await update(
        `stage = 'in-progress', committed_due_date = $2, due_date_provisional = $3, warning = NULL`,
        [milestone.committedDueDate, milestone.provisional],
      ));
    case 'rescheduled':
      // Before 受理 only the step's date moves: the case has no committed date yet.
      return void (await update(
        `committed_due_date = COALESCE($2, committed_due_date), due_date_provisional = $3,
         current_step_due_date = CASE WHEN current_task_id = $4 THEN $5::date ELSE current_step_due_date END`,
        [
          milestone.committedDueDate ?? null,
          milestone.provisional,
          milestone.stepTaskId ?? null,
          milestone.stepDueDate ?? null,
        ],
      ));
    case 'warning':
      // The worst warning still standing on the case; a step warning counts too (a late village is visible).
      return void (await update(
        `warning = CASE WHEN warning IS NULL OR
           (CASE warning WHEN 'yellow' THEN 1 WHEN 'red' THEN 2 ELSE 3 END) < $2 THEN $3 ELSE warning END`,
        [SEVERITY_RANK[milestone.severity], milestone.severity],
      ));
    case 'refused':
      return void (await update(`stage = 'refused'`, []));
    case 'concluded':
      return void (await update(`stage = 'concluded', result = $2, on_time = $3, concluded_at = $4`, [
        milestone.result,
        milestone.onTime,
        milestone.at,
      ]));
    case 'delivered':
      return void (await update(`stage = 'delivered'`, []));
    case 'stalled':
      return void (await update(`stalled_since = $2, stalled_activity = $3, stalled_message = $4`, [
        milestone.at,
        milestone.activity,
        milestone.message,
      ]));
    case 'unstalled':
      return void (await update(`stalled_since = NULL, stalled_activity = NULL, stalled_message = NULL`, []));
  }
}
