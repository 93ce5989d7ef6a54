import { isWorkday } from 'chinese-days';
import { as, serviceUrl } from './system';

const years = `${serviceUrl('routing')}/calendar/years`;

/** A past year exactly as the official data has it: loading it again moves no date. */
function officialSchedule(year: number) {
  const holidays: string[] = [];
  const makeUpWorkdays: string[] = [];
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    const date = new Date(day);
    const iso = date.toISOString().slice(0, 10);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const working = isWorkday(iso);
    if (!weekend && !working) holidays.push(iso);
    if (weekend && working) makeUpWorkdays.push(iso);
  }
  return { holidays, makeUpWorkdays, source: `国务院办公厅${year}年部分节假日安排（复核录入）` };
}

describe('the national holiday calendar is the platform’s, not a county’s', () => {
  it('refuses 沁水县’s and 泽州县’s administrators and lets the system administrator load a year', async () => {
    const schedule = officialSchedule(2004);
    for (const admin of ['qs-admin', 'zz-admin']) {
      const refused = await as(admin).put<{ code: string }>(`${years}/2004`, schedule);
      expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    }
    const loaded = await as('system-admin').put<{
      year: number;
      loaded: boolean;
      recalculation: { openCases: number; signalled: number; failed: string[] };
    }>(`${years}/2004`, schedule);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toEqual(expect.objectContaining({ year: 2004, loaded: true }));
    // Every open case of every county is told; none of them has a date in 2004, so none moves.
    const { openCases, signalled, failed } = loaded.body.recalculation;
    expect(failed).toEqual([]);
    expect(signalled).toBeLessThanOrEqual(openCases);
    const listed =
      await as('qs-admin').get<{ year: number; loadedBy: string | null; source: string }[]>(years);
    expect(listed.body.find((entry) => entry.year === 2004)).toEqual(
      expect.objectContaining({
        source: schedule.source,
        loadedBy: expect.stringContaining('平台系统管理员'),
      }),
    );
  });

  it('does not let a county administrator make anyone a system administrator', async () => {
    const created = await as('qs-admin').post<{ code: string; problems?: { field: string; rule: string }[] }>(
      `${serviceUrl('identity')}/staff`,
      {
        loginName: 'qs-would-be-root',
        displayName: '某人',
        roles: ['system-admin'],
        password: `unused-${Date.now()}`,
      },
    );
    expect(created.status).toBe(400);
    expect(created.body.problems).toEqual([expect.objectContaining({ field: 'roles', rule: 'isIn' })]);
  });
});
