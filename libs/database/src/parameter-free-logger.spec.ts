import { ParameterFreeLogger } from './parameter-free-logger';

describe('database logging without the values', () => {
  it('logs a failed query with its SQL and the database’s message, never its parameters', () => {
    const lines: string[] = [];
    const logger = new ParameterFreeLogger({
      error: (line) => lines.push(line),
      warn: (line) => lines.push(line),
      log: (line) => lines.push(line),
    });
    logger.logQueryError(
      new Error('duplicate key value violates unique constraint "applications_idempotency_uq"'),
      'INSERT INTO intake.applications (id, applicant_name, applicant_id_number, applicant_phone)\n  VALUES ($1, $2, $3, $4)',
      ['c1', '张三', '140525199001011234', '13812345678'],
    );
    expect(lines).toEqual([
      'query failed: duplicate key value violates unique constraint "applications_idempotency_uq" -- INSERT INTO intake.applications (id, applicant_name, applicant_id_number, applicant_phone) VALUES ($1, $2, $3, $4)',
    ]);
    expect(lines.join('')).not.toMatch(/张三|140525199001011234|13812345678/);
  });
});
