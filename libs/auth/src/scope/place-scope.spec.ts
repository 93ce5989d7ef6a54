import { AuthErrorCode } from '../auth-error';
import type { AuthUser } from '../auth-user';
import type { Role } from '../roles';
import { assertReachesPlace, reachesPlace } from './place-scope';

const person = (roles: Role[], scope: Partial<AuthUser> = {}): AuthUser => ({
  id: 'u',
  name: '某',
  roles,
  county: '140525',
  ...scope,
});

describe('how far a person reaches over towns and counties', () => {
  it('a supervisor, an auditor, an administrator or a county officer: every town of their own county only', () => {
    for (const roles of [['supervisor'], ['auditor'], ['admin'], ['county-officer']] as Role[][]) {
      const user = person(roles, { unitCode: '140525-mz' });
      expect(reachesPlace(user, { county: '140525' })).toBe(true);
      expect(reachesPlace(user, { county: '140525', town: '140525101' })).toBe(true);
      expect(reachesPlace(user, { county: '140521', town: '140521100' })).toBe(false);
    }
  });

  it('a town role or a village agent: their own town, never the county as a whole or a neighbouring town', () => {
    const keeper = person(['seal-keeper'], { town: '140525100' });
    expect(reachesPlace(keeper, { county: '140525', town: '140525100' })).toBe(true);
    expect(reachesPlace(keeper, { county: '140525', town: '140525101' })).toBe(false);
    expect(reachesPlace(keeper, { county: '140525' })).toBe(false);
    const agent = person(['village-agent'], { town: '140525100', village: '140525100201' });
    expect(reachesPlace(agent, { county: '140525', town: '140525100' })).toBe(true);
  });

  it('refuses with AUTH.OUT_OF_SCOPE and names the place', () => {
    expect(() =>
      assertReachesPlace(person(['town-window'], { town: '140525101' }), {
        county: '140525',
        town: '140525100',
      }),
    ).toThrow(
      expect.objectContaining({
        code: AuthErrorCode.OUT_OF_SCOPE,
        details: { county: '140525', town: '140525100' },
      }),
    );
  });
});
