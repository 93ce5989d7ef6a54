import type { SuiteDataSource } from '@oneseal/testing';

/**
 * Runs SQL on the audit log as someone with the owner's rights who switches its append-only guards off first: what
 * a person with access to the database could do behind the service's back.
 */
export async function tamperWithLog(suite: SuiteDataSource, sql: string, params: unknown[]): Promise<void> {
  const guarded = ['events', 'checkpoints', 'checkpoint_heads'];
  await (
    await suite.owner()
  ).transaction(async (manager) => {
    // Checked statement by statement, so that the guards are back on with nothing left to check at commit.
    await manager.query(`SET CONSTRAINTS ALL IMMEDIATE`);
    for (const table of guarded) await manager.query(`ALTER TABLE audit.${table} DISABLE TRIGGER USER`);
    await manager.query(sql, params);
    for (const table of guarded) await manager.query(`ALTER TABLE audit.${table} ENABLE TRIGGER USER`);
  });
}
