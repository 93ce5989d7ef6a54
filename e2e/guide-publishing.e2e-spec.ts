import { applicantFields } from '@oneseal/testing';
import { caseAction, filingOf, openTask } from './case-api';
import { as, getJson, serviceUrl } from './system';

// 社保政策咨询服务 (ZZ-T-030), a town matter no other test files: the administrator confirms its guide, adding a
// required material, and the window checks applications against the new version at once.
const MATTER = 'ZZ-T-030';
const ADDED = '社会保障卡';
const catalogue = `${serviceUrl('intake')}/catalogue/matters/${MATTER}`;

interface Material {
  name: string;
  issuer: string;
  originals: number;
  copies: number;
  required: boolean;
}
interface Matter {
  version: number;
  guide: { materials: Material[]; legalBasis: string | null };
}

describe('the county administrator keeps a matter’s 办事指南', () => {
  it('publishes a confirmed version that filing follows at once, and refuses anyone else', async () => {
    const before = (await getJson<Matter>(catalogue)).body;
    const admin = as('zz-admin');
    // An earlier run may have published it already; the test starts from the guide without it.
    const withoutAdded = before.guide.materials.filter((material) => material.name !== ADDED);
    const materials = [
      ...withoutAdded,
      { name: ADDED, issuer: '人社部门', originals: 1, copies: 0, required: true },
    ];
    const newGuide = {
      expectedVersion: before.version,
      reason: '县人社局确认：咨询需核验社会保障卡',
      legalBasis: '《社会保险法》第五十八条',
      caseKind: '即办件',
      statutoryLimitWorkingDays: null,
      committedLimitWorkingDays: 0,
      materials,
      fee: '不收费',
      onlineDepth: 2,
      onSiteVisits: 1,
      appointment: false,
      expressDelivery: false,
    };

    // Not the window's to change, nor another county's administrator's.
    expect((await as('zz-town-window').put(`${catalogue}/guide`, newGuide)).body).toEqual(
      expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED' }),
    );
    expect((await as('qs-admin').put(`${catalogue}/guide`, newGuide)).body).toEqual(
      expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
    );
    expect((await admin.put(`${catalogue}/guide`, { ...newGuide, materials: [] })).status).toBe(400);

    const published = await admin.put<{ version: number }>(`${catalogue}/guide`, newGuide);
    expect(published).toEqual({
      status: 200,
      body: expect.objectContaining({ version: before.version + 1 }),
    });
    const after = (await getJson<Matter>(catalogue)).body;
    expect(after.version).toBe(before.version + 1);
    expect(after.guide.legalBasis).toBe('《社会保险法》第五十八条');
    // A second publication on the version just replaced is refused.
    expect((await admin.put(`${catalogue}/guide`, newGuide)).body).toEqual(
      expect.objectContaining({ code: 'CATALOGUE.GUIDE_VERSION_CONFLICT' }),
    );

    // The window's check follows the new guide: without the added material the answer is the 补正 notice naming it.
    const window = as('zz-town-window');
    const application = {
      county: '140525',
      town: '140525100',
      matterCode: MATTER,
      channel: 'town-window',
      ...applicantFields('郑十一'),
      ...(await filingOf(MATTER, 'town-window')),
      materials: withoutAdded.map(({ name, originals, copies }) => ({ name, originals, copies })),
    };
    const incomplete = await window.post<{ code: string; details: { correctionNotice: string[] } }>(
      `${serviceUrl('intake')}/applications`,
      application,
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.correctionNotice.join('')).toContain(ADDED);
    const complete = await window.post<{ caseId: string }>(`${serviceUrl('intake')}/applications`, {
      ...application,
      materials: [...application.materials, { name: ADDED, originals: 1, copies: 0 }],
    });
    expect(complete.status).toBe(202);
    // Not left open to run late on the next days' runs.
    await openTask(complete.body.caseId, 0);
    expect((await caseAction(complete.body.caseId, 'withdrawal', { reason: '测试结束' })).status).toBe(202);

    const versions = await as('zz-supervisor').get<{ version: number; publishedByName: string | null }[]>(
      `${catalogue}/guide/versions`,
    );
    expect(versions.body[0]).toEqual(
      expect.objectContaining({
        version: after.version,
        publishedByName: '泽州县行政审批服务管理局管理员（演示）',
      }),
    );
  });
});
