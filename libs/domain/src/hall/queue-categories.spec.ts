import { queueCategoryOfUnit, ticketText } from './queue-categories';

describe('the lines of the service hall', () => {
  it('puts a matter in the line of its bureau, anything unlisted in 综合事务', () => {
    expect(queueCategoryOfUnit('140525-mz')).toBe('social-assistance');
    expect(queueCategoryOfUnit('140525-rs')).toBe('social-security');
    expect(queueCategoryOfUnit('140521-nync')).toBe('rural');
    expect(queueCategoryOfUnit('140525-sf')).toBe('general');
  });

  it('writes a number as the hall calls it', () => {
    expect(ticketText('social-assistance', 7)).toBe('B007');
    expect(ticketText('appointment', 112)).toBe('Y112');
  });
});
