import { resolve } from 'node:path';
import { SeededPlaceNames } from './seeded-place-names';
import { countySupervision, townUnit, villageStation } from './units';

const names = SeededPlaceNames.fromSeeds(resolve(__dirname, '../../../../seeds'));

describe('SeededPlaceNames: desks named from the reference data', () => {
  it('names town desks, village stations, bureaus and 电子监察 of both counties', () => {
    expect(names.unit(townUnit.review('140525100'))).toBe('南村镇便民服务中心审核岗');
    expect(names.unit(villageStation('140525100200'))).toBe('南村村便民服务站');
    expect(names.unit('140525-mz')).toBe('县民政局');
    expect(names.unit(countySupervision('140525'))).toBe('泽州县电子监察');
    expect(names.unit(countySupervision('140521'))).toBe('沁水县电子监察');
  });

  it('gives back a code it cannot place rather than a wrong name', () => {
    expect(names.unit('140525-unknown')).toBe('140525-unknown');
    expect(names.unit(townUnit.window('140525999'))).toBe('140525999-window');
  });
});
