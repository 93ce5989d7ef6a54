import { CreateApplications1763800000000 } from './1763800000000-CreateApplications';

/** In the order they run. */
export const INTAKE_MIGRATIONS = [CreateApplications1763800000000];
