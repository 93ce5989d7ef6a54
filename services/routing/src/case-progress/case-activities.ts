import type { CaseActivities, CaseMilestone, ComputedDeadline, DeadlineRequest } from '@oneseal/contracts';
import { enqueueEvent, processOnce } from '@oneseal/database';
import { ApplicationFailure } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { currentCalendar } from '../calendar/calendar-years';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { applyMilestone } from './case-progress';
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
      // A retried activity announces once: the milestone id is recorded with the event, in one transaction.
      await processOnce(
        dataSource,
        ROUTING_SCHEMA,
        MILESTONE_CONSUMER,
        { id: milestone.milestoneId, topic: contract.topic },
        async (manager) => {
          await applyMilestone(manager, milestone);
          await enqueueEvent(manager, ROUTING_SCHEMA, contract, {
            subject: milestone.caseId,
            county: milestone.county,
            town: milestone.town,
            actor: { kind: 'service', id: 'routing' },
            correlationId: milestone.correlationId,
            payload,
          });
        },
      );
    },
  };
}
