import type { AuthUser } from '../auth-user';
import { AuthErrorCode } from '../auth-error';
import type { Role } from '../roles';
import {
  actScopesOf,
  assertCanActOnTask,
  canActOnTask,
  canSeeTask,
  taskScopesOf,
  townRoleTaking,
  type TaskLocation,
} from './task-scope';

const ZEZHOU = '140525';
const NANCUN = '140525100';
const OTHER_TOWN = '140525101';
const YUANJIA = '140525100201';

const person = (roles: Role[], scope: Partial<AuthUser> = {}): AuthUser => ({
  id: `u-${roles.join('-')}`,
  name: '某',
  roles,
  county: ZEZHOU,
  ...scope,
});

type Task = TaskLocation & { stepName: string };
const villageTask: Task = {
  county: ZEZHOU,
  town: NANCUN,
  villageCode: YUANJIA,
  level: 'village',
  unitCode: `${YUANJIA}-station`,
  stepName: '代办',
};
const townTask = (stepName: string, town = NANCUN): Task => ({
  county: ZEZHOU,
  town,
  level: 'town',
  unitCode: `${town}-x`,
  stepName,
});
const countyTask = (unitCode: string, county = ZEZHOU): Task => ({
  county,
  town: county === ZEZHOU ? NANCUN : '140521100',
  level: 'county',
  unitCode,
  stepName: '决定',
});

describe('who sees and acts on which task', () => {
  it('a village agent: only their own village station, and acts there', () => {
    const agent = person(['village-agent'], { town: NANCUN, village: YUANJIA });
    expect(canSeeTask(agent, villageTask)).toBe(true);
    expect(canActOnTask(agent, villageTask)).toBe(true);
    expect(canSeeTask(agent, { ...villageTask, villageCode: '140525100202' })).toBe(false);
    expect(canSeeTask(agent, { ...villageTask, villageCode: undefined })).toBe(false);
    expect(canSeeTask(agent, townTask('受理'))).toBe(false);
    expect(canSeeTask(agent, countyTask('140525-mz'))).toBe(false);
  });

  it.each([
    ['town-window', ['受理', '送达']],
    ['town-reviewer', ['初审', '审核', '复核']],
    ['town-leader', ['决定']],
    ['seal-keeper', ['用印']],
  ] as const)(
    '%s: sees every task of their town, acts on %j only, nothing of another town',
    (role, steps) => {
      const clerk = person([role], { town: NANCUN });
      for (const step of ['受理', '初审', '审核', '复核', '决定', '用印', '送达']) {
        expect(canSeeTask(clerk, townTask(step))).toBe(true);
        expect(canActOnTask(clerk, townTask(step))).toBe((steps as readonly string[]).includes(step));
        expect(canSeeTask(clerk, townTask(step, OTHER_TOWN))).toBe(false);
        expect(canActOnTask(clerk, townTask(step, OTHER_TOWN))).toBe(false);
      }
      expect(canSeeTask(clerk, villageTask)).toBe(false);
      expect(canSeeTask(clerk, countyTask('140525-mz'))).toBe(false);
    },
  );

  it('a county officer: only their bureau’s tasks in their county', () => {
    const officer = person(['county-officer'], { unitCode: '140525-mz' });
    expect(canSeeTask(officer, countyTask('140525-mz'))).toBe(true);
    expect(canActOnTask(officer, countyTask('140525-mz'))).toBe(true);
    expect(canSeeTask(officer, countyTask('140525-rs'))).toBe(false);
    expect(canSeeTask(officer, countyTask('140521-mz', '140521'))).toBe(false);
    expect(canSeeTask(officer, townTask('审核'))).toBe(false);
  });

  it.each(['supervisor', 'auditor', 'admin'] as const)('%s: the whole county, read-only', (role) => {
    const watcher = person([role]);
    for (const task of [
      villageTask,
      townTask('受理'),
      townTask('决定', OTHER_TOWN),
      countyTask('140525-rs'),
    ]) {
      expect(canSeeTask(watcher, task)).toBe(true);
      expect(canActOnTask(watcher, task)).toBe(false);
    }
    expect(canSeeTask(watcher, countyTask('140521-mz', '140521'))).toBe(false);
    expect(taskScopesOf(watcher)).toEqual([{ kind: 'county-read-only', county: ZEZHOU }]);
  });

  it('a person with two roles gets the union of both', () => {
    const both = person(['town-window', 'town-reviewer'], { town: NANCUN });
    expect(canActOnTask(both, townTask('受理'))).toBe(true);
    expect(canActOnTask(both, townTask('审核'))).toBe(true);
    expect(canActOnTask(both, townTask('决定'))).toBe(false);
  });

  it('refuses with AUTH.OUT_OF_SCOPE (403) when acting outside one’s scope', () => {
    const clerk = person(['town-window'], { town: OTHER_TOWN });
    expect(() => assertCanActOnTask(clerk, townTask('受理'))).toThrow(
      expect.objectContaining({ code: AuthErrorCode.OUT_OF_SCOPE, httpStatus: 403 }),
    );
    expect(() => assertCanActOnTask(clerk, townTask('受理', OTHER_TOWN))).not.toThrow();
  });

  it('names the town role that takes each step of the center, and none for steps outside it', () => {
    expect(['受理', '审核', '决定', '用印', '送达', '代办'].map(townRoleTaking)).toEqual([
      'town-window',
      'town-reviewer',
      'town-leader',
      'seal-keeper',
      'town-window',
      undefined,
    ]);
  });

  it('names where each person acts, as an inbox query filters: a town role only its own steps, a watcher nowhere', () => {
    expect(
      actScopesOf(person(['town-reviewer', 'village-agent'], { town: NANCUN, village: YUANJIA })),
    ).toEqual([
      { kind: 'town', county: ZEZHOU, town: NANCUN, stepNames: ['初审', '审核', '复核'] },
      { kind: 'village', county: ZEZHOU, village: YUANJIA },
    ]);
    expect(actScopesOf(person(['county-officer'], { unitCode: '140525-mz' }))).toEqual([
      { kind: 'county-unit', county: ZEZHOU, unitCode: '140525-mz' },
    ]);
    expect(actScopesOf(person(['supervisor', 'auditor']))).toEqual([]);
  });
});
