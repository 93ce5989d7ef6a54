import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createSuiteDatabase, engineEndpoints, type SuiteDatabase } from '@oneseal/testing';
import {
  applyMonitorAccess,
  MONITOR_GRANT,
  monitorRoleName,
  runMigrations,
  serviceDataSourceOptions,
  serviceRoleName,
} from '../src';

// Every service's schema, migrated into the template by the services' own migrate commands.
const SCHEMAS = ['intake', 'routing', 'approval', 'seal', 'notification', 'audit', 'identity'] as const;
const DENIED = '42501'; // insufficient_privilege

/** Runs `sql` logged in as `role` (no password: the local cluster trusts loopback): rows, or the SQLSTATE refused. */
async function asRole(
  url: string,
  role: string,
  sql: string,
): Promise<{ rows?: unknown[]; refused?: string }> {
  const target = new URL(url);
  target.username = role;
  target.password = '';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query('BEGIN');
    return { rows: (await client.query(sql)).rows };
  } catch (error) {
    return { refused: (error as { code?: string }).code ?? String(error) };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function withOwner<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const membershipsOf = (dataSource: DataSource, role: string) =>
  dataSource
    .query(
      `SELECT granted.rolname FROM pg_auth_members m
         JOIN pg_roles granted ON granted.oid = m.roleid
         JOIN pg_roles member ON member.oid = m.member
        WHERE member.rolname = $1 ORDER BY 1`,
      [role],
    )
    .then((rows: { rolname: string }[]) => rows.map((row) => row.rolname));

describe("the monitoring role PostgreSQL's exporter logs in as", () => {
  let database: SuiteDatabase;
  const owner = new URL(engineEndpoints().databaseUrl).username;
  const monitor = monitorRoleName(owner);

  beforeAll(async () => {
    database = await createSuiteDatabase('monitor-access');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('is <owner>_monitor: oneseal_monitor where the owner role is oneseal, as every profile has it', () => {
    expect(monitorRoleName('oneseal')).toBe('oneseal_monitor');
  });

  it('exists after the migrate commands, may log in, and is a member of pg_monitor and of nothing else', async () => {
    await withOwner(database.url, async (dataSource) => {
      const [attributes] = (await dataSource.query(
        `SELECT rolcanlogin, rolinherit, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls
           FROM pg_roles WHERE rolname = $1`,
        [monitor],
      )) as Record<string, boolean>[];
      expect(attributes).toEqual({
        rolcanlogin: true,
        // pg_monitor's rights reach a member through inheritance only.
        rolinherit: true,
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
        rolreplication: false,
        rolbypassrls: false,
      });
      expect(await membershipsOf(dataSource, monitor)).toEqual([MONITOR_GRANT]);
    });
  });

  it("reads what the exporter needs: other sessions' statements, every setting", async () => {
    await withOwner(database.url, async (dataSource) => {
      const marker = `monitor-probe-${process.pid}`;
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        // The owner's session stays on this statement while the monitor looks.
        const busy = runner.query(`SELECT pg_sleep(1.5), '${marker}'`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const seen = await asRole(
          database.url,
          monitor,
          `SELECT usename FROM pg_stat_activity WHERE query LIKE '%${marker}%' AND pid <> pg_backend_pid()`,
        );
        expect(seen).toEqual({ rows: [{ usename: owner }] });
        await busy;
      } finally {
        await runner.release();
      }
    });
    // A setting only superusers and pg_read_all_settings see.
    const setting = await asRole(database.url, monitor, 'SHOW data_directory');
    expect(setting.refused).toBeUndefined();
  });

  it.each(SCHEMAS)('reads nothing of %s: neither its tables nor its data', async (schema) => {
    expect(await asRole(database.url, monitor, `SELECT count(*) FROM "${schema}".schema_migrations`)).toEqual(
      {
        refused: DENIED,
      },
    );
  });

  it('changes nothing: no table of its own, no table of the services', async () => {
    expect(await asRole(database.url, monitor, 'CREATE TABLE public.smuggled (id int)')).toEqual({
      refused: DENIED,
    });
    expect(await asRole(database.url, monitor, 'DELETE FROM identity.schema_migrations')).toEqual({
      refused: DENIED,
    });
  });

  it('loses on the next migrate a membership granted by hand since, and is a member of pg_monitor again', async () => {
    const handGranted = serviceRoleName(owner, 'audit');
    await withOwner(database.url, async (dataSource) => {
      try {
        await dataSource.query(`GRANT "${handGranted}" TO "${monitor}"`);
        await dataSource.query(`REVOKE ${MONITOR_GRANT} FROM "${monitor}"`);
        expect(await membershipsOf(dataSource, monitor)).toEqual([handGranted]);
        expect(await applyMonitorAccess(dataSource)).toBe(monitor);
        expect(await membershipsOf(dataSource, monitor)).toEqual([MONITOR_GRANT]);
      } finally {
        await dataSource.query(`REVOKE "${handGranted}" FROM "${monitor}"`).catch(() => undefined);
        await dataSource.query(`GRANT ${MONITOR_GRANT} TO "${monitor}"`);
      }
    });
  });

  it('never fails a migrate run: a monitoring role that cannot be set up is reported, the migrations applied', async () => {
    // A database of the owner's own: suite databases belong to the superuser, and migrations create their schema.
    const probe = `oneseal_t_monitor_probe_${randomBytes(4).toString('hex')}`;
    const probeUrl = new URL(database.url);
    probeUrl.pathname = `/${probe}`;
    await withOwner(database.url, (dataSource) => dataSource.query(`CREATE DATABASE ${probe}`));
    const previous = process.env.DATABASE_MONITOR_PASSWORD_FILE;
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    process.env.DATABASE_MONITOR_PASSWORD_FILE = '/nonexistent/database-password-monitor';
    try {
      const run = await runMigrations({
        ...serviceDataSourceOptions({
          url: probeUrl.toString(),
          schema: 'probe',
          entities: [],
          migrations: [],
        }),
        schema: 'probe',
      });
      expect(run).toEqual({ applied: [], serviceRole: undefined, monitorRole: undefined });
      expect(written.join('')).toMatch(/warning: the monitoring role was not made or updated \(ENOENT/);
    } finally {
      write.mockRestore();
      if (previous === undefined) delete process.env.DATABASE_MONITOR_PASSWORD_FILE;
      else process.env.DATABASE_MONITOR_PASSWORD_FILE = previous;
      await withOwner(database.url, (dataSource) =>
        dataSource.query(`DROP DATABASE IF EXISTS ${probe} WITH (FORCE)`),
      );
    }
    await withOwner(database.url, async (dataSource) => {
      expect(await membershipsOf(dataSource, monitor)).toEqual([MONITOR_GRANT]);
    });
  });
});
