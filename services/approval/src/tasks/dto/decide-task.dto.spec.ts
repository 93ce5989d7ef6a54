import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DeliveryRecordDto } from './decide-task.dto';

const problemsOf = (plain: object) =>
  validateSync(plainToInstance(DeliveryRecordDto, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).map((error) => error.property);

describe('the 送达 record of a decision', () => {
  const handedOver = { recipient: '周九', deliveredOn: '2026-12-07' };

  it('asks a posted result for its carrier and tracking number', () => {
    expect(problemsOf({ ...handedOver, method: 'express' })).toEqual(['carrier', 'trackingNumber']);
    expect(
      problemsOf({
        ...handedOver,
        method: 'express',
        carrier: '中国邮政EMS',
        trackingNumber: 'EA123456789CN',
      }),
    ).toEqual([]);
    expect(
      problemsOf({ ...handedOver, method: 'express', carrier: '某快递', trackingNumber: '单号' }),
    ).toEqual(['carrier', 'trackingNumber']);
  });

  it('refuses them on a result collected at the window or delivered electronically', () => {
    expect(problemsOf({ ...handedOver, method: 'pick-up' })).toEqual([]);
    expect(problemsOf({ ...handedOver, method: 'home', deliveredBy: '原家村代办员' })).toEqual([]);
    expect(problemsOf({ ...handedOver, method: 'by-pigeon' })).toEqual(['method']);
    expect(
      problemsOf({
        ...handedOver,
        method: 'pick-up',
        carrier: '中国邮政EMS',
        trackingNumber: 'EA123456789CN',
      }),
    ).toEqual(['carrier', 'trackingNumber']);
  });

  it('asks a result brought home (上门送达) for the one who carried it, the 送达人, and only such a result', () => {
    expect(problemsOf({ ...handedOver, method: 'home', deliveredBy: '原家村代办员' })).toEqual([]);
    expect(problemsOf({ ...handedOver, method: 'home' })).toEqual(['deliveredBy']);
    expect(problemsOf({ ...handedOver, method: 'home', deliveredBy: '  ' })).toEqual(['deliveredBy']);
    expect(problemsOf({ ...handedOver, method: 'pick-up', deliveredBy: '原家村代办员' })).toEqual([
      'deliveredBy',
    ]);
  });
});
