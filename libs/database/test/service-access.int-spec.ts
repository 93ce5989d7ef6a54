import { Client } from 'pg';
import { createSuiteDatabase, engineEndpoints, type SuiteDatabase } from '@oneseal/testing';
import { serviceRoleName } from '../src';

// Every service's schema, migrated into the template by the services' own migrate commands.
const SCHEMAS = ['intake', 'routing', 'approval', 'seal', 'notification', 'audit', 'identity'] as const;

/** What PostgreSQL answers a statement with, as the given role: 'ok' or the SQLSTATE of the refusal. */
async function asRole(database: SuiteDatabase, role: string, sql: string): Promise<string> {
  const url = new URL(database.url);
  url.username = role;
  url.password = '';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

const DENIED = '42501'; // insufficient_privilege
const NOT_OWNER = '42501'; // "must be owner of table" carries the same code

describe('each service runs as its own database role (least privilege)', () => {
  let database: SuiteDatabase;
  const owner = new URL(engineEndpoints().databaseUrl).username;
  const role = (schema: string) => serviceRoleName(owner, schema);

  beforeAll(async () => {
    database = await createSuiteDatabase('service-access');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each(SCHEMAS)('%s reads and writes its own tables and cannot reach any other schema', async (schema) => {
    expect(await asRole(database, role(schema), `SELECT count(*) FROM "${schema}".schema_migrations`)).toBe(
      'ok',
    );
    for (const other of SCHEMAS.filter((candidate) => candidate !== schema)) {
      expect([
        other,
        await asRole(database, role(schema), `SELECT 1 FROM "${other}".schema_migrations`),
      ]).toEqual([other, DENIED]);
    }
  });

  it.each(SCHEMAS)('%s cannot change the shape of its own schema', async (schema) => {
    expect(await asRole(database, role(schema), `CREATE TABLE "${schema}".smuggled (id int)`)).toBe(DENIED);
    expect(
      await asRole(database, role(schema), `ALTER TABLE "${schema}".schema_migrations ADD COLUMN x int`),
    ).toBe(NOT_OWNER);
    expect(await asRole(database, role(schema), `DROP TABLE "${schema}".schema_migrations`)).toBe(NOT_OWNER);
  });

  it('audit may only add to and read its event log: no update, delete, truncate, nor dropping its triggers', async () => {
    const audit = role('audit');
    expect(await asRole(database, audit, 'SELECT count(*) FROM audit.events')).toBe('ok');
    expect(await asRole(database, audit, 'UPDATE audit.events SET topic = topic')).toBe(DENIED);
    expect(await asRole(database, audit, 'DELETE FROM audit.events')).toBe(DENIED);
    expect(await asRole(database, audit, 'TRUNCATE audit.events')).toBe(DENIED);
    expect(await asRole(database, audit, 'DROP TRIGGER events_append_only ON audit.events')).toBe(NOT_OWNER);
    expect(await asRole(database, audit, 'ALTER TABLE audit.events DISABLE TRIGGER ALL')).toBe(NOT_OWNER);
    // Its other tables (dead letters it marks as replayed) stay writable.
    expect(await asRole(database, audit, 'UPDATE audit.dead_letters SET replayed_at = now()')).toBe('ok');
  });

  it('seal may only add stamps, ledger lines and seal transitions, while it still manages its seals', async () => {
    const seal = role('seal');
    const aColumn = {
      stamps: 'case_id',
      ledger: 'seq',
      seal_transitions: 'seq',
      organ_setting_changes: 'seq',
    };
    for (const [table, column] of Object.entries(aColumn)) {
      expect([table, await asRole(database, seal, `UPDATE seal.${table} SET ${column} = ${column}`)]).toEqual(
        [table, DENIED],
      );
      expect([table, await asRole(database, seal, `DELETE FROM seal.${table}`)]).toEqual([table, DENIED]);
    }
    expect(await asRole(database, seal, `UPDATE seal.seals SET status = status`)).toBe('ok');
  });
});
