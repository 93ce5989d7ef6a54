import { QueryFailedError } from 'typeorm';

/**
 * The statement failed because a row with the same values was already there (PostgreSQL 23505); with `constraint`,
 * only when it was that unique index or constraint that refused it.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
