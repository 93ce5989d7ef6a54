import { AuthErrorCode, type AuthUser } from '@oneseal/auth';
import { IntakeErrorCode } from './applications.errors';
import { assertMayFile } from './filing-scope';

const agent: AuthUser = {
  id: 'a',
  name: '原家村代办员',
  roles: ['village-agent'],
  county: '140525',
  town: '140525100',
  village: '140525100201',
};
const window: AuthUser = {
  id: 'w',
  name: '南村镇受理窗口',
  roles: ['town-window'],
  county: '140525',
  town: '140525100',
};
const here = { county: '140525', town: '140525100' };

const refusal = (user: AuthUser, filing: Parameters<typeof assertMayFile>[1]) => {
  try {
    assertMayFile(user, filing);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('who may file an application where, and through which channel', () => {
  it('a village agent files through 帮办代办 for their own village only', () => {
    expect(
      refusal(agent, { ...here, villageCode: '140525100201', channel: 'village-agent' }),
    ).toBeUndefined();
    expect(refusal(agent, { ...here, villageCode: '140525100202', channel: 'village-agent' })).toBe(
      IntakeErrorCode.VILLAGE_NOT_YOURS,
    );
    expect(refusal(agent, { ...here, channel: 'village-agent' })).toBe(IntakeErrorCode.VILLAGE_NOT_YOURS);
    expect(refusal(agent, { ...here, villageCode: '140525100201', channel: 'town-window' })).toBe(
      IntakeErrorCode.CHANNEL_NOT_YOURS,
    );
  });

  it('a town window files at its window, kiosk or online hall, in its own town only', () => {
    for (const channel of ['town-window', 'kiosk', 'online'] as const)
      expect(refusal(window, { ...here, channel })).toBeUndefined();
    expect(refusal(window, { ...here, channel: 'village-agent', villageCode: '140525100201' })).toBe(
      IntakeErrorCode.CHANNEL_NOT_YOURS,
    );
    expect(refusal(window, { county: '140525', town: '140525101', channel: 'town-window' })).toBe(
      AuthErrorCode.OUT_OF_SCOPE,
    );
    expect(refusal(window, { county: '140521', town: '140521100', channel: 'town-window' })).toBe(
      AuthErrorCode.OUT_OF_SCOPE,
    );
  });
});
