import { lookupDigest } from '@oneseal/domain';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * What the words typed in one search box can mean, as one SQL condition over routing.routed_cases: a receipt
 * number, an ID number or a mobile number (matched by their keyed digests, never stored in clear), the last digits
 * of any of them, or part of a name (applicant or matter). Its values are appended to `values`.
 */
export function whatWasTyped(q: string, key: Buffer, values: unknown[]): string {
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const text = q.replace(/\s+/g, '');
  if (/^\d{6}-\d{8}-\d{6}$/.test(text)) return `receipt_number = ${add(text)}`;
  if (/^\d{17}[\dXx]$/.test(text))
    return `applicant_id_digest = ${add(lookupDigest(key, 'id-number', text))}`;
  if (/^1[3-9]\d{9}$/.test(text)) return `applicant_phone_digest = ${add(lookupDigest(key, 'phone', text))}`;
  const upper = text.toUpperCase();
  if (/^[\dX]{4,6}$/.test(upper)) {
    // The last digits of a receipt, an ID number or a phone: a clerk types whichever the applicant holds.
    const tail = add(`%${escapeLike(upper)}`);
    const phone = upper.length === 4 ? ` OR applicant_phone_tail = ${add(upper)}` : '';
    return `(receipt_number LIKE ${tail} OR applicant_id_tail LIKE ${tail}${phone})`;
  }
  const like = add(`%${escapeLike(text)}%`);
  return `(applicant_name LIKE ${like} OR matter_name LIKE ${like} OR receipt_number LIKE ${like})`;
}
