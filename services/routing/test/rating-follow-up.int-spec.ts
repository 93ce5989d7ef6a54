import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import { TOPICS } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { RatingFollowUpService } from '../src/rating-follow-up/rating-follow-up.service';
import { ratingStats } from '../src/rating-follow-up/rating-stats';

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

  async function rated(
    score: number,
    comment: string | null,
    town = '140525100',
    extra: { serviceEvent?: string; servedBy?: string; rectifyBy?: string; channel?: string } = {},
  ) {
    const caseId = randomUUID();
    receipts += 1;
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, matter_name, receipt_number, workflow_id,
                                         workflow_run_id, routed_at, stage, result, concluded_at)
       VALUES ($1::uuid, '140525', $2, 'ZZ-T-018', '法律援助咨询服务', $3, $1::text, $1::text, now(), 'delivered', '准予', now())`,
      [caseId, town, `140525-20261202-${String(receipts).padStart(6, '0')}`],
    );
    await suite.dataSource.query(
      `INSERT INTO routing.service_ratings
         (case_id, county, town, score, comment, service_event, served_by, served_by_name, rectify_by, channel)
       VALUES ($1, '140525', $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        caseId,
        town,
        score,
        comment,
        extra.serviceEvent ?? 'case',
        extra.servedBy ?? null,
        extra.servedBy ? `窗口${extra.servedBy}` : null,
        extra.rectifyBy ?? null,
        extra.channel ?? 'web',
      ],
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

    const answered = await ratings.answer(leader, complaint, 'case', '已实行一次性告知，材料清单上墙');
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
    expect(await refusal(ratings.answer(leader, complaint, 'case', '再答一次'))).toBe(
      'RATING.ALREADY_ANSWERED',
    );
    expect(await refusal(ratings.answer(leader, praised, 'case', '好评无需整改'))).toBe(
      'RATING.NOT_DISSATISFIED',
    );
    expect(await refusal(ratings.answer(leader, randomUUID(), 'case', '无'))).toBe('RATING.NOT_FOUND');
  });

  it('keeps another town’s leader out of both the list and the answer', async () => {
    const complaint = await rated(2, '等候时间长');
    expect(await refusal(ratings.answer(neighbourLeader, complaint, 'case', '越权回复'))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(await refusal(ratings.list(neighbourLeader, { county: '140525', town: '140525100' }, false))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const [row] = (await suite.dataSource.query(
      `SELECT response FROM routing.service_ratings WHERE case_id = $1`,
      [complaint],
    )) as { response: string | null }[];
    expect(row.response).toBeNull();
  });

  it('records one 回访 after the answer, with the applicant’s judgement after the 整改, on the record', async () => {
    const complaint = await rated(2, '窗口人员态度生硬', '140525100', { serviceEvent: 'acceptance' });
    const visit = { method: 'phone' as const, scoreAfter: 4 as const, note: '申请人表示窗口已改进' };
    expect(await refusal(ratings.revisit(leader, complaint, 'acceptance', visit))).toBe(
      'RATING.NOT_ANSWERED_YET',
    );
    await ratings.answer(leader, complaint, 'acceptance', '对窗口人员开展服务礼仪培训');
    const revisited = await ratings.revisit(leader, complaint, 'acceptance', visit);
    expect(revisited).toEqual(
      expect.objectContaining({
        serviceEventText: '窗口受理',
        revisit: expect.objectContaining({ method: 'phone', scoreAfter: 4, byName: '南村镇分管领导' }),
      }),
    );
    expect(await refusal(ratings.revisit(leader, complaint, 'acceptance', visit))).toBe(
      'RATING.ALREADY_REVISITED',
    );
    const published = (await suite.dataSource.query(
      `SELECT envelope FROM routing.outbox WHERE topic = $1 AND message_key = $2`,
      [TOPICS.ratingRevisitedV1, complaint],
    )) as { envelope: { payload: { scoreAfter: number; serviceEvent: string } } }[];
    expect(
      published.map(({ envelope }) => [envelope.payload.serviceEvent, envelope.payload.scoreAfter]),
    ).toEqual([['acceptance', 4]]);
    // The whole case's rating is another rating: nothing about it was answered.
    expect(await refusal(ratings.answer(leader, complaint, 'case', '无'))).toBe('RATING.NOT_FOUND');
  });

  it('counts 好评率, 整改率, 回访率 and overdue 整改 per town, matter and the person who served', async () => {
    const town = '140525103';
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await rated(5, null, town, { servedBy: 'w9', channel: 'window-pad', serviceEvent: 'acceptance' });
    await rated(3, null, town, { servedBy: 'w9' });
    const late = await rated(1, '材料说了三次', town, { servedBy: 'w9', rectifyBy: '2026-01-05' });
    await rated(2, '排队久', town, { servedBy: 'w8', rectifyBy: '2999-01-01' });
    const answeredLate = await ratings.list(supervisor, { county: '140525', town }, true);
    expect(answeredLate.find((rating) => rating.caseId === late)?.overdue).toBe(true);
    const stats = await ratingStats(
      suite.dataSource,
      { county: '140525', town, from: today, to: today },
      today,
    );
    expect(stats.towns).toEqual([
      expect.objectContaining({
        town,
        rated: 4,
        good: 2,
        dissatisfied: 2,
        goodRate: 0.5,
        overdue: 1,
        atCounter: 1,
      }),
    ]);
    expect(stats.people.map((person) => [person.servedByName, person.rated, person.dissatisfied])).toEqual([
      ['窗口w9', 3, 1],
      ['窗口w8', 1, 1],
    ]);
    expect(stats.matters).toEqual([expect.objectContaining({ matterName: '法律援助咨询服务', rated: 4 })]);
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await ratingStats(suite.dataSource, { county: '140525', town, from: tomorrow, to: tomorrow }, today))
        .towns,
    ).toEqual([]);
  });
});
