import { nextSealStatus, SEAL_STATUSES, type SealAction, type SealStatus } from './seal-lifecycle';
import { approvalSealName } from './seal-naming';

describe('the life of a seal', () => {
  it('goes 申报 → 审批 → 刻制 → 备案 → 启用 → 停用 → 封存', () => {
    const path: [SealAction, string][] = [
      ['approve', '审批'],
      ['engrave', '刻制'],
      ['file', '备案'],
      ['activate', '启用'],
      ['deactivate', '停用'],
      ['sealAway', '封存'],
    ];
    let status: SealStatus = SEAL_STATUSES[0];
    for (const [action, expected] of path) {
      const next = nextSealStatus(status, action);
      expect(next).toBe(expected);
      if (next) status = next;
    }
  });

  it('skips no step and brings nothing back from 封存', () => {
    expect(nextSealStatus('申报', 'activate')).toBeUndefined();
    expect(nextSealStatus('审批', 'file')).toBeUndefined();
    expect(nextSealStatus('刻制', 'activate')).toBeUndefined();
    expect(nextSealStatus('停用', 'activate')).toBeUndefined();
    const actions: SealAction[] = ['approve', 'engrave', 'file', 'activate', 'deactivate', 'sealAway'];
    for (const action of actions) expect(nextSealStatus('封存', action)).toBeUndefined();
    expect(nextSealStatus('启用', 'sealAway')).toBe('封存');
  });

  it('names the seal after its county and town', () => {
    expect(approvalSealName('泽州县', '南村镇')).toBe('泽州县南村镇人民政府行政审批服务专用章');
  });
});
