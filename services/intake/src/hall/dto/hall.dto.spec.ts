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
    expect(problemsOf({ appointmentPhone: '13800138000' })).toEqual([]);
    expect(problemsOf({ category: 'appointment' })).toEqual(['category']);
    expect(problemsOf({ appointmentPhone: '12345' })).toEqual(['appointmentPhone']);
  });
});
