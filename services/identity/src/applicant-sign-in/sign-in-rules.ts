/**
 * How applicants' SMS sign-in is limited. A code lives five minutes and allows five wrong tries (a million codes:
 * guessing one is hopeless within them); a number gets a new code at most once a minute and five times an hour, an
 * address twenty times an hour (a village station helps several people from one address).
 */
export const SIGN_IN_RULES = {
  codeLifetimeSeconds: 5 * 60,
  resendAfterSeconds: 60,
  codesPerPhonePerHour: 5,
  codesPerSourcePerHour: 20,
  wrongAttemptsAllowed: 5,
} as const;
