import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service hall of a town's center: how it takes appointments (its slots and how many each holds, how far ahead),
 * its windows and the lines each serves; the appointments booked; and the numbers taken on arrival and called to a
 * window (when taken, called and served: the waiting a county supervises). A number is counted in its line (Y for
 * appointments) and called by the windows that serve its business category.
 */
export class OpenTheServiceHall1765700000100 implements MigrationInterface {
  name = 'OpenTheServiceHall1765700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.hall_settings (
        town_code        char(9) PRIMARY KEY REFERENCES intake.towns(code),
        windows          jsonb NOT NULL,
        slots            jsonb NOT NULL,
        slot_capacity    int NOT NULL CHECK (slot_capacity BETWEEN 1 AND 100),
        book_days_ahead  int NOT NULL CHECK (book_days_ahead BETWEEN 1 AND 30),
        updated_by       text NOT NULL,
        updated_by_name  text NOT NULL,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.appointments (
        id               uuid PRIMARY KEY,
        county           char(6) NOT NULL,
        town             char(9) NOT NULL REFERENCES intake.towns(code),
        day              date NOT NULL,
        slot             text NOT NULL,
        matter_code      text NOT NULL,
        matter_name      text NOT NULL,
        category         text NOT NULL,
        applicant_name   text NOT NULL,
        phone            text NOT NULL,
        phone_digest     char(64) NOT NULL,
        -- Sent by SMS with the booking: the ticket machine asks for it beside the number (4 digits).
        checkin_code     char(4) NOT NULL,
        booked_by        text NOT NULL,
        booked_by_name   text,
        status           text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'arrived', 'cancelled')),
        booked_at        timestamptz NOT NULL DEFAULT now(),
        cancelled_at     timestamptz
      )`);
    // One visit a day per person and center: a second booking is a change of time, made by cancelling the first.
    await queryRunner.query(`
      CREATE UNIQUE INDEX appointments_one_a_day ON intake.appointments (town, day, phone_digest)
       WHERE status <> 'cancelled'`);
    await queryRunner.query(`CREATE INDEX appointments_by_slot ON intake.appointments (town, day, slot)`);
    await queryRunner.query(`CREATE INDEX appointments_by_phone ON intake.appointments (phone_digest, day)`);
    await queryRunner.query(`
      CREATE TABLE intake.queue_tickets (
        id               uuid PRIMARY KEY,
        county           char(6) NOT NULL,
        town             char(9) NOT NULL REFERENCES intake.towns(code),
        day              date NOT NULL,
        line             text NOT NULL,
        category         text NOT NULL,
        number           int NOT NULL,
        ticket           text NOT NULL,
        appointment_id   uuid REFERENCES intake.appointments(id),
        status           text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'served', 'skipped')),
        window_number    int,
        called_by        text,
        called_by_name   text,
        issued_by        text NOT NULL,
        issued_at        timestamptz NOT NULL DEFAULT now(),
        called_at        timestamptz,
        finished_at      timestamptz,
        UNIQUE (town, day, line, number)
      )`);
    await queryRunner.query(
      `CREATE INDEX queue_tickets_waiting ON intake.queue_tickets (town, day, status, issued_at)`,
    );
    await queryRunner.query(`CREATE INDEX queue_tickets_by_county ON intake.queue_tickets (county, day)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.queue_tickets`);
    await queryRunner.query(`DROP TABLE intake.appointments`);
    await queryRunner.query(`DROP TABLE intake.hall_settings`);
  }
}
