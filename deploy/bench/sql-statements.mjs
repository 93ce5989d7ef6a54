// SQL statements each service ran, from PostgreSQL's pg_stat_statements (loaded by `npm start`'s PostgreSQL): every
// service logs in as a role of its own (oneseal_<schema>), so the statements are counted per service.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

/** Calls per login role so far, or a reason they cannot be counted (the extension not loaded or not created). */
export async function statementsByRole(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT r.rolname AS role, sum(s.calls)::bigint AS calls
         FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        GROUP BY r.rolname`,
    );
    return new Map(rows.map((row) => [row.role, Number(row.calls)]));
  } catch (error) {
    return `${String(error.message).split('\n')[0]} (pg_stat_statements is loaded when PostgreSQL starts: npm run stop, npm start)`;
  } finally {
    await client.end();
  }
}

/** Statements per complete lifecycle, by service (its role's name without the owner's prefix). */
export function printStatements(before, after, done) {
  if (done === 0) return;
  if (typeof before === 'string' || typeof after === 'string') {
    console.log(
      `\nSQL statements per lifecycle: not counted: ${typeof before === 'string' ? before : after}`,
    );
    return;
  }
  const rows = [...after]
    .filter(([role]) => role.startsWith('oneseal_') && role !== 'oneseal_monitor')
    .map(([role, calls]) => [role.replace(/^oneseal_/, ''), (calls - (before.get(role) ?? 0)) / done])
    .filter(([, perLifecycle]) => perLifecycle > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `\nSQL statements per lifecycle, by service (total ${total.toFixed(0)}; the bench's reads included):`,
  );
  for (const [service, n] of rows) console.log(`  ${service.padEnd(13)} ${n.toFixed(1).padStart(7)}`);
}
