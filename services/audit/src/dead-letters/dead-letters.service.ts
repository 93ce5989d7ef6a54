import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@oneseal/auth';
import { KAFKA_PRODUCER, PRODUCER_HEADER, SIGNATURE_HEADER, type DeadLetter } from '@oneseal/kafka';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterError, DeadLetterErrorCode } from './dead-letter.errors';

export interface DeadLetterView {
  id: string;
  consumer: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  reason: string;
  issues: string[];
  failedAt: string;
  replayedAt: string | null;
  replayedByName: string | null;
}

export interface DeadLetterDetail extends DeadLetterView {
  key: string | null;
  value: unknown;
}

/** Marks a message sent back by an operator: the consumer edge handles it like any other. */
export const REPLAY_HEADER = 'oneseal-replay-of';

const COLUMNS = `id, consumer, original_topic AS "originalTopic", original_partition AS "originalPartition",
  original_offset AS "originalOffset", reason, issues, failed_at AS "failedAt", replayed_at AS "replayedAt",
  replayed_by_name AS "replayedByName"`;

/** The dead-letter topic as operators work with it: recorded once each, listed, looked into, sent back. */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
  ) {}

  /** Idempotent: a redelivered dead letter is the same row (its position on the topic is unique). */
  async record(letter: DeadLetter, position: { partition: number; offset: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit.dead_letters (id, dlq_partition, dlq_offset, consumer, original_topic, original_partition,
         original_offset, message_key, value, reason, issues, failed_at, producer_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT ON CONSTRAINT dead_letters_position_uq DO NOTHING`,
      [
        randomUUID(),
        position.partition,
        position.offset,
        letter.consumer,
        letter.originalTopic,
        letter.partition,
        letter.offset,
        letter.key,
        JSON.stringify(letter.value ?? null),
        letter.reason,
        JSON.stringify(letter.issues),
        letter.failedAt,
        JSON.stringify(producerHeaders(letter.headers)),
      ],
    );
  }

  async list(): Promise<DeadLetterView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit.dead_letters ORDER BY failed_at DESC LIMIT 500`,
    )) as (Omit<DeadLetterView, 'failedAt' | 'replayedAt'> & { failedAt: Date; replayedAt: Date | null })[];
    return rows.map((row) => ({
      ...row,
      failedAt: row.failedAt.toISOString(),
      replayedAt: row.replayedAt?.toISOString() ?? null,
    }));
  }

  async get(id: string): Promise<DeadLetterDetail> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS}, message_key AS key, value FROM audit.dead_letters WHERE id = $1`,
      [id],
    )) as (Omit<DeadLetterDetail, 'failedAt' | 'replayedAt'> & { failedAt: Date; replayedAt: Date | null })[];
    if (!row) throw new DeadLetterError(DeadLetterErrorCode.NOT_FOUND);
    return {
      ...row,
      failedAt: row.failedAt.toISOString(),
      replayedAt: row.replayedAt?.toISOString() ?? null,
    };
  }

  /**
   * Sends the message back to the topic it came from, for its consumer to try again (after the cause was fixed):
   * consumers are idempotent, so a message that had been handled after all changes nothing.
   */
  async replay(user: AuthUser, id: string): Promise<DeadLetterDetail> {
    const letter = await this.get(id);
    const [{ headers }] = (await this.dataSource.query(
      `SELECT producer_headers AS headers FROM audit.dead_letters WHERE id = $1`,
      [id],
    )) as { headers: Record<string, string> }[];
    await this.producer.send({
      topic: letter.originalTopic,
      acks: -1,
      messages: [
        {
          key: letter.key ?? undefined,
          value: typeof letter.value === 'string' ? letter.value : JSON.stringify(letter.value),
          // The producer's signature goes back with it: the consumer checks it again, as on first delivery.
          headers: { ...headers, [REPLAY_HEADER]: id },
        },
      ],
    });
    await this.dataSource.query(
      `UPDATE audit.dead_letters SET replayed_at = now(), replayed_by = $2, replayed_by_name = $3 WHERE id = $1`,
      [id, user.id, user.name],
    );
    this.logger.log(`dead letter ${id} sent back to ${letter.originalTopic} by ${user.id}`);
    return this.get(id);
  }
}

/** Only the producer's identity and signature are kept from a parked message's headers. */
function producerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of [PRODUCER_HEADER, SIGNATURE_HEADER]) {
    const value = headers?.[name];
    if (typeof value === 'string' && value.length <= 512) kept[name] = value;
  }
  return kept;
}
