/**
 * How applicants' SMS sign-in is limited. A code lives five minutes and allows five wrong tries; a number gets a new
 * code at most once a minute, five times an hour and ten times a day (so at most 50 guesses a day at one number
 * among a million codes), an address twenty times an hour (a village station helps several people from one address).
 */
export const SIGN_IN_RULES = {
  codeLifetimeSeconds: 5 * 60,
  resendAfterSeconds: 60,
  codesPerPhonePerHour: 5,
  codesPerPhonePerDay: 10,
  codesPerSourcePerHour: 20,
  wrongAttemptsAllowed: 5,
} as const;
