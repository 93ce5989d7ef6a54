import { randomBytes } from 'node:crypto';
import { formatTypedCode, normaliseTypedCode } from '@oneseal/domain';

const GROUPS = 4;

/** 16 characters in four groups (about 79 bits), printed on the document and entered on the verification page. */
export function newVerificationCode(): string {
  return formatTypedCode(randomBytes(GROUPS * 4), GROUPS);
}

/** Accepts what people type: lower case, spaces, missing or extra dashes. */
export function normaliseVerificationCode(input: string): string | undefined {
  return normaliseTypedCode(input, GROUPS);
}
