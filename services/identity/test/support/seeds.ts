import { join } from 'node:path';
import { readDemoSeeds } from '../../src/demo-users/demo-seed-sources';
import { planDemoUsers } from '../../src/demo-users/demo-user-plan';

/** The demo accounts exactly as the seed command plans them from seeds/. */
export function plannedDemoUsers() {
  const { divisions, units } = readDemoSeeds(join(__dirname, '../../../../seeds'));
  return planDemoUsers(divisions, units);
}
