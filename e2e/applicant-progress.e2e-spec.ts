import { eventually } from '@oneseal/testing';
import { caseAction, decide, fileCase, openTask, watcher, type FiledCase } from './case-api';
import { as, postJson, serviceUrl } from './system';

// 婚姻生育情况证明: a town-only matter, decided and sealed at the town and delivered electronically.
const TOWN_MATTER = { matterCode: 'ZZ-T-007', channel: 'town-window', deliveryMethod: 'electronic' };

interface Progress {
  stage: string;
  stageText: string;
  matterName: string;
  currentStep: { stepName: string; levelText: string } | null;
  history: { stepName: string; levelText: string; outcomeText: string }[];
  result: string | null;
  resultText: string | null;
  documentId: string | null;
  rating: { score: number; scoreText: string; comment: string | null } | null;
  mayRate: boolean;
}

const publicly = (path: string, body: unknown) =>
  postJson<Progress & { code?: string; message?: string }>(`${serviceUrl('routing')}${path}`, body);
const lookup = (filed: Pick<FiledCase, 'receiptNumber' | 'queryCode'>) =>
  publicly('/progress/lookup', { receiptNumber: filed.receiptNumber, queryCode: filed.queryCode });

describe('the applicant follows their case with the receipt number and 查询码, and rates the service', () => {
  it('shows progress without a login, never to a wrong code, and takes one rating once the case has ended', async () => {
    const filed = await fileCase(TOWN_MATTER);
    expect(filed.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);

    // As typed off the receipt on a phone: lower case, spaces instead of dashes.
    const typed = { ...filed, queryCode: filed.queryCode.toLowerCase().replace(/-/g, ' ') };
    const waiting = await eventually('the case to be found by its receipt', async () => {
      const { status, body } = await lookup(typed);
      return status === 200 ? body : undefined;
    });
    expect(waiting).toEqual(expect.objectContaining({ matterName: '婚姻生育情况证明', mayRate: false }));

    const wrong = await lookup({
      ...filed,
      queryCode: filed.queryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    });
    expect(wrong).toEqual({
      status: 404,
      body: { code: 'PROGRESS.NOT_FOUND', message: '没有找到该办件：请核对办件编号和查询码' },
    });
    expect(
      (await lookup({ receiptNumber: '140525-20000101-000001', queryCode: filed.queryCode })).body,
    ).toEqual(wrong.body);
    expect((await publicly('/progress/rating', { ...codeOf(filed), score: 5 })).body.code).toBe(
      'PROGRESS.NOT_CONCLUDED',
    );

    for (let nth = 0; nth < 3; nth += 1) {
      expect((await decide(await openTask(filed.caseId, nth), { outcome: 'approve' })).status).toBe(202);
    }
    const done = await eventually('the case delivered, as the applicant sees it', async () => {
      const { body } = await lookup(filed);
      return body.stage === 'delivered' && body.documentId ? body : undefined;
    });
    expect(done).toEqual(
      expect.objectContaining({
        stageText: '已办结并送达',
        result: '准予',
        // 婚姻生育情况证明 is a public service: it is 办结, not 准予许可.
        resultText: '已办结',
        mayRate: true,
      }),
    );
    expect(done.history.map((step) => `${step.stepName}@${step.levelText}:${step.outcomeText}`)).toEqual([
      '受理@镇:已受理',
      '审核@镇:审核通过',
      '决定@镇:准予',
    ]);
    // Who handled it stays inside: no names, no ids of the staff.
    expect(JSON.stringify(done)).not.toMatch(/演示|handler/);

    // The receipt SMS carried the code.
    const sms = await eventually('the receipt SMS to the applicant', async () => {
      const { body } = await watcher.get<{ recipient: string; template: string; body: string }[]>(
        `${serviceUrl('notification')}/notifications?caseId=${filed.caseId}`,
      );
      return body.find((message) => message.template === 'caseAcceptedWithQueryCode');
    });
    // Staff see it masked: the code would let them look the case up and rate it in the applicant's name.
    expect(sms.body).toContain(`查询码****-****-${filed.queryCode.slice(-4)}`);
    expect(sms.body).not.toContain(filed.queryCode);

    const ratedBefore = await nancunRatingsToday();
    // 差评 needs a reason; then one rating, and only one.
    expect(await publicly('/progress/rating', { ...codeOf(filed), score: 2 })).toEqual({
      status: 422,
      body: expect.objectContaining({ code: 'PROGRESS.REASON_REQUIRED' }),
    });
    const rated = await publicly('/progress/rating', {
      ...codeOf(filed),
      score: 2,
      comment: '窗口等候时间较长',
    });
    expect(rated.status).toBe(201);
    expect(rated.body).toEqual(
      expect.objectContaining({ score: 2, scoreText: '不满意', comment: '窗口等候时间较长' }),
    );
    expect((await publicly('/progress/rating', { ...codeOf(filed), score: 5 })).body.code).toBe(
      'PROGRESS.ALREADY_RATED',
    );
    expect((await lookup(filed)).body).toEqual(
      expect.objectContaining({ mayRate: false, rating: expect.objectContaining({ score: 2 }) }),
    );

    // The county sees it in the town's report, and the auditor in the case's history.
    expect(await nancunRatingsToday()).toEqual({
      ratings: ratedBefore.ratings + 1,
      dissatisfied: ratedBefore.dissatisfied + 1,
    });
    const history = await eventually('the rating in the audit log', async () => {
      const { body } = await as('zz-auditor').get<{ type: string }[]>(
        `${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`,
      );
      return body.some((event) => event.type === 'routing.service-rated') ? body : undefined;
    });
    // The 差评 reaches the town's leader, who answers it with what was changed; the county sees the answer.
    const leader = as('zz-town-leader');
    await eventually('the 差评 in the leader’s messages', async () => {
      const { body } = await leader.get<{ items: { caseId: string; template: string }[] }>(
        `${serviceUrl('notification')}/notifications/inbox?pageSize=50`,
      );
      return body.items.find((m) => m.caseId === filed.caseId && m.template === 'dissatisfiedRating');
    });
    const answered = await leader.post<{ response: string }>(
      `${serviceUrl('routing')}/supervision/ratings/${filed.caseId}/response`,
      { measures: '高峰时段增开一个综合窗口' },
    );
    expect(answered).toEqual({
      status: 200,
      body: expect.objectContaining({ response: '高峰时段增开一个综合窗口' }),
    });
    const { body: onRecord } = await watcher.get<{ caseId: string; respondedByName: string | null }[]>(
      `${serviceUrl('routing')}/supervision/ratings?county=140525&town=140525100`,
    );
    expect(onRecord.find((r) => r.caseId === filed.caseId)?.respondedByName).toBe('南村镇分管领导（演示）');

    // The long-term record keeps the submission, not the applicant's credential.
    expect(JSON.stringify(history)).not.toContain(filed.queryCode);
    expect(JSON.stringify(history)).toContain('[redacted]');
  });

  it('answers through the console, on the same origin, without a login', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const answer = await eventually('the case through the console', async () => {
      const reply = await postJson<Progress>(
        `${serviceUrl('console')}/api/routing/progress/lookup`,
        codeOf(filed),
      );
      return reply.status === 200 ? reply.body : undefined;
    });
    expect(answer.matterName).toBe('婚姻生育情况证明');
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });
});

/** 南村镇's ratings given today (China Standard Time), as the county's period report counts them. */
async function nancunRatingsToday(): Promise<{ ratings: number; dissatisfied: number }> {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const { body } = await watcher.get<{ town: string; ratings: number; dissatisfied: number }[]>(
    `${serviceUrl('routing')}/supervision/report?county=140525&from=${today}&to=${today}`,
  );
  const nancun = body.find((row) => row.town === '140525100');
  return { ratings: nancun?.ratings ?? 0, dissatisfied: nancun?.dissatisfied ?? 0 };
}

function codeOf(filed: FiledCase) {
  return { receiptNumber: filed.receiptNumber, queryCode: filed.queryCode };
}
