import { randomUUID } from 'node:crypto';
import { TOPICS } from '@oneseal/contracts';
import { TemporalConnection } from '@oneseal/temporal';
import { engineEndpoints, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import type { Client } from '@temporalio/client';
import { ApplicantProgressService } from '../src/applicant-progress/applicant-progress.service';
import { progressQueryDigest } from '../src/applicant-progress/progress-query-digest';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { RatingRecorder } from '../src/rating-follow-up/rating-recorder';
import { ROUTING_SCHEMA } from '../src/config/routing.env';

const CODE = 'K7QM-3XPD-9RTA';

describe('the applicant’s progress lookup and rating (real PostgreSQL and Temporal)', () => {
  let suite: SuiteDataSource;
  let connection: TemporalConnection;
  let temporal: Client;
  let progress: ApplicantProgressService;
  let receipts = 0;

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_progress', { schema: ROUTING_SCHEMA, entities: [RoutedCase] });
    const { temporalAddress, temporalNamespace } = engineEndpoints();
    // The service's own kind of connection (TemporalConnection): routing asks to start its cases eagerly.
    connection = await TemporalConnection.open({ address: temporalAddress, namespace: temporalNamespace });
    temporal = connection.client;
    progress = new ApplicantProgressService(
      suite.dataSource,
      temporal,
      new RatingRecorder(suite.dataSource, { rectifyWorkingDays: 15 }),
    );
  });

  afterAll(async () => {
    await connection?.close();
    await suite?.close();
  });

  /** A case in the read model; no workflow runs for it, so the lookup answers from the read model alone. */
  async function routedCase(stage: string, result: string | null = null) {
    receipts += 1;
    const caseId = randomUUID();
    const receiptNumber = `140525-20261202-${String(receipts).padStart(6, '0')}`;
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, matter_name, receipt_number,
                                         workflow_id, workflow_run_id, routed_at, stage, result, concluded_at,
                                         progress_query_sha256)
       VALUES ($1::uuid, '140525', '140525100', 'ZZ-T-018', '法律援助咨询服务', $2, $1::text, $1::text, now(), $3, $4,
               CASE WHEN $4::text IS NULL THEN NULL ELSE now() END, $5)`,
      [caseId, receiptNumber, stage, result, progressQueryDigest(receiptNumber, CODE)],
    );
    return { caseId, receiptNumber };
  }

  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
    );

  const ratingsOf = async (caseId: string) =>
    (await suite.dataSource.query(`SELECT score, comment FROM routing.service_ratings WHERE case_id = $1`, [
      caseId,
    ])) as { score: number; comment: string | null }[];

  const ratedEventsOf = async (caseId: string) =>
    (await suite.dataSource.query(
      `SELECT envelope FROM routing.outbox WHERE topic = $1 AND message_key = $2`,
      [TOPICS.serviceRatedV1, caseId],
    )) as { envelope: { town: string; payload: { score: number; comment?: string } } }[];

  it('shows the case to whoever holds its receipt number and 查询码, typed however', async () => {
    const { receiptNumber } = await routedCase('in-progress');
    const view = await progress.lookup({ receiptNumber, queryCode: ' k7qm 3xpd9rta ' });
    expect(view).toEqual(
      expect.objectContaining({
        receiptNumber,
        matterName: '法律援助咨询服务',
        stage: 'in-progress',
        stageText: '办理中',
        mayRate: false,
      }),
    );
  });

  it('gives one and the same answer for a wrong code and an unknown receipt', async () => {
    const { receiptNumber } = await routedCase('in-progress');
    const notFound = { code: 'PROGRESS.NOT_FOUND', message: '没有找到该办件：请核对办件编号和查询码' };
    expect(await refusalOf(progress.lookup({ receiptNumber, queryCode: 'K7QM-3XPD-9RTB' }))).toEqual(
      notFound,
    );
    expect(await refusalOf(progress.lookup({ receiptNumber, queryCode: 'not a code' }))).toEqual(notFound);
    expect(
      await refusalOf(progress.lookup({ receiptNumber: '140525-20261202-999999', queryCode: CODE })),
    ).toEqual(notFound);
  });

  it('takes one rating per ended case, announces it, and refuses the rest without changing anything', async () => {
    const open = await routedCase('in-progress');
    expect(await refusalOf(progress.rate({ ...open, queryCode: CODE, score: 5 }))).toEqual(
      expect.objectContaining({ code: 'PROGRESS.NOT_CONCLUDED' }),
    );

    const ended = await routedCase('delivered', '准予');
    expect(await refusalOf(progress.rate({ ...ended, queryCode: CODE, score: 2, comment: '  ' }))).toEqual(
      expect.objectContaining({
        code: 'PROGRESS.REASON_REQUIRED',
        message: '差评请说明原因：选择不满意的方面（选“其他”时请写明），以便整改',
      }),
    );
    expect(
      await refusalOf(progress.rate({ ...ended, queryCode: CODE, score: 1, categories: ['other'] })),
    ).toEqual(expect.objectContaining({ code: 'PROGRESS.REASON_REQUIRED' }));
    expect(await ratingsOf(ended.caseId)).toEqual([]);

    const attempts = await Promise.allSettled([
      progress.rate({ ...ended, queryCode: CODE, score: 2, comment: '材料要求前后不一致，跑了两趟' }),
      progress.rate({ ...ended, queryCode: CODE, score: 5 }),
      progress.rate({ ...ended, queryCode: CODE, score: 4 }),
    ]);
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect(attempt.reason).toEqual(expect.objectContaining({ code: 'PROGRESS.ALREADY_RATED' }));
      }
    }
    const [stored] = await ratingsOf(ended.caseId);
    const events = await ratedEventsOf(ended.caseId);
    expect(events).toHaveLength(1);
    expect(events[0].envelope.town).toBe('140525100');
    expect(events[0].envelope.payload.score).toBe(stored.score);

    const view = await progress.lookup({ ...ended, queryCode: CODE });
    expect(view.mayRate).toBe(false);
    expect(view.rating?.score).toBe(stored.score);
    expect(await ratingsOf(open.caseId)).toEqual([]);
  });

  it('keeps what a 差评 is about and when its 整改 is due, in working days of the county', async () => {
    const ended = await routedCase('delivered', '准予');
    const rated = await progress.rate({
      ...ended,
      queryCode: CODE,
      score: 1,
      categories: ['efficiency', 'materials', 'efficiency'],
    });
    expect(rated).toEqual(
      expect.objectContaining({ categories: ['efficiency', 'materials'], comment: null }),
    );
    // Fifteen working days: three weeks of a calendar without holidays, more with them.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const days = (Date.parse(rated.rectifyBy as string) - Date.parse(today)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(19);
    const [event] = await ratedEventsOf(ended.caseId);
    expect(event.envelope.payload).toEqual(
      expect.objectContaining({
        serviceEvent: 'case',
        channel: 'web',
        categories: ['efficiency', 'materials'],
        rectifyBy: rated.rectifyBy,
      }),
    );
    const view = await progress.lookup({ ...ended, queryCode: CODE });
    expect(view.rating).toEqual(
      expect.objectContaining({ reasons: ['办事效率', '材料要求'], rectifyBy: rated.rectifyBy }),
    );
  });

  it('refuses a rating with the wrong code, and stores nothing', async () => {
    const ended = await routedCase('concluded', '不予许可');
    expect(
      await refusalOf(progress.rate({ ...ended, queryCode: 'K7QM-3XPD-9RTB', score: 1, comment: '不满意' })),
    ).toEqual(expect.objectContaining({ code: 'PROGRESS.NOT_FOUND' }));
    expect(await ratingsOf(ended.caseId)).toEqual([]);
  });
});
