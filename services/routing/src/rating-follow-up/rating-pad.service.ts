import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import {
  caseStatusQuery,
  type RatingCategory,
  type ServiceEvent,
  type ServiceScore,
} from '@oneseal/contracts';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ProgressError, ProgressErrorCode } from '../applicant-progress/applicant-progress.errors';
import { CaseError, CaseErrorCode } from '../case-commands/case.errors';
import { RatingFollowUpError, RatingFollowUpErrorCode } from './rating-follow-up.errors';
import { SERVICE_EVENT_TITLES } from './rating-policy';
import { RatingRecorder, type RecordedRating } from './rating-recorder';
import { servedBy } from './served-by';

/** A request stands this long: the applicant rates before leaving the counter, or not at all. */
const REQUEST_MINUTES = 15;
/** How long a request waits for the clerk's decision to reach the case's record (10 looks, half a second apart). */
const SERVED_LOOKS = 10;
const SERVED_LOOK_INTERVAL_MS = 500;

export type CounterEvent = Exclude<ServiceEvent, 'case'>;

export interface PadRequest {
  caseId: string;
  serviceEvent: CounterEvent;
  serviceEventText: string;
  matterName: string | null;
  clerkName: string;
  requestedAt: Date;
}

/**
 * 评价器 at the counter (一次一评): the clerk who just took an application in or handed a result over asks for the
 * applicant's rating, and the pad facing the applicant (signed in as the same clerk) shows that one service with
 * large buttons. The rating names who served; it is the applicant's to give, once per service.
 */
@Injectable()
export class RatingPadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly recorder: RatingRecorder,
  ) {}

  async request(clerk: AuthUser, caseId: string, serviceEvent: CounterEvent): Promise<PadRequest> {
    const [routed] = (await this.dataSource.query(
      `SELECT county, town, matter_name AS "matterName" FROM routing.routed_cases WHERE case_id = $1`,
      [caseId],
    )) as { county: string; town: string; matterName: string | null }[];
    if (!routed) throw new CaseError(CaseErrorCode.NOT_FOUND);
    assertReachesPlace(clerk, routed);
    await this.awaitServedBy(caseId, serviceEvent, clerk);
    const rated = (await this.dataSource.query(
      `SELECT 1 FROM routing.service_ratings WHERE case_id = $1 AND service_event = $2`,
      [caseId, serviceEvent],
    )) as unknown[];
    if (rated.length > 0) throw new ProgressError(ProgressErrorCode.ALREADY_RATED);
    // One request per clerk: asking for the next applicant's rating replaces one nobody gave.
    await this.dataSource.query(
      `INSERT INTO routing.rating_requests (clerk_id, clerk_name, case_id, service_event, matter_name, county, town)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (clerk_id) DO UPDATE SET clerk_name = EXCLUDED.clerk_name, case_id = EXCLUDED.case_id,
         service_event = EXCLUDED.service_event, matter_name = EXCLUDED.matter_name, county = EXCLUDED.county,
         town = EXCLUDED.town, requested_at = now()`,
      [clerk.id, clerk.name, caseId, serviceEvent, routed.matterName, routed.county, routed.town],
    );
    return (await this.pending(clerk)) as PadRequest;
  }

  /**
   * The clerk asks right after deciding the step, and the decision reaches the case's record a moment later: the
   * record is read again for a few seconds before the clerk is told they did not serve.
   */
  private async awaitServedBy(caseId: string, serviceEvent: CounterEvent, clerk: AuthUser): Promise<void> {
    const handle = this.temporal.workflow.getHandle(caseId);
    for (let look = 1; ; look += 1) {
      const status = await handle.query(caseStatusQuery);
      if (servedBy(status, serviceEvent)?.id === clerk.id) return;
      if (look >= SERVED_LOOKS) throw new RatingFollowUpError(RatingFollowUpErrorCode.NOT_SERVED_BY_YOU);
      await new Promise((resolve) => setTimeout(resolve, SERVED_LOOK_INTERVAL_MS));
    }
  }

  /** What the clerk's pad shows now: the service waiting for its rating, or nothing. */
  async pending(clerk: AuthUser): Promise<PadRequest | null> {
    const [row] = (await this.dataSource.query(
      `SELECT case_id AS "caseId", service_event AS "serviceEvent", matter_name AS "matterName",
              clerk_name AS "clerkName", requested_at AS "requestedAt"
         FROM routing.rating_requests
        WHERE clerk_id = $1 AND requested_at > now() - make_interval(mins => $2)`,
      [clerk.id, REQUEST_MINUTES],
    )) as Omit<PadRequest, 'serviceEventText'>[];
    return row ? { ...row, serviceEventText: SERVICE_EVENT_TITLES[row.serviceEvent] } : null;
  }

  /** The applicant's rating on the pad, of the service it shows; the request is used up. */
  async rate(
    clerk: AuthUser,
    rating: {
      caseId: string;
      serviceEvent: CounterEvent;
      score: ServiceScore;
      categories?: RatingCategory[];
      comment?: string;
    },
  ): Promise<RecordedRating & { serviceEventText: string }> {
    // The service the pad showed: if the clerk has since asked about another, this rating is not that one's.
    const [request] = (await this.dataSource.query(
      `SELECT case_id AS "caseId", service_event AS "serviceEvent", county, town
         FROM routing.rating_requests
        WHERE clerk_id = $1 AND requested_at > now() - make_interval(mins => $2)
          AND case_id = $3 AND service_event = $4`,
      [clerk.id, REQUEST_MINUTES, rating.caseId, rating.serviceEvent],
    )) as { caseId: string; serviceEvent: CounterEvent; county: string; town: string }[];
    if (!request) throw new RatingFollowUpError(RatingFollowUpErrorCode.NO_REQUEST);
    const recorded = await this.recorder.record({
      ...request,
      channel: 'window-pad',
      score: rating.score,
      categories: rating.categories ?? [],
      comment: rating.comment?.trim() || null,
      servedBy: { id: clerk.id, name: clerk.name },
      actor: { kind: 'person', id: 'applicant', role: 'applicant' },
    });
    await this.dataSource.query(`DELETE FROM routing.rating_requests WHERE clerk_id = $1 AND case_id = $2`, [
      clerk.id,
      request.caseId,
    ]);
    return { ...recorded, serviceEventText: SERVICE_EVENT_TITLES[request.serviceEvent] };
  }
}
