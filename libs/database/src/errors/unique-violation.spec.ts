import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

const refused = (code: string, constraint?: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), { code, constraint }));

describe('a statement refused for a row already there', () => {
  it('is told apart from other refusals, and by the index that refused it when asked', () => {
    expect(isUniqueViolation(refused('23505', 'documents_one_number'))).toBe(true);
    expect(isUniqueViolation(refused('23505', 'documents_one_number'), 'documents_one_number')).toBe(true);
    expect(
      isUniqueViolation(refused('23505', 'documents_one_number'), 'reserved_document_numbers_pkey'),
    ).toBe(false);
    expect(isUniqueViolation(refused('23503'))).toBe(false);
    expect(isUniqueViolation(new Error('connection lost'))).toBe(false);
  });
});
