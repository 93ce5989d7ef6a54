import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTY_GRANTABLE_ROLES, scopeProblem } from '@oneseal/auth';
import { readDemoSeeds } from './demo-seed-sources';
import { planDemoUsers } from './demo-user-plan';

const seeds = join(__dirname, '../../../../seeds');
const { divisions, units } = readDemoSeeds(seeds);
const matterUnits = new Set(
  readFileSync(join(seeds, 'catalogue/matter-units.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[1]),
);

describe('the demo accounts', () => {
  const users = planDemoUsers(divisions, units);

  it('cover every county role in the first town of 泽州县 and of 沁水县, each account with a valid scope; one system administrator', () => {
    const countyUsers = users.filter((user) => !user.roles.includes('system-admin'));
    for (const county of ['140525', '140521']) {
      const roles = new Set(
        countyUsers.filter((user) => user.county === county).flatMap((user) => user.roles),
      );
      expect([...roles].sort()).toEqual([...COUNTY_GRANTABLE_ROLES].sort());
    }
    expect(users.filter((user) => user.roles.includes('system-admin')).map((user) => user.loginName)).toEqual(
      ['system-admin'],
    );
    for (const user of users)
      expect({ login: user.loginName, problem: scopeProblem(user) }).toEqual({
        login: user.loginName,
        problem: undefined,
      });
    expect(new Set(users.map((user) => user.loginName)).size).toBe(users.length);
  });

  it('put the village agent in 原家村 of 南村镇 and the town staff in 南村镇, as the README walks through', () => {
    const byLogin = new Map(users.map((user) => [user.loginName, user]));
    expect(byLogin.get('zz-village-agent')).toEqual(
      expect.objectContaining({
        town: '140525100',
        village: '140525100201',
        displayName: '原家村代办员（演示）',
      }),
    );
    expect(byLogin.get('zz-town-window')).toEqual(
      expect.objectContaining({ town: '140525100', displayName: '南村镇受理窗口（演示）' }),
    );
    expect(byLogin.get('qs-town-leader')).toEqual(expect.objectContaining({ town: '140521100' }));
  });

  it('have a window and a reviewer in a second town of 泽州县', () => {
    const second = users.filter((user) => user.loginName.startsWith('zz2-'));
    expect(second.map((user) => [user.loginName, user.town, user.roles])).toEqual([
      ['zz2-town-window', '140525101', ['town-window']],
      ['zz2-town-reviewer', '140525101', ['town-reviewer']],
    ]);
  });

  it('have an officer for every county bureau that a matter routes to, in both counties', () => {
    for (const county of ['140525', '140521']) {
      const officers = users.filter(
        (user) => user.county === county && user.roles.includes('county-officer'),
      );
      expect(new Set(officers.map((user) => user.unitCode))).toEqual(
        new Set(units.map((unit) => `${county}-${unit.slug}`)),
      );
    }
    for (const slug of matterUnits)
      expect(users.some((user) => user.unitCode === `140525-${slug}`)).toBe(true);
    expect(users.find((user) => user.unitCode === '140525-mz')?.displayName).toBe(
      '泽州县民政局审批人员（演示）',
    );
    // A bureau that reviews and decides one case needs two people for it (审批分离).
    expect(
      users.filter((user) => user.unitCode === '140525-mz').map((user) => [user.loginName, user.displayName]),
    ).toEqual([
      ['zz-county-mz', '泽州县民政局审批人员（演示）'],
      ['zz-county-mz-leader', '泽州县民政局分管负责人（演示）'],
    ]);
  });
});
