import { createHash } from 'node:crypto';

/**
 * What an applicant proves they know to see their case: the receipt number on their slip and their mobile
 * number. Stored only as this digest, so the read model holds no phone number.
 */
export function progressKeyOf(receiptNumber: string, mobile: string): string {
  return createHash('sha256')
    .update(`oneseal-progress|${receiptNumber.trim()}|${mobile.trim()}`)
    .digest('hex');
}
