import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import {
  BAD_DATA_FAILURE,
  parseEvent,
  stepDecidedV1,
  TOPICS,
  type OpenReviewTaskInput,
} from '@oneseal/contracts';
import { failOnBadData } from '@oneseal/temporal';
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
      taskId: randomUUID(),
      caseId,
      county: '140521',
      town: '140521100',
      correlationId: caseId,
      stepIndex: 0,
      visit: 1,
      stepName: '受理',
      level: 'town',
      unitCode: '140521100-window',
    };
  }

  it('opens the task and announces it once, even when Temporal retries the activity', async () => {
    const activities = createApprovalActivities(suite.dataSource);
    const request = { ...input(), receiptNumber: '140521-20261207-000001', matterName: '婚姻生育情况证明' };

    const first = await activities.openReviewTask(request);
    const retry = await activities.openReviewTask(request);

    expect(first.created).toBe(true);
    expect(retry).toEqual({ created: false });
    const tasks = await suite.dataSource.getRepository(ReviewTask).findBy({ caseId: request.caseId });
    expect(tasks).toEqual([
      expect.objectContaining({ id: request.taskId, stepName: '受理', level: 'town', status: 'open' }),
    ]);
    const events = (await suite.dataSource.query(
      `SELECT topic, envelope FROM approval.outbox WHERE message_key = $1`,
      [request.caseId],
    )) as {
      topic: string;
      envelope: { payload: { taskId: string; receiptNumber?: string; matterName?: string } };
    }[];
    expect(events).toHaveLength(1);
    expect(events[0].topic).toBe(TOPICS.reviewTaskOpenedV1);
    // The unit's 新待办 message names the case from the event itself, whichever event notification reads first.
    expect(events[0].envelope.payload).toEqual(
      expect.objectContaining({
        taskId: request.taskId,
        receiptNumber: '140521-20261207-000001',
        matterName: '婚姻生育情况证明',
      }),
    );
  });

  it('opens concurrent duplicate requests as one task', async () => {
    const activities = createApprovalActivities(suite.dataSource);
    const request = input();
    const results = await Promise.allSettled([
      activities.openReviewTask(request),
      activities.openReviewTask(request),
      activities.openReviewTask(request),
    ]);
    const created = results.map((r) => (r.status === 'fulfilled' ? r.value.created : r.reason));
    expect(created.filter((c) => c === true)).toHaveLength(1);
    expect(created.filter((c) => c === false)).toHaveLength(2);
    expect(await suite.dataSource.getRepository(ReviewTask).countBy({ caseId: request.caseId })).toBe(1);
    const announced = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM approval.outbox WHERE message_key = $1`,
      [request.caseId],
    )) as [{ n: number }];
    expect(announced[0].n).toBe(1);
  });

  it('records a decision once and announces it once, however often the activity is retried', async () => {
    const activities = createApprovalActivities(suite.dataSource);
    const request = input();
    await activities.openReviewTask(request);
    const { taskId } = request;
    const decision = {
      caseId: request.caseId,
      county: request.county,
      town: request.town,
      correlationId: request.correlationId,
      taskId,
    };
    await activities.closeReviewTask({
      ...decision,
      outcome: 'approve',
      handlerId: 'nancun-window-01',
      opinion: '材料齐全，予以受理',
    });
    await activities.closeReviewTask({
      ...decision,
      outcome: 'reject',
      handlerId: 'someone-else',
      opinion: '重复',
    });

    const task = await suite.dataSource.getRepository(ReviewTask).findOneByOrFail({ id: taskId });
    expect(task).toEqual(
      expect.objectContaining({
        status: 'done',
        outcome: 'approve',
        handlerId: 'nancun-window-01',
        opinion: '材料齐全，予以受理',
      }),
    );
    expect(task.decidedAt).toBeInstanceOf(Date);
    const decided = (await suite.dataSource.query(
      `SELECT envelope::text AS envelope FROM approval.outbox WHERE topic = $1 AND message_key = $2`,
      [TOPICS.stepDecidedV1, request.caseId],
    )) as { envelope: string }[];
    expect(decided).toHaveLength(1);
    // As a consumer reads it: the contract's checks pass, and the step and its times are the task's own.
    const event = parseEvent(stepDecidedV1, JSON.parse(decided[0].envelope));
    expect(event.payload).toEqual({
      caseId: request.caseId,
      taskId,
      stepName: '受理',
      level: request.level,
      unitCode: request.unitCode,
      action: '通过',
      handlerId: 'nancun-window-01',
      opinion: '材料齐全，予以受理',
      startedAt: task.openedAt.toISOString(),
      endedAt: task.decidedAt?.toISOString(),
    });
    expect(event.actor.id).toBe('nancun-window-01');
  });

  it('hands a case over: closes the decided task, then opens the next, announced in that order and once each', async () => {
    const activities = createApprovalActivities(suite.dataSource);
    const review = { ...input(), stepIndex: 1, stepName: '审核', unitCode: '140521100-review' };
    await activities.openReviewTask(review);
    const decision = {
      caseId: review.caseId,
      county: review.county,
      town: review.town,
      correlationId: review.correlationId,
      taskId: review.taskId,
      outcome: 'approve' as const,
      handlerId: 'nancun-review-01',
      handlerName: '李审核',
      opinion: '审核通过',
      // Taken a while before the next task could open (its deadline counted first): the task keeps this time.
      decidedAt: '2026-12-04T02:00:00.000Z',
    };
    const deciding = {
      ...review,
      taskId: randomUUID(),
      stepIndex: 2,
      stepName: '决定',
      unitCode: '140521100-approval',
    };

    const first = await activities.handOverReviewTask({ close: decision, open: deciding });
    // Temporal retries an attempt whose answer was lost: nothing is closed, opened or announced twice.
    const retry = await activities.handOverReviewTask({ close: decision, open: deciding });

    expect([first, retry]).toEqual([{ created: true }, { created: false }]);
    const tasks = await suite.dataSource
      .getRepository(ReviewTask)
      .find({ where: { caseId: review.caseId }, order: { stepIndex: 'ASC' } });
    expect(tasks.map(({ stepName, status, handlerName }) => ({ stepName, status, handlerName }))).toEqual([
      { stepName: '审核', status: 'done', handlerName: '李审核' },
      { stepName: '决定', status: 'open', handlerName: null },
    ]);
    expect(tasks[0].decidedAt?.toISOString()).toBe(decision.decidedAt);
    const events = (await suite.dataSource.query(
      `SELECT topic, envelope->'payload'->>'taskId' AS "taskId" FROM approval.outbox WHERE message_key = $1 ORDER BY seq`,
      [review.caseId],
    )) as { topic: string; taskId: string }[];
    expect(events).toEqual([
      { topic: TOPICS.reviewTaskOpenedV1, taskId: review.taskId },
      { topic: TOPICS.stepDecidedV1, taskId: review.taskId },
      { topic: TOPICS.reviewTaskOpenedV1, taskId: deciding.taskId },
    ]);
  });

  it('fails for good, typed as bad data, when PostgreSQL refuses what it was given (a NUL in an opinion)', async () => {
    // As the worker runs it: wrapped so the case workflow stalls the case instead of retrying for ever.
    const activities = failOnBadData(createApprovalActivities(suite.dataSource));
    const request = input();
    await activities.openReviewTask(request);
    const failure = await activities
      .closeReviewTask({
        caseId: request.caseId,
        county: request.county,
        town: request.town,
        correlationId: request.correlationId,
        taskId: request.taskId,
        outcome: 'approve',
        handlerId: 'nancun-window-01',
        opinion: '同意\u0000',
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toEqual(expect.objectContaining({ type: BAD_DATA_FAILURE, nonRetryable: true }));
    // Nothing was half-written: the task is still open.
    const task = await suite.dataSource.getRepository(ReviewTask).findOneByOrFail({ id: request.taskId });
    expect(task.status).toBe('open');
  });
});
