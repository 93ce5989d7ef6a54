import { CodedError } from '@oneseal/errors';

/**
 * What a call was refused with — its stable code (HALL.SLOT_FULL, AUTH.OUT_OF_SCOPE …) — or 'none' when it went
 * through: how a test checks a refusal is the one a user would be shown.
 */
export async function refusalCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'none';
  } catch (error) {
    return error instanceof CodedError ? error.code : String(error);
  }
}
