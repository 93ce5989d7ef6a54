import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The long-term record of everything that happened (Temporal keeps workflow history only for its retention
 * period). Append-only by trigger; each event's hash covers the previous one of its stream, so an altered or
 * removed event breaks the chain from that point on.
 */
export class CreateEventLog1763800000600 implements MigrationInterface {
  name = 'CreateEventLog1763800000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.events (
        seq           bigserial PRIMARY KEY,
        stream_id     text NOT NULL,
        version       int NOT NULL CHECK (version >= 1),
        event_id      uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        type          text NOT NULL,
        event_version int NOT NULL,
        occurred_at   timestamptz NOT NULL,
        county        char(6) NOT NULL,
        town          char(9),
        envelope      jsonb NOT NULL,
        prev_hash     char(64) NOT NULL,
        hash          char(64) NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_uq UNIQUE (stream_id, version)
      )`);
    await queryRunner.query(`CREATE INDEX events_county_town_idx ON audit.events (county, town, seq)`);
    await queryRunner.query(`
      CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON audit.events
      FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.events
      FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.events`);
    await queryRunner.query(`DROP FUNCTION audit.refuse_change()`);
  }
}
