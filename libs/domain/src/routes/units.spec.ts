import { countySupervision, townUnit, unitName, villageStation, type PlaceNames } from './units';

const names: PlaceNames = {
  county: { code: '140525', name: '泽州县' },
  towns: new Map([['140525100', '南村镇']]),
  villages: new Map([['140525100201', '东村']]),
  bureaus: new Map([['140525-mz', '县民政局']]),
};

describe('unitName: an inbox as a clerk names it', () => {
  it('names the units of a town, a village station, a bureau and the county’s supervision', () => {
    expect(unitName(townUnit.window('140525100'), names)).toBe('南村镇便民服务中心综合受理窗口');
    expect(unitName(townUnit.approval('140525100'), names)).toBe('南村镇分管领导（审批决定）');
    expect(unitName(villageStation('140525100201'), names)).toBe('东村便民服务站');
    const committees: PlaceNames = {
      ...names,
      villages: new Map([
        ['140525100200', '南村村委会'],
        ['140525100002', '杨洼社区居民委员会'],
      ]),
    };
    expect(unitName(villageStation('140525100200'), committees)).toBe('南村村便民服务站');
    expect(unitName(villageStation('140525100002'), committees)).toBe('杨洼社区便民服务站');
    expect(unitName('140525-mz', names)).toBe('县民政局');
    expect(unitName(countySupervision('140525'), names)).toBe('泽州县电子监察');
  });

  it('leaves a code it cannot place unnamed', () => {
    expect(unitName(townUnit.window('140525199'), names)).toBeUndefined();
    expect(unitName('140525-xx', names)).toBeUndefined();
  });
});
