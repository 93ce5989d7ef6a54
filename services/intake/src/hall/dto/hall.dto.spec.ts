import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { TakeTicketDto } from './hall.dto';

const problemsOf = (plain: object) =>
  validateSync(plainToInstance(TakeTicketDto, plain), { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );

describe('taking a number', () => {
  it('needs the business, or the phone an appointment was made with', () => {
    expect(problemsOf({})).toEqual(['category']);
    expect(problemsOf({ category: 'social-assistance' })).toEqual([]);
    expect(problemsOf({ appointmentPhone: '13800138000', appointmentCode: '0482' })).toEqual([]);
    // The phone alone is not enough: anyone may know a neighbour's number, not the code sent to it.
    expect(problemsOf({ appointmentPhone: '13800138000' })).toEqual(['appointmentCode']);
    expect(problemsOf({ category: 'appointment' })).toEqual(['category']);
    expect(problemsOf({ appointmentPhone: '12345', appointmentCode: '12' })).toEqual([
      'appointmentPhone',
      'appointmentCode',
    ]);
  });
});
