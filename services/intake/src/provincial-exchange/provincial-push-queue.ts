import type { DataSource, EntityManager } from 'typeorm';
import type { GuideRecord, StageRecord } from './exchange-api';

export interface DuePush {
  key: string;
  kind: 'guide' | 'stage';
  body: GuideRecord | StageRecord;
  attempts: number;
}

/**
 * What is still to be told to the province, kept in intake's database so that nothing is lost while the province
 * (or intake) is down: each row is sent until the province takes it, a refusal is kept with the province's words.
 * Rows of one subject (a case, a matter's guide) go out one after another in the order things happened.
 */
export class ProvincialPushQueue {
  constructor(
    private readonly dataSource: DataSource,
    /**
     * How long a stage waits before it is sent: events of one case come from several services on several topics, and
     * an earlier stage may reach intake a moment after a later one; it is sent in its place if it comes within this.
     */
    private readonly settleMs = 5000,
  ) {}

  /** Queues a case's stage once, however often its event is delivered. */
  async queueStage(record: StageRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO intake.provincial_pushes (key, kind, subject, county, town, happened_at, body, next_attempt_at)
       VALUES ($1, 'stage', $2, $3, $4, $5, $6, now() + ($7 || ' milliseconds')::interval)
       ON CONFLICT (key) DO NOTHING`,
      [
        `stage:${record.recordId}`,
        `case:${record.caseNumber}`,
        record.county,
        record.town,
        record.stageTime,
        JSON.stringify(record),
        String(this.settleMs),
      ],
    );
  }

  /**
   * Queues every guide version in force, and every withdrawal, the province has not been given yet: one row per
   * matter and version, so a guide published again is pushed again and nothing twice.
   */
  async queueGuides(): Promise<number> {
    const rows = (await this.dataSource.query(
      `INSERT INTO intake.provincial_pushes (key, kind, subject, county, happened_at, body)
       SELECT 'guide:' || m.code || ':v' || m.current_version
                || CASE WHEN m.withdrawn_at IS NULL THEN '' ELSE ':withdrawn' END
                -- After a reinstatement each later change of standing is a push of its own.
                || CASE WHEN m.reinstated_at IS NULL THEN ''
                        ELSE ':' || floor(extract(epoch FROM greatest(m.reinstated_at, m.withdrawn_at)))::bigint END,
              'guide', 'guide:' || m.code, m.county_code, changed.at,
              jsonb_build_object(
                'matterCode', m.code, 'matterName', m.name, 'county', m.county_code, 'level', m.level,
                'type', m.type, 'typeCode', m.type_code, 'implementingUnit', u.name,
                'version', m.current_version,
                'status', CASE WHEN m.withdrawn_at IS NULL THEN '在用' ELSE '停用' END,
                'publishedAt', to_char(changed.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'guide', v.guide)
         FROM intake.matters m
         JOIN intake.county_units u ON u.code = m.unit_code
         JOIN intake.matter_versions v ON v.matter_code = m.code AND v.version = m.current_version
         CROSS JOIN LATERAL (
           SELECT COALESCE(m.withdrawn_at, greatest(v.created_at, m.reinstated_at)) AS at) changed
       ON CONFLICT (key) DO NOTHING
       RETURNING key`,
    )) as unknown[];
    return rows.length;
  }

  /**
   * Leases the pushes that are due and first in line for their subject: a later stage of a case waits while an
   * earlier one is still to be sent, or was refused and waits for the county to send it again (the province keeps a
   * case's stages in order). Two replicas never lease the same row.
   */
  async takeDue(limit: number, leaseMs: number): Promise<DuePush[]> {
    // An UPDATE answers its rows and how many changed.
    const [due] = (await this.dataSource.query(
      `UPDATE intake.provincial_pushes p
          SET leased_until = now() + ($2 || ' milliseconds')::interval, attempts = p.attempts + 1
        WHERE p.key IN (
          SELECT q.key FROM intake.provincial_pushes q
           WHERE q.status = 'pending' AND q.next_attempt_at <= now()
             AND (q.leased_until IS NULL OR q.leased_until < now())
             AND NOT EXISTS (
               SELECT 1 FROM intake.provincial_pushes e
                WHERE e.subject = q.subject AND e.status IN ('pending', 'refused')
                  AND (e.happened_at, e.key) < (q.happened_at, q.key))
           ORDER BY q.happened_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING p.key, p.kind, p.body, p.attempts`,
      [limit, String(leaseMs)],
    )) as [DuePush[], number];
    return due;
  }

  /**
   * Marks pushes the province took, with its reference of each, in one statement. A push sent but not yet marked (the
   * service stopped between the two) is sent again once its lease ends: the province keeps a record once.
   */
  async markSent(receipts: readonly { key: string; reference: string }[]): Promise<void> {
    if (!receipts.length) return;
    await this.dataSource.query(
      `UPDATE intake.provincial_pushes p
          SET status = 'sent', sent_at = now(), province_reference = taken.reference, leased_until = NULL,
              last_error = NULL
         FROM unnest($1::text[], $2::text[]) AS taken(key, reference)
        WHERE p.key = taken.key AND p.status = 'pending'`,
      [receipts.map((receipt) => receipt.key), receipts.map((receipt) => receipt.reference)],
    );
  }

  async markToRetry(key: string, error: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake.provincial_pushes
          SET next_attempt_at = now() + ($3 || ' milliseconds')::interval, leased_until = NULL, last_error = $2
        WHERE key = $1 AND status = 'pending'`,
      [key, error, String(delayMs)],
    );
  }

  async markRefused(key: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake.provincial_pushes SET status = 'refused', leased_until = NULL, last_error = $2
        WHERE key = $1 AND status = 'pending'`,
      [key, error],
    );
  }

  /** Gives back leased pushes not tried in this round, as if never taken. */
  async release(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.dataSource.query(
      `UPDATE intake.provincial_pushes SET leased_until = NULL, attempts = greatest(attempts - 1, 0)
        WHERE key = ANY($1) AND status = 'pending'`,
      [keys],
    );
  }

  /** Sends a refused push again (after the cause was put right with the province). */
  async requeue(key: string, county: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE intake.provincial_pushes SET status = 'pending', next_attempt_at = now(), attempts = 0
        WHERE key = $1 AND county = $2 AND status = 'refused'`,
      [key, county],
    )) as [unknown, number];
    return count > 0;
  }
}

/** Waits twice as long after each failed attempt, from `baseMs` up to `maxMs`. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}
