import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SMS log of sign-in codes sent to applicants (网上办事登录), apart from case messages: no case, no event. The
 * code and the whole number are kept only when the recording provider "sends" it (tests and demonstrations read it
 * there); with a real gateway the row keeps the text with the code masked and the number as 139****1234.
 */
export class SendSignInCodes1765600000300 implements MigrationInterface {
  name = 'SendSignInCodes1765600000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.sign_in_messages (
        id                  uuid PRIMARY KEY,
        phone               text NOT NULL,
        body                text NOT NULL,
        provider            text NOT NULL,
        provider_message_id text,
        failure             text,
        sent_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX sign_in_messages_by_phone ON notification.sign_in_messages (phone, sent_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.sign_in_messages`);
  }
}
