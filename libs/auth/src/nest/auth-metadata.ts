import { SetMetadata } from '@nestjs/common';
import type { Role } from '../roles';

export const IS_PUBLIC = 'oneseal:auth:public';
export const REQUIRED_ROLES = 'oneseal:auth:roles';

/** The route answers without a token (health, the public key, login, public verification of a document). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only people with at least one of these roles may call the route (on a handler or a whole controller). */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(REQUIRED_ROLES, roles);

export const APPLICANT_ONLY = 'oneseal:auth:applicant';
export const SERVICE_ONLY = 'oneseal:auth:service';

/** Only an applicant signed in with their mobile number (an applicant token) may call the route; staff may not. */
export const ApplicantOnly = () => SetMetadata(APPLICANT_ONLY, true);

/** Only the named OneSeal service, with a service token minted to call this one, may call the route. */
export const ServiceOnly = (caller: { from: string; to: string }) => SetMetadata(SERVICE_ONLY, caller);
