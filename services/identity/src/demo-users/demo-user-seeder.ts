import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../passwords/password-hash';
import type { DemoUser } from './demo-user-plan';

export interface DemoSeedSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

const scopeValues = (user: DemoUser) => [
  user.displayName,
  user.roles,
  user.county,
  user.town ?? null,
  user.village ?? null,
  user.unitCode ?? null,
];

async function upsert(
  manager: EntityManager,
  user: DemoUser,
  password: string,
): Promise<keyof DemoSeedSummary> {
  const [existing] = (await manager.query(`SELECT id FROM identity.users WHERE login_name = $1`, [
    user.loginName,
  ])) as { id: string }[];
  if (!existing) {
    await manager.query(
      `INSERT INTO identity.users (id, login_name, password_hash, display_name, roles, county, town, village, unit_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [randomUUID(), user.loginName, await hashPassword(password), ...scopeValues(user)],
    );
    return 'created';
  }
  // Name, roles and scope follow the plan; the password and whether the account is active are left as people
  // set them (a demo account someone disabled stays disabled).
  const changed = (await manager.query(
    `UPDATE identity.users SET display_name = $2, roles = $3, county = $4, town = $5, village = $6, unit_code = $7,
            updated_at = now()
      WHERE login_name = $1
        AND (display_name, roles, county, town, village, unit_code) IS DISTINCT FROM ($2, $3::text[], $4, $5, $6, $7)
      RETURNING id`,
    [user.loginName, ...scopeValues(user)],
  )) as [unknown[], number];
  return changed[1] > 0 ? 'updated' : 'unchanged';
}

/** Creates the demo accounts that are missing and corrects those that drifted from the plan; safe to run again. */
export async function seedDemoUsers(
  dataSource: DataSource,
  users: readonly DemoUser[],
  password: string,
): Promise<DemoSeedSummary> {
  return dataSource.transaction(async (manager) => {
    const summary: DemoSeedSummary = { created: [], updated: [], unchanged: [] };
    for (const user of users) summary[await upsert(manager, user, password)].push(user.loginName);
    return summary;
  });
}
