import { mayFileOnline, onlineDeliveryMethods } from './online-filing';

describe('online filing by 网办深度', () => {
  it('is open from 网上申请 (level 3); below it the applicant comes to the window', () => {
    expect([0, 1, 2, 3, 4].map((onlineDepth) => mayFileOnline({ onlineDepth }))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('delivers electronically only when the matter is handled wholly online', () => {
    expect(onlineDeliveryMethods({ onlineDepth: 3, expressDelivery: true })).toEqual(['pick-up', 'express']);
    expect(onlineDeliveryMethods({ onlineDepth: 4, expressDelivery: false })).toEqual([
      'electronic',
      'pick-up',
    ]);
    expect(onlineDeliveryMethods({ onlineDepth: 2, expressDelivery: true })).toEqual([]);
  });
});
