import type { EventEnvelope } from '@oneseal/contracts';
import { RecentlyUsed } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import type { StageRecord } from './exchange-api';
import type { ProvincialPushQueue } from './provincial-push-queue';
import type { CaseReference } from './stage-records';

export type StageMapping<TPayload> = (
  event: EventEnvelope<TPayload>,
  reference: CaseReference,
) => StageRecord;

/**
 * Turns a case's events into the stages the province keeps and queues them, once each. The province knows a case by
 * its 办件编号, which intake gave it: intake's own record of the application names it.
 */
export class StageRecorder {
  /** A case's reference is written with its application and never changes: each case's is read once. */
  private readonly references = new RecentlyUsed<CaseReference>(20_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ProvincialPushQueue,
  ) {}

  async record<TPayload extends { caseId: string }>(
    event: EventEnvelope<TPayload>,
    mapping: StageMapping<TPayload>,
  ): Promise<void> {
    const reference = await this.referenceOf(event.payload.caseId);
    // Thrown, not skipped: the application is recorded before its first event leaves intake, so a case not found
    // yet is a database not answering, and the event is delivered again.
    if (!reference) throw new Error(`case ${event.payload.caseId} is not among intake's applications`);
    await this.queue.queueStage(mapping(event, reference));
  }

  private async referenceOf(caseId: string): Promise<CaseReference | undefined> {
    const known = this.references.get(caseId);
    if (known) return known;
    const [row] = (await this.dataSource.query(
      `SELECT a.receipt_number AS "caseNumber", a.matter_code AS "matterCode", a.matter_name AS "matterName",
              a.county, a.town, p.application_id AS "provincialApplicationId"
         FROM intake.applications a
         LEFT JOIN intake.provincial_applications p ON p.case_id = a.id
        WHERE a.id = $1`,
      [caseId],
    )) as (Omit<CaseReference, 'provincialApplicationId'> & { provincialApplicationId: string | null })[];
    if (!row) return undefined;
    const { provincialApplicationId, ...columns } = row;
    const reference = provincialApplicationId ? { ...columns, provincialApplicationId } : columns;
    if (reference.caseNumber) this.references.set(caseId, reference);
    return reference;
  }
}
