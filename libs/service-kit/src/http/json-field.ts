import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RequestError, RequestErrorCode } from './request-errors';
import { refusalOf } from './request-hardening';
import { findUnsafeInput, jsonNestsDeeperThan } from './safe-text';
import { validationErrorsToException } from './validation-errors';

/**
 * A JSON document sent as one field of a multipart form (an application beside its pages), checked as a JSON body
 * is: bounded nesting, no unsafe characters, and the DTO's rules with the same 400 naming every problem.
 */
export function parseJsonField<T extends object>(raw: unknown, dto: ClassConstructor<T>, field: string): T {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new RequestError(RequestErrorCode.MALFORMED_JSON, { field });
  if (jsonNestsDeeperThan(Buffer.from(raw))) throw new RequestError(RequestErrorCode.TOO_DEEP, { field });
  let plain: unknown;
  try {
    plain = JSON.parse(raw);
  } catch {
    throw new RequestError(RequestErrorCode.MALFORMED_JSON, { field });
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain))
    throw new RequestError(RequestErrorCode.MALFORMED_JSON, { field });
  const unsafe = findUnsafeInput(plain, field);
  if (unsafe) throw refusalOf(unsafe);
  const instance = plainToInstance(dto, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationErrorsToException(errors);
  return instance;
}
