import type { CaseStatus } from '@oneseal/contracts';
import { servedBy } from './served-by';

const record = (kind: string, outcome: string, handlerId: string, handlerName?: string) => ({
  index: 0,
  kind,
  taskId: `t-${handlerId}`,
  outcome,
  handlerId,
  handlerName,
  opinion: '',
  decidedAt: '2026-12-05T02:00:00.000Z',
});

describe('who served the applicant', () => {
  const status = {
    history: [
      record('受理', 'request-correction', 'w1', '窗口甲'),
      record('受理', 'approve', 'w2', '窗口乙'),
      record('审核', 'approve', 'r1', '审核员'),
      record('送达', 'approve', 'w3', '窗口丙'),
    ],
  } as unknown as CaseStatus;

  it('is who accepted for 受理 and the whole case, who handed over for 送达', () => {
    expect(servedBy(status, 'acceptance')).toEqual({ id: 'w2', name: '窗口乙' });
    expect(servedBy(status, 'case')).toEqual({ id: 'w2', name: '窗口乙' });
    expect(servedBy(status, 'delivery')).toEqual({ id: 'w3', name: '窗口丙' });
  });

  it('is whoever last served at the counter, whatever came of it (a 补正 asked is a service too)', () => {
    const asked = {
      history: [record('受理', 'request-correction', 'w1', '窗口甲')],
    } as unknown as CaseStatus;
    expect(servedBy(asked, 'acceptance')).toEqual({ id: 'w1', name: '窗口甲' });
    expect(servedBy(asked, 'case')).toBeUndefined();
  });

  it('is nobody before anyone served', () => {
    expect(servedBy({ history: [] } as unknown as CaseStatus, 'acceptance')).toBeUndefined();
  });
});
