import { getJson, serviceUrl } from './system';

interface MatterPage {
  total: number;
  items: { code: string; name: string; type: string; handlingMode: string; unit: { name: string } }[];
}

describe('the public matter catalogue (seeded by npm start)', () => {
  const catalogue = `${serviceUrl('intake')}/catalogue`;

  it('lists the town matters of a 泽州县 town, searchable by Chinese name', async () => {
    const { status, body } = await getJson<MatterPage>(
      `${catalogue}/matters?town=140525100&q=${encodeURIComponent('救助')}&level=town`,
    );
    expect(status).toBe(200);
    expect(body.items.map((m) => m.code)).toEqual(expect.arrayContaining(['ZZ-T-002', 'ZZ-T-008']));
    expect(body.items.every((m) => m.name.includes('救助'))).toBe(true);
  });

  it('serves one matter’s guide in full, marking what is still the county default', async () => {
    const { status, body } = await getJson<{
      code: string;
      name: string;
      guide: { caseKind: string; sources: Record<string, string> };
    }>(`${catalogue}/matters/ZZ-T-004`);
    expect(status).toBe(200);
    expect(body.name).toBe('最低生活保障申请');
    expect(body.guide.caseKind).toBe('承诺件');
    expect(body.guide.sources.timeLimits).toBe('county-default');
  });

  it('answers a bad query with a 400 naming the field, and an unknown matter with a 404', async () => {
    const bad = await getJson<{ code: string; problems: { field: string }[] }>(
      `${catalogue}/matters?pageSize=500&level=city`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('REQUEST.INVALID');
    expect(bad.body.problems.map((p) => p.field).sort()).toEqual(['level', 'pageSize']);
    const missing = await getJson<{ code: string; message: string }>(`${catalogue}/matters/ZZ-T-999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      code: 'CATALOGUE.MATTER_NOT_FOUND',
      message: '没有这个事项编码，请核对后重试',
    });
  });
});
