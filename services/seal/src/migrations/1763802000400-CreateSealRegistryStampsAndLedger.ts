import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seal registry (seals, their lifecycle transitions, the county seal makers), the stamped documents and
 * their stamps, and the seal ledger (用印登记). The database itself guarantees the two rules that matter most:
 * at most one 启用 approval seal per town, and one stamp per decision; the ledger and stamps are append-only.
 */
export class CreateSealRegistryStampsAndLedger1763802000400 implements MigrationInterface {
  name = 'CreateSealRegistryStampsAndLedger1763802000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seal.seal_makers (
        county                char(6) PRIMARY KEY,
        name                  text NOT NULL,
        public_key            text NOT NULL,
        private_key_encrypted text NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE seal.seals (
        id                    uuid PRIMARY KEY,
        county                char(6) NOT NULL,
        town                  char(9) NOT NULL,
        county_name           text NOT NULL,
        town_name             text NOT NULL,
        kind                  text NOT NULL CHECK (kind IN ('approval', 'legacy')),
        name                  text NOT NULL,
        status                text NOT NULL CHECK (status IN ('申报', '审批', '刻制', '备案', '启用', '停用', '封存')),
        -- A legacy seal is a physical seal of an internal office or a county department's outpost: the reform
        -- inventories it and seals it away; it never gets a key and never stamps.
        former_holder         text,
        public_key            text,
        private_key_encrypted text,
        record                jsonb,
        valid_from            timestamptz,
        valid_to              timestamptz,
        activated_at          timestamptz,
        retired_at            timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT seals_legacy_only_sealed_away CHECK (kind = 'approval' OR status = '封存'),
        CONSTRAINT seals_engraved_have_keys CHECK (
          status NOT IN ('刻制', '备案', '启用') OR (public_key IS NOT NULL AND private_key_encrypted IS NOT NULL AND record IS NOT NULL)
        ),
        CONSTRAINT seals_active_since CHECK (status <> '启用' OR activated_at IS NOT NULL)
      )`);
    // 一枚印章: whatever the service does, two approval seals of one town are never in force together.
    await queryRunner.query(`
      CREATE UNIQUE INDEX seals_one_active_approval_seal_per_town
        ON seal.seals (town) WHERE kind = 'approval' AND status = '启用'`);
    await queryRunner.query(`CREATE INDEX seals_by_town ON seal.seals (town, created_at)`);
    await queryRunner.query(`
      CREATE TABLE seal.seal_transitions (
        seq         bigserial PRIMARY KEY,
        seal_id     uuid NOT NULL REFERENCES seal.seals (id),
        from_status text,
        to_status   text NOT NULL,
        actor       text NOT NULL,
        reason      text,
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX seal_transitions_by_seal ON seal.seal_transitions (seal_id, seq)`);
    await queryRunner.query(`
      CREATE TABLE seal.documents (
        id          uuid PRIMARY KEY,
        decision_id text NOT NULL UNIQUE,
        case_id     uuid NOT NULL,
        county      char(6) NOT NULL,
        town        char(9) NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('decision', 'proof', 'certificate')),
        title       text NOT NULL,
        pdf         bytea NOT NULL,
        sm3         char(64) NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE seal.stamps (
        id                uuid PRIMARY KEY,
        -- One stamp per decision, however often the request is retried or redelivered.
        decision_id       text NOT NULL UNIQUE,
        document_id       uuid NOT NULL UNIQUE REFERENCES seal.documents (id),
        seal_id           uuid NOT NULL REFERENCES seal.seals (id),
        case_id           uuid NOT NULL,
        county            char(6) NOT NULL,
        town              char(9) NOT NULL,
        stamper           text NOT NULL,
        requested_by      text NOT NULL,
        stamped_at        timestamptz NOT NULL,
        document_sm3      char(64) NOT NULL,
        signature         text NOT NULL,
        verification_code text NOT NULL UNIQUE,
        record            jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX stamps_by_case ON seal.stamps (case_id)`);
    await queryRunner.query(`
      CREATE TABLE seal.ledger (
        seq          bigserial PRIMARY KEY,
        entry        text NOT NULL CHECK (entry IN ('stamped', 'refused')),
        at           timestamptz NOT NULL DEFAULT now(),
        county       char(6) NOT NULL,
        town         char(9) NOT NULL,
        seal_id      uuid,
        case_id      text NOT NULL,
        decision_id  text NOT NULL,
        document_id  uuid,
        stamp_id     uuid,
        stamper      text NOT NULL,
        requested_by text NOT NULL,
        reason_code  text,
        reason       text,
        CONSTRAINT ledger_stamp_complete CHECK (
          entry <> 'stamped' OR (seal_id IS NOT NULL AND document_id IS NOT NULL AND stamp_id IS NOT NULL)
        ),
        CONSTRAINT ledger_refusal_explained CHECK (entry <> 'refused' OR reason_code IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX ledger_by_town ON seal.ledger (town, seq)`);
    await queryRunner.query(`CREATE INDEX ledger_by_case ON seal.ledger (case_id, seq)`);
    // The ledger and the stamps are a record of what happened: rows are added, never changed or removed.
    await queryRunner.query(`
      CREATE FUNCTION seal.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'seal.% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
      END $$`);
    for (const table of ['ledger', 'stamps', 'seal_transitions']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON seal.${table}
        FOR EACH ROW EXECUTE FUNCTION seal.refuse_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON seal.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION seal.refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE seal.ledger`);
    await queryRunner.query(`DROP TABLE seal.stamps`);
    await queryRunner.query(`DROP TABLE seal.documents`);
    await queryRunner.query(`DROP TABLE seal.seal_transitions`);
    await queryRunner.query(`DROP TABLE seal.seals`);
    await queryRunner.query(`DROP TABLE seal.seal_makers`);
    await queryRunner.query(`DROP FUNCTION seal.refuse_change()`);
  }
}
