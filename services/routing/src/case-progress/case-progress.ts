import type { CaseMilestone } from '@oneseal/contracts';

const SEVERITY_RANK = { yellow: 1, red: 2, statutory: 3 } as const;

/** What a milestone sets on the case's row: `sets` with $1 the case id and `values` from $2 on. */
export interface CaseChange {
  sets: string;
  values: unknown[];
}

/**
 * How the supervision read model (routing.routed_cases) follows a milestone. Written in the statement that records
 * the milestone's event, so the read model and the published events never disagree.
 */
export function milestoneChange(milestone: CaseMilestone): CaseChange {
  const update = (sets: string, values: unknown[]): CaseChange => ({ sets, values });
  switch (milestone.kind) {
    case 'accepted':
      return update(
        `stage = 'in-progress', receipt_number = $2, accepted_at = $3, committed_due_date = $4, due_date_provisional = $5`,
        [milestone.receiptNumber, milestone.at, milestone.committedDueDate, milestone.provisional],
      );
    case 'correction-requested':
      return update(`stage = 'awaiting-correction'`, []);
    case 'correction-supplied':
      return update(
        `stage = CASE WHEN accepted_at IS NULL THEN 'routed' ELSE 'in-progress' END,
         committed_due_date = COALESCE($2, committed_due_date), due_date_provisional = $3, warning = NULL`,
        [milestone.committedDueDate ?? null, milestone.provisional],
      );
    case 'suspended':
      return update(`stage = 'suspended'`, []);
    case 'resumed':
    case 'extended':
      return update(
        `stage = 'in-progress', committed_due_date = $2, due_date_provisional = $3, warning = NULL`,
        [milestone.committedDueDate, milestone.provisional],
      );
    case 'rescheduled':
      // Before 受理 only the step's date moves: the case has no committed date yet.
      return update(
        `committed_due_date = COALESCE($2, committed_due_date), due_date_provisional = $3,
         current_step_due_date = CASE WHEN current_task_id = $4 THEN $5::date ELSE current_step_due_date END`,
        [
          milestone.committedDueDate ?? null,
          milestone.provisional,
          milestone.stepTaskId ?? null,
          milestone.stepDueDate ?? null,
        ],
      );
    case 'warning':
      // The worst warning still standing on the case; a step warning counts too (a late village is visible).
      return update(
        `warning = CASE WHEN warning IS NULL OR
           (CASE warning WHEN 'yellow' THEN 1 WHEN 'red' THEN 2 ELSE 3 END) < $2 THEN $3 ELSE warning END`,
        [SEVERITY_RANK[milestone.severity], milestone.severity],
      );
    case 'refused':
      return update(`stage = 'refused'`, []);
    case 'concluded':
      return update(`stage = 'concluded', result = $2, on_time = $3, concluded_at = $4`, [
        milestone.result,
        milestone.onTime,
        milestone.at,
      ]);
    case 'delivered':
      return update(`stage = 'delivered'`, []);
    case 'stalled':
      return update(`stalled_since = $2, stalled_activity = $3, stalled_message = $4`, [
        milestone.at,
        milestone.activity,
        milestone.message,
      ]);
    case 'unstalled':
      return update(`stalled_since = NULL, stalled_activity = NULL, stalled_message = NULL`, []);
  }
}
