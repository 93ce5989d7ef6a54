// SQL statements each service ran, from PostgreSQL's pg_stat_statements (loaded by `npm start`'s PostgreSQL): every
// service logs in as a role of its own (oneseal_<schema>), so the statements are counted per service, with the
// table and index pages they had to read from disk and the write-ahead log they wrote (full page images included):
// counts that show a change to what is written, and how, whatever else the machine was doing.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

/** Calls, pages read and WAL bytes per login role so far, or a reason they cannot be counted. */
export async function statementsByRole(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT r.rolname AS role, sum(s.calls)::bigint AS calls, sum(s.shared_blks_read)::bigint AS "pagesRead",
              sum(s.wal_bytes)::bigint AS "walBytes"
         FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        GROUP BY r.rolname`,
    );
    return new Map(
      rows.map((row) => [
        row.role,
        { calls: Number(row.calls), pagesRead: Number(row.pagesRead), walBytes: Number(row.walBytes) },
      ]),
    );
  } catch (error) {
    return `${String(error.message).split('\n')[0]} (pg_stat_statements is loaded when PostgreSQL starts: npm run stop, npm start)`;
  } finally {
    await client.end();
  }
}

/** Why counts read before and after a run cannot be compared: the reason either read gave instead, if any. */
export function whyNotCounted(before, after) {
  if (typeof before === 'string') return before;
  if (typeof after === 'string') return after;
  return undefined;
}

/** Statements per complete lifecycle, by service (its role's name without the owner's prefix). */
export function printStatements(before, after, done) {
  if (done === 0) return;
  const notCounted = whyNotCounted(before, after);
  if (notCounted) {
    console.log(`\nSQL statements per lifecycle: not counted: ${notCounted}`);
    return;
  }
  const per = (role, field) => (role[field] - (before.get(role.name)?.[field] ?? 0)) / done;
  const rows = [...after]
    .filter(([role]) => role.startsWith('oneseal_') && role !== 'oneseal_monitor')
    .map(([name, counts]) => {
      const role = { name, ...counts };
      return {
        service: name.replace(/^oneseal_/, ''),
        calls: per(role, 'calls'),
        pagesRead: per(role, 'pagesRead'),
        walKb: per(role, 'walBytes') / 1024,
      };
    })
    .filter((row) => row.calls > 0)
    .sort((a, b) => b.calls - a.calls);
  const total = (field) => rows.reduce((sum, row) => sum + row[field], 0);
  console.log(
    `\nSQL statements per lifecycle, by service (total ${total('calls').toFixed(0)}; the bench's reads included),` +
      ` with the pages they read from disk and the WAL they wrote (total ${total('pagesRead').toFixed(1)} pages,` +
      ` ${total('walKb').toFixed(0)} kB):`,
  );
  for (const row of rows)
    console.log(
      `  ${row.service.padEnd(13)} ${row.calls.toFixed(1).padStart(7)}   ${row.pagesRead.toFixed(1).padStart(6)} pages read` +
        `   ${row.walKb.toFixed(1).padStart(7)} kB WAL`,
    );
}
