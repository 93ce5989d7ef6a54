import { randomUUID } from 'node:crypto';
import type { OpenReviewTaskInput } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { createApprovalActivities } from '../src/activities/approval.activities';
import { APPROVAL_SCHEMA } from '../src/config/approval.env';
import { openTaskBreakdown } from '../src/supervision/open-task-breakdown';
import { peopleWorkload } from '../src/supervision/people-workload';
import { taskHolders } from '../src/supervision/task-holders';
import { ReviewTask } from '../src/tasks/review-task.entity';

/** A China Standard Time calendar day, `offset` days from today. */
const cstDay = (offset: number) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('open tasks by step and person, for supervisors (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  async function open(
    where: Pick<OpenReviewTaskInput, 'town' | 'level' | 'unitCode' | 'stepName'> & { county?: string },
    dueDate: string | undefined,
    claimedBy?: { id: string; name: string },
  ) {
    const caseId = randomUUID();
    const taskId = randomUUID();
    await createApprovalActivities(suite.dataSource).openReviewTask({
      county: '140525',
      ...where,
      taskId,
      caseId,
      correlationId: caseId,
      stepIndex: 1,
      visit: 1,
      dueDate,
    });
    if (claimedBy) {
      await suite.dataSource.query(
        `UPDATE approval.review_tasks SET claimed_by = $2, claimed_by_name = $3, claimed_at = now() WHERE id = $1`,
        [taskId, claimedBy.id, claimedBy.name],
      );
    }
    return taskId;
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('approval_breakdown', {
      schema: APPROVAL_SCHEMA,
      entities: [ReviewTask],
    });
    const review = {
      town: '140525100',
      level: 'town',
      unitCode: '140525100-review',
      stepName: '审核',
    } as const;
    const reviewer = { id: 'u-reviewer', name: '南村镇审核员' };
    await open(review, cstDay(-2), reviewer);
    await open(review, cstDay(0), reviewer);
    await open(review, cstDay(3));
    await open(review, undefined);
    const decided = await open(review, cstDay(-5));
    await suite.dataSource.query(
      `UPDATE approval.review_tasks SET status = 'done', outcome = 'approve', decided_at = now() WHERE id = $1`,
      [decided],
    );
    await open({ town: '140525100', level: 'county', unitCode: '140525-mz', stepName: '决定' }, cstDay(1));
    await open(
      { town: '140525101', level: 'town', unitCode: '140525101-window', stepName: '受理' },
      cstDay(-1),
    );
    await open(
      { county: '140521', town: '140521100', level: 'town', unitCode: '140521100-window', stepName: '受理' },
      cstDay(-9),
    );
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('puts the late work first, on the desk of whoever holds it, and counts only open tasks of the county', async () => {
    const groups = await openTaskBreakdown(suite.dataSource, { county: '140525' });
    expect(
      groups.map((g) => [g.town, g.unitCode, g.holderName, g.open, g.overdue, g.dueToday, g.clockStopped]),
    ).toEqual([
      ['140525100', '140525100-review', '南村镇审核员', 2, 1, 1, 0],
      ['140525101', '140525101-window', null, 1, 1, 0, 0],
      ['140525100', '140525-mz', null, 1, 0, 0, 0],
      ['140525100', '140525100-review', null, 2, 0, 0, 1],
    ]);
    expect(groups[0]).toEqual(
      expect.objectContaining({
        holderId: 'u-reviewer',
        stepName: '审核',
        level: 'town',
        earliestDueDate: cstDay(-2),
      }),
    );
  });

  it('narrows to one town', async () => {
    const groups = await openTaskBreakdown(suite.dataSource, { county: '140525', town: '140525101' });
    expect(groups).toEqual([expect.objectContaining({ unitCode: '140525101-window', overdue: 1 })]);
  });

  it('names who holds each asked-for case’s open step, and only within the asker’s county and town', async () => {
    const all = (await suite.dataSource.query(`SELECT case_id AS "caseId" FROM approval.review_tasks`)) as {
      caseId: string;
    }[];
    const ids = all.map((row) => row.caseId);
    const holders = await taskHolders(suite.dataSource, { county: '140525', town: '140525100' }, ids);
    // Nancun's five open tasks (the decided one is no longer held), none of another town or county.
    expect(holders).toHaveLength(5);
    expect(holders.filter((holder) => holder.holderName === '南村镇审核员')).toHaveLength(2);
    expect(holders.filter((holder) => holder.holderName === null)).toHaveLength(3);
    expect(new Set(holders.map((holder) => holder.unitCode))).toEqual(
      new Set(['140525100-review', '140525-mz']),
    );
    expect(await taskHolders(suite.dataSource, { county: '140525' }, [])).toEqual([]);
  });

  it('sums each person’s decided steps and their timeliness over a period, beside what they hold now', async () => {
    const window = {
      town: '140525100',
      level: 'town',
      unitCode: '140525100-window',
      stepName: '受理',
    } as const;
    const decide = async (dueDate: string, decidedDay: string) => {
      const taskId = await open(window, dueDate);
      await suite.dataSource.query(
        `UPDATE approval.review_tasks SET status = 'done', outcome = 'approve', handler_id = 'u-clerk',
                handler_name = '南村镇受理员', decided_at = ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai'
          WHERE id = $1`,
        [taskId, decidedDay],
      );
    };
    await decide('2026-11-10', '2026-11-09');
    await decide('2026-11-10', '2026-11-10');
    await decide('2026-11-10', '2026-11-12');
    await decide('2026-11-10', '2026-12-02');
    await open(window, cstDay(-1), { id: 'u-clerk', name: '南村镇受理员' });
    const people = await peopleWorkload(suite.dataSource, {
      county: '140525',
      town: '140525100',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const clerk = people.find((person) => person.personId === 'u-clerk');
    expect(clerk).toEqual(
      expect.objectContaining({
        personName: '南村镇受理员',
        unitCode: '140525100-window',
        decided: 3,
        timed: 3,
        onTime: 2,
        onTimeRate: 0.667,
        holding: 1,
        overdueNow: 1,
      }),
    );
    // The reviewer decided nothing then, and holds two (one past its date).
    expect(people.find((person) => person.personId === 'u-reviewer')).toEqual(
      expect.objectContaining({ decided: 0, holding: 2, overdueNow: 1, onTimeRate: null }),
    );
  });
});
