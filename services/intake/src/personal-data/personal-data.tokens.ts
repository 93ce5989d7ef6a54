/** The key (shared with routing) of the digests staff search people by: keyed, so they cannot be brute-forced. */
export const APPLICANT_LOOKUP_KEY = Symbol('APPLICANT_LOOKUP_KEY');
