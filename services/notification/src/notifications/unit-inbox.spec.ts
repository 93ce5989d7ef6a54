import type { AuthUser } from '@oneseal/auth';
import { inboxUnitsOf } from './unit-inbox';

const person = (scope: Omit<AuthUser, 'id' | 'name'>): AuthUser => ({ id: 'u', name: '某人', ...scope });

describe('the unit inboxes a person reads', () => {
  it('are the desk, station or bureau their roles work at', () => {
    expect(inboxUnitsOf(person({ roles: ['town-window'], county: '140525', town: '140525100' }))).toEqual([
      '140525100-window',
    ]);
    expect(
      inboxUnitsOf(person({ roles: ['town-leader', 'town-reviewer'], county: '140525', town: '140525100' })),
    ).toEqual(['140525100-approval', '140525100-review']);
    expect(
      inboxUnitsOf(
        person({ roles: ['village-agent'], county: '140525', town: '140525100', village: '140525100201' }),
      ),
    ).toEqual(['140525100201-station']);
    expect(
      inboxUnitsOf(person({ roles: ['county-officer'], county: '140525', unitCode: '140525-mz' })),
    ).toEqual(['140525-mz']);
  });

  it('give supervisors and administrators the county’s 电子监察 inbox, and auditors none', () => {
    expect(inboxUnitsOf(person({ roles: ['supervisor', 'admin'], county: '140525' }))).toEqual([
      '140525-supervision',
    ]);
    expect(inboxUnitsOf(person({ roles: ['auditor'], county: '140525' }))).toEqual([]);
  });
});
