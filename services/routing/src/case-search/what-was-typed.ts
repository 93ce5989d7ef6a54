import { isMainlandMobile, lookupDigest } from '@oneseal/domain';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * What the words typed in one search box can mean, as one SQL condition over routing.routed_cases: a receipt
 * number, an ID number or a mobile number (matched by their keyed digests, never stored in clear), the last digits
 * of any of them, or part of a name (applicant or matter). Its values are appended to `values`. `place` is where the
 * search looks (a county, a town in it), when it is one place: the name index then reads only that place's matches.
 */
export function whatWasTyped(
  q: string,
  key: Buffer,
  values: unknown[],
  place: SearchPlace = {},
  use: NameIndexUse = 'name-index',
): string {
  const parts = namesAndNumbers(q);
  if (parts.length > 1)
    return parts.map((part) => oneThingTyped(part, key, values, place, use)).join(' AND ');
  return oneThingTyped(q, key, values, place, use);
}

/**
 * 'each-case': the same condition, written so PostgreSQL checks each case it reads instead of asking the name index —
 * for the open cases, a county's few hundred, and for the latest ended cases when a common character matches more
 * than can be sorted: the index's list for such a character is long (20,000 entries for 王 at a million cases), and
 * LIKE on the two names costs a fraction of recomputing a case's index entries.
 */
export type NameIndexUse = 'name-index' | 'each-case';

/**
 * "婚姻 000073" is a matter and a number, each narrowing the search; "秀 英" is one name typed with a space, and an ID
 * or phone number may be typed in groups ("1405 2519…"). So words of letters run together into one name, and a
 * number typed beside a name stands on its own; numbers alone keep their spaces' meaning (one number).
 */
export function namesAndNumbers(q: string): string[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const isNumber = (word: string) => /^[\dXx-]+$/.test(word);
  if (words.every(isNumber) || words.every((word) => !isNumber(word))) return [q];
  const parts: string[] = [];
  for (const word of words) {
    const last = parts.at(-1);
    if (last !== undefined && !isNumber(word) && !isNumber(last)) parts[parts.length - 1] = last + word;
    else parts.push(word);
  }
  return parts;
}

function oneThingTyped(
  q: string,
  key: Buffer,
  values: unknown[],
  place: SearchPlace,
  use: NameIndexUse,
): string {
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const text = q.replace(/\s+/g, '');
  if (/^\d{6}-\d{8}-\d{6}$/.test(text)) return `receipt_number = ${add(text)}`;
  if (/^\d{17}[\dXx]$/.test(text))
    return `applicant_id_digest = ${add(lookupDigest(key, 'id-number', text))}`;
  if (isMainlandMobile(text)) return `applicant_phone_digest = ${add(lookupDigest(key, 'phone', text))}`;
  const upper = text.toUpperCase();
  if (/^[\dX]{4,6}$/.test(upper)) {
    // The last digits of a receipt, an ID number or a phone: a clerk types whichever the applicant holds.
    const tail = add(`%${escapeLike(upper)}`);
    const phone = upper.length === 4 ? ` OR applicant_phone_tail = ${add(upper)}` : '';
    return `(receipt_number LIKE ${tail} OR applicant_id_tail LIKE ${tail}${phone})`;
  }
  // Part of a receipt number, or of a name that holds digits (80周岁以上老年人…): both are looked at.
  const receipt = /^[\d-]+$/.test(text) ? `receipt_number LIKE ${add(`%${escapeLike(text)}%`)}` : undefined;
  const named = use === 'name-index' ? nameIndexed(text, place, add) : eachCaseNamed(text, place, add);
  return receipt ? `(${receipt} OR ${named})` : named;
}

function nameIndexed(text: string, place: SearchPlace, add: (value: unknown) => string): string {
  const keys = [
    ...gramsOf(text),
    ...(place.county ? [`county:${place.county}`] : []),
    ...(place.town ? [`town:${place.town}`] : []),
  ];
  const indexed = `routing.name_grams(county, town, applicant_name, matter_name) @> ${add(keys)}::text[]`;
  // One or two characters are matched by the index exactly; longer text by its pairs, so LIKE confirms their order.
  // (A redundant LIKE also misleads the planner: it then expects a handful of rows and sorts them all.)
  if (Array.from(text).length <= 2) return indexed;
  const like = add(`%${escapeLike(text)}%`);
  return `(${indexed} AND (applicant_name LIKE ${like} OR matter_name LIKE ${like}))`;
}

/** The index's meaning, checked on the case itself: the text in either name, in the place searched. */
function eachCaseNamed(text: string, place: SearchPlace, add: (value: unknown) => string): string {
  const like = add(`%${escapeLike(text)}%`);
  const where = [
    ...(place.county ? [`county = ${add(place.county)}`] : []),
    ...(place.town ? [`town = ${add(place.town)}`] : []),
  ];
  return `(${[...where, `(applicant_name LIKE ${like} OR matter_name LIKE ${like})`].join(' AND ')})`;
}

export interface SearchPlace {
  county?: string;
  town?: string;
}

/**
 * What a name holding `text` is indexed under (see the IndexNameCharacters migration): each pair of adjacent
 * characters, or the one character typed. Characters are code points, as PostgreSQL counts them.
 */
export function gramsOf(text: string): string[] {
  const characters = Array.from(text);
  if (characters.length === 1) return characters;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i += 1) pairs.add(characters[i] + characters[i + 1]);
  return [...pairs];
}
