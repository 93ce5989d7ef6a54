import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications get delivered (SMS to applicants, the unit inbox for staff) with retries; the service keeps
 * each case's applicant contact, and parks events that need a contact it does not know yet.
 */
export class DeliverNotifications1763800000310 implements MigrationInterface {
  name = 'DeliverNotifications1763800000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        ADD COLUMN channel             text NOT NULL DEFAULT 'inbox' CHECK (channel IN ('sms', 'inbox')),
        ADD COLUMN template_params     jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN county              text,
        ADD COLUMN town                text,
        ADD COLUMN correlation_id      uuid,
        ADD COLUMN status              text NOT NULL DEFAULT 'sent' CHECK (status IN ('pending', 'sent', 'failed')),
        ADD COLUMN attempts            integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        ADD COLUMN next_attempt_at     timestamptz,
        ADD COLUMN last_error          text,
        ADD COLUMN provider            text,
        ADD COLUMN provider_message_id text,
        ADD COLUMN sent_at             timestamptz`);
    // Rows from before delivery existed were only ever shown in the unit's inbox: that was their delivery.
    await queryRunner.query(
      `UPDATE notification.notifications SET sent_at = created_at, provider = 'recording', attempts = 1 WHERE sent_at IS NULL`,
    );
    // From now on every new row states its channel and status.
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        ALTER COLUMN channel DROP DEFAULT,
        ALTER COLUMN status DROP DEFAULT,
        ADD CONSTRAINT notifications_pending_can_be_sent
          CHECK (status <> 'pending' OR (next_attempt_at IS NOT NULL AND county IS NOT NULL AND correlation_id IS NOT NULL))`);
    await queryRunner.query(
      `CREATE INDEX notifications_due_idx ON notification.notifications (next_attempt_at) WHERE status = 'pending'`,
    );

    await queryRunner.query(`
      CREATE TABLE notification.applicant_contacts (
        case_id         uuid PRIMARY KEY,
        county          text NOT NULL,
        town            text,
        applicant_name  text NOT NULL,
        phone           text NOT NULL,
        receipt_number  text NOT NULL,
        matter_name     text NOT NULL,
        delivery_method text NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);

    // Events about a case whose applicant is not known yet (topics are not ordered with each other); released
    // in the transaction that records the applicant.
    await queryRunner.query(`
      CREATE TABLE notification.parked_events (
        event_id  uuid PRIMARY KEY,
        case_id   uuid NOT NULL,
        topic     text NOT NULL,
        envelope  jsonb NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX parked_events_case_idx ON notification.parked_events (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.parked_events`);
    await queryRunner.query(`DROP TABLE notification.applicant_contacts`);
    await queryRunner.query(`DROP INDEX notification.notifications_due_idx`);
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        DROP CONSTRAINT notifications_pending_can_be_sent,
        DROP COLUMN channel, DROP COLUMN template_params, DROP COLUMN county, DROP COLUMN town,
        DROP COLUMN correlation_id, DROP COLUMN status, DROP COLUMN attempts, DROP COLUMN next_attempt_at,
        DROP COLUMN last_error, DROP COLUMN provider, DROP COLUMN provider_message_id, DROP COLUMN sent_at`);
  }
}
