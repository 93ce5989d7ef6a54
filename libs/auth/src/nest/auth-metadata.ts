import { SetMetadata } from '@nestjs/common';
import type { Role } from '../roles';

export const IS_PUBLIC = 'oneseal:auth:public';
export const REQUIRED_ROLES = 'oneseal:auth:roles';

/** The route answers without a token (health, the public key, login, public verification of a document). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only people with at least one of these roles may call the route (on a handler or a whole controller). */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(REQUIRED_ROLES, roles);
