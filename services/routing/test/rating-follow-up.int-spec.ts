import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import { TOPICS } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { RatingFollowUpService } from '../src/rating-follow-up/rating-follow-up.service';

const leader: AuthUser = {
  id: 'l1',
  name: '南村镇分管领导',
  roles: ['town-leader'],
  county: '140525',
  town: '140525100',
};
const neighbourLeader: AuthUser = { ...leader, id: 'l2', name: '下村镇分管领导', town: '140525101' };
const supervisor: AuthUser = { id: 's1', name: '电子监察', roles: ['supervisor'], county: '140525' };

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describe('差评 answered on the record by the town (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let ratings: RatingFollowUpService;
  let receipts = 0;

  async function rated(score: number, comment: string | null, town = '140525100') {
    const caseId = randomUUID();
    receipts += 1;
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, matter_name, receipt_number, workflow_id,
                                         workflow_run_id, routed_at, stage, result, concluded_at)
       VALUES ($1::uuid, '140525', $2, 'ZZ-T-018', '法律援助咨询服务', $3, $1::text, $1::text, now(), 'delivered', '准予', now())`,
      [caseId, town, `140525-20261202-${String(receipts).padStart(6, '0')}`],
    );
    await suite.dataSource.query(
      `INSERT INTO routing.service_ratings (case_id, county, town, score, comment) VALUES ($1, '140525', $2, $3, $4)`,
      [caseId, town, score, comment],
    );
    return caseId;
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_rating_follow_up', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    ratings = new RatingFollowUpService(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('lists the unanswered 差评 first, and lets the town’s leader answer one once', async () => {
    const praised = await rated(5, null);
    const complaint = await rated(1, '跑了三趟才办成');
    const list = await ratings.list(supervisor, { county: '140525', town: '140525100' }, false);
    expect(list.map((r) => [r.caseId, r.scoreText])).toEqual([
      [complaint, '非常不满意'],
      [praised, '非常满意'],
    ]);
    expect((await ratings.list(supervisor, { county: '140525' }, true)).map((r) => r.caseId)).toEqual([
      complaint,
    ]);

    const answered = await ratings.answer(leader, complaint, '已实行一次性告知，材料清单上墙');
    expect(answered).toEqual(
      expect.objectContaining({
        response: '已实行一次性告知，材料清单上墙',
        respondedByName: '南村镇分管领导',
      }),
    );
    expect(await ratings.list(supervisor, { county: '140525' }, true)).toEqual([]);
    // One event of the answer, with the measures and who answered: the applicant is told, the audit log keeps it.
    const published = (await suite.dataSource.query(
      `SELECT envelope FROM routing.outbox WHERE topic = $1 AND message_key = $2`,
      [TOPICS.ratingAnsweredV1, complaint],
    )) as { envelope: { payload: { measures: string }; actor: { name?: string } } }[];
    expect(published.map(({ envelope }) => [envelope.payload.measures, envelope.actor.name])).toEqual([
      ['已实行一次性告知，材料清单上墙', '南村镇分管领导'],
    ]);
    expect(await refusal(ratings.answer(leader, complaint, '再答一次'))).toBe('RATING.ALREADY_ANSWERED');
    expect(await refusal(ratings.answer(leader, praised, '好评无需整改'))).toBe('RATING.NOT_DISSATISFIED');
    expect(await refusal(ratings.answer(leader, randomUUID(), '无'))).toBe('RATING.NOT_FOUND');
  });

  it('keeps another town’s leader out of both the list and the answer', async () => {
    const complaint = await rated(2, '等候时间长');
    expect(await refusal(ratings.answer(neighbourLeader, complaint, '越权回复'))).toBe('AUTH.OUT_OF_SCOPE');
    expect(await refusal(ratings.list(neighbourLeader, { county: '140525', town: '140525100' }, false))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const [row] = (await suite.dataSource.query(
      `SELECT response FROM routing.service_ratings WHERE case_id = $1`,
      [complaint],
    )) as { response: string | null }[];
    expect(row.response).toBeNull();
  });
});
