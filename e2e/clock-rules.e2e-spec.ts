import { eventually } from '@oneseal/testing';
import { caseAction, decide, fileCase, openTask, stageOf } from './case-api';
import { postJson, serviceUrl } from './system';

interface Progress {
  stage: string;
  specialProcedure: { procedure: string; since: string; expectedWorkingDays: number | null } | null;
}

describe('the clock as the law runs it: special procedures (art. 45) and extensions (art. 42)', () => {
  it('tells the applicant which procedure stops the clock and for how long; extends once, by ten days at most', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    expect((await decide(await openTask(filed.caseId, 0), { outcome: 'approve' })).status).toBe(202);
    await openTask(filed.caseId, 1);

    const unsaid = await caseAction(filed.caseId, 'suspension', { procedure: '公示', reason: '村内公示' });
    expect(unsaid.status).toBe(400);
    const suspended = await caseAction(filed.caseId, 'suspension', {
      procedure: '公示',
      reason: '村内公示',
      expectedWorkingDays: 7,
    });
    expect(suspended.status).toBe(202);
    await stageOf(filed.caseId, 'suspended');
    const seen = await eventually('the applicant told of the procedure', async () => {
      const { body } = await postJson<Progress>(`${serviceUrl('routing')}/progress/lookup`, {
        receiptNumber: filed.receiptNumber,
        queryCode: filed.queryCode,
      });
      return body.specialProcedure ? body : undefined;
    });
    expect(seen.specialProcedure).toEqual(
      expect.objectContaining({ procedure: '公示', expectedWorkingDays: 7 }),
    );
    expect((await caseAction(filed.caseId, 'resumption', {})).status).toBe(202);
    await stageOf(filed.caseId, 'in-progress');

    const tooLong = await caseAction(filed.caseId, 'extension', { extraWorkingDays: 11, reason: '情况复杂' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('CASE.EXTENSION_INVALID');
    expect(tooLong.body.message).toContain('最多 10 个工作日');
    expect(
      (await caseAction(filed.caseId, 'extension', { extraWorkingDays: 5, reason: '情况复杂' })).status,
    ).toBe(202);
    const again = await caseAction(filed.caseId, 'extension', { extraWorkingDays: 2, reason: '再延' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE.NOT_EXTENDABLE');
    expect(again.body.message).toContain('已延长过一次');
    expect((await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' })).status).toBe(202);
  });
});
