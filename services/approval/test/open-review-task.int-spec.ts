import { randomUUID } from 'node:crypto';
import { TOPICS, type OpenReviewTaskInput } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { createApprovalActivities } from '../src/activities/approval.activities';
import { APPROVAL_SCHEMA } from '../src/config/approval.env';
import { ReviewTask } from '../src/tasks/review-task.entity';

describe('openReviewTask activity (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  beforeAll(async () => {
    suite = await openSuiteDataSource('approval', { schema: APPROVAL_SCHEMA, entities: [ReviewTask] });
  });

  afterAll(async () => {
    await suite?.close();
  });

  function input(): OpenReviewTaskInput {
    const caseId = randomUUID();
    return {
      caseId,
      county: '140521',
      town: '140521100',
      correlationId: caseId,
      stepName: '受理',
      level: 'town',
      unitCode: '140521100-window',
    };
  }

  it('opens the task and announces it once, even when Temporal retries the activity', async () => {
    const activities = createApprovalActivities(suite.dataSource);
    const request = input();

    const first = await activities.openReviewTask(request);
    const retry = await activities.openReviewTask(request);

    expect(first.created).toBe(true);
    expect(retry).toEqual({ taskId: first.taskId, created: false });
    const tasks = await suite.dataSource.getRepository(ReviewTask).findBy({ caseId: request.caseId });
    expect(tasks).toEqual([
      expect.objectContaining({ id: first.taskId, stepName: '受理', level: 'town', status: 'open' }),
    ]);
    const events = (await suite.dataSource.query(
      `SELECT topic, envelope FROM approval.outbox WHERE message_key = $1`,
      [request.caseId],
    )) as {
      topic: string;
      envelope: { payload: { taskId: string } };
    }[];
    expect(events).toHaveLength(1);
    expect(events[0].topic).toBe(TOPICS.reviewTaskOpenedV1);
    expect(events[0].envelope.payload.taskId).toBe(first.taskId);
  });

  it('opens concurrent duplicate requests as one task', async () => {
    const activities = createApprovalActivities(suite.dataSource);
    const request = input();
    const results = await Promise.allSettled([
      activities.openReviewTask(request),
      activities.openReviewTask(request),
      activities.openReviewTask(request),
    ]);
    const taskIds = new Set(
      results
        .filter((r) => r.status === 'fulfilled')
        .map((r) => (r as PromiseFulfilledResult<{ taskId: string }>).value.taskId),
    );
    expect(taskIds.size).toBe(1);
    expect(await suite.dataSource.getRepository(ReviewTask).countBy({ caseId: request.caseId })).toBe(1);
  });
});
