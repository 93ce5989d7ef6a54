import type { CaseActivities, CaseMilestone, ComputedDeadline, DeadlineRequest } from '@oneseal/contracts';
import { processOnceAndEnqueue } from '@oneseal/database';
import { ApplicationFailure } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { currentCalendar } from '../calendar/calendar-years';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { milestoneChange } from './case-progress';
import { milestoneEvent } from './milestone-events';

export const MILESTONE_CONSUMER = 'routing.case-milestones';

/** The routing service's activities for the case workflow: the calendar, and announcing what happened. */
export function createCaseActivities(dataSource: DataSource): CaseActivities {
  return {
    async computeDeadline(request: DeadlineRequest): Promise<ComputedDeadline> {
      const calendar = await currentCalendar(dataSource, request.county);
      const result = calendar.addWorkingDays(
        request.startDate,
        request.workingDays,
        request.stops.map((stop) => ({ ...stop, reason: 'clock stop' })),
      );
      // The workflow only passes closed stops; an open one here is a bug no retry can fix.
      if (result.kind !== 'due') {
        throw ApplicationFailure.nonRetryable(
          `deadline requested over an open clock stop since ${result.since}`,
        );
      }
      return { dueDate: result.date, provisional: result.provisional };
    },

    async announce(milestone: CaseMilestone): Promise<void> {
      const { contract, payload } = milestoneEvent(milestone);
      const { sets, values } = milestoneChange(milestone);
      // A retried activity announces once: the milestone id is recorded with the event and the read model's change,
      // in one statement.
      await processOnceAndEnqueue(
        dataSource,
        ROUTING_SCHEMA,
        MILESTONE_CONSUMER,
        { id: milestone.milestoneId, topic: contract.topic },
        {
          update: `UPDATE routing.routed_cases SET ${sets}, updated_at = now()`,
          where: 'case_id = $1',
          params: [milestone.caseId, ...values],
        },
        contract,
        {
          subject: milestone.caseId,
          county: milestone.county,
          town: milestone.town,
          actor: { kind: 'service', id: 'routing' },
          correlationId: milestone.correlationId,
          payload,
        },
      );
    },
  };
}
