/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
 * and a check character computed over the first 17 digits (ISO 7064 MOD 11-2).
 */
export type ResidentIdCheck =
  | { valid: true; birthDate: string; sex: 'male' | 'female' }
  | { valid: false; reason: ResidentIdProblem };

export type ResidentIdProblem = 'format' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** `today` bounds the birth date: nobody files an application before being born. */
export function checkResidentIdNumber(value: string, today: Date = new Date()): ResidentIdCheck {
  if (!/^\d{17}[\dX]$/.test(value)) return { valid: false, reason: 'format' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const isRealDate =
    birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!isRealDate || year < 1900 || birth.getTime() > today.getTime()) {
    return { valid: false, reason: 'birth-date' };
  }
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { valid: false, reason: 'check-digit' };
  }
  return {
    valid: true,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Mainland mobile numbers: 11 digits starting 13–19. SMS is the channel applicants are told on. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function isMainlandMobile(value: string): boolean {
  return MAINLAND_MOBILE.test(value);
}

/** For logs and lists: the ID number with birth date and sequence hidden. */
export function maskResidentIdNumber(value: string): string {
  return value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : '******';
}
