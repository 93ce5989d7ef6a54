import { caseAction, decide, fileCase, openTask, stageOf, tasksOf } from './case-api';
import { as, getJson, serviceUrl } from './system';

// 农村五保对象入住敬老院批准 (ZZ-T-011): 乡级负责受理, so 县民政局 reviews and decides — until it grants 南村镇 direct
// authority (直接赋权). No other test files it.
const MATTER = 'ZZ-T-011';
const delegation = `${serviceUrl('intake')}/catalogue/matters/${MATTER}/delegations/140525100`;

describe('直接赋权 on the running system', () => {
  it('routes the town’s new cases to the town once the bureau grants it, and back to the county once revoked', async () => {
    const bureau = as('zz-county-mz');
    // A run that stopped halfway may have left the grant in force.
    await bureau.post(`${delegation}/revocation`, { reason: '测试开始前复原' });

    expect((await as('zz-county-rs').put(delegation, { reason: '越权' })).body).toEqual(
      expect.objectContaining({ code: 'DELEGATION.NOT_YOUR_MATTER' }),
    );
    expect((await as('zz-town-leader').put(delegation, { reason: '自己赋权' })).body).toEqual(
      expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED' }),
    );
    const granted = await bureau.put<{ town: string; revokedAt: string | null }>(delegation, {
      reason: '泽民发〔2026〕12号',
    });
    expect(granted).toEqual({
      status: 200,
      body: expect.objectContaining({ town: '140525100', revokedAt: null }),
    });
    const shown = await getJson<{ town: string; revokedAt: string | null }[]>(
      `${serviceUrl('intake')}/catalogue/matters/${MATTER}/delegations`,
    );
    expect(shown.body[0]).toEqual(expect.objectContaining({ town: '140525100', revokedAt: null }));

    // Decided and sealed at the town: the window accepts, the reviewer reviews, the town's leader decides, the
    // town's seal stamps, the window hands the result out.
    const local = await fileCase({ matterCode: MATTER, channel: 'town-window' });
    for (let nth = 0; nth < 4; nth += 1) {
      expect((await decide(await openTask(local.caseId, nth), { outcome: 'approve' })).status).toBe(202);
    }
    const done = await stageOf(local.caseId, 'concluded');
    expect(done.result).toBe('准予');
    expect((await tasksOf(local.caseId)).map((task) => `${task.stepName}@${task.unitCode}`)).toEqual([
      '受理@140525100-window',
      '审核@140525100-review',
      '决定@140525100-approval',
      '送达@140525100-window',
    ]);

    // Revoked: the next case goes to the bureau after 受理 again.
    expect((await bureau.post(`${delegation}/revocation`, { reason: '试点结束' })).status).toBe(200);
    const county = await fileCase({ matterCode: MATTER, channel: 'town-window' });
    expect((await decide(await openTask(county.caseId, 0), { outcome: 'approve' })).status).toBe(202);
    expect(await openTask(county.caseId, 1)).toEqual(
      expect.objectContaining({ stepName: '审核', unitCode: '140525-mz' }),
    );
    expect((await caseAction(county.caseId, 'withdrawal', { reason: '测试结束' })).status).toBe(202);
  });
});
