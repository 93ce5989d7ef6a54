import { isWorkday } from 'chinese-days';
import { eventually } from '@oneseal/testing';
import { as, serviceUrl } from './system';

const years = `${serviceUrl('routing')}/calendar/years`;
const recalculations = `${serviceUrl('routing')}/calendar/recalculations`;

interface Recalculation {
  id: string;
  county: string | null;
  requestedBy: string;
  status: 'running' | 'done';
  openCases: number;
  signalled: number;
  unreachable: number;
}

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
      recalculation: Recalculation;
    }>(`${years}/2004`, schedule);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toEqual(expect.objectContaining({ year: 2004, loaded: true }));
    // Every open case of every county is told; none of them has a date in 2004, so none moves.
    // Told in the background (a province's open cases are hundreds of thousands); the run says how far it is, to
    // the platform's administrator and to every county's.
    const started = loaded.body.recalculation;
    expect(started).toEqual(
      expect.objectContaining({ county: null, requestedBy: expect.stringContaining('平台') }),
    );
    const done = await eventually('every open case told', async () => {
      const run = await as('system-admin').get<Recalculation>(`${recalculations}/${started.id}`);
      return run.body.status === 'done' ? run.body : undefined;
    });
    expect(done.unreachable).toBe(0);
    expect(done.signalled).toBeLessThanOrEqual(done.openCases);
    const runs = await as('qs-admin').get<Recalculation[]>(recalculations);
    expect(runs.body.map((run) => run.id)).toContain(started.id);
    const mistyped = await as('qs-admin').get<{ code: string }>(`${recalculations}/not-a-run`);
    expect([mistyped.status, mistyped.body.code]).toEqual([400, 'REQUEST.INVALID']);
    const unknown = await as('qs-admin').get<{ code: string }>(
      `${recalculations}/00000000-0000-4000-8000-000000000000`,
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CALENDAR.RECALCULATION_NOT_FOUND']);
    expect((await as('qs-town-window').get<{ code: string }>(recalculations)).status).toBe(403);
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
