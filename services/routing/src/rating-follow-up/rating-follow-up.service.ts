import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import {
  personActor,
  ratingAnsweredV1,
  ratingRevisitedV1,
  type RatingCategory,
  type RatingChannel,
  type RevisitMethod,
  type ServiceEvent,
  type ServiceScore,
} from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { chinaDate } from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { SCORE_TEXTS } from '../applicant-progress/public-progress';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { RatingFollowUpError, RatingFollowUpErrorCode } from './rating-follow-up.errors';
import { CATEGORY_TITLES, isDissatisfied, SERVICE_EVENT_TITLES } from './rating-policy';

export interface RatingOnRecord {
  caseId: string;
  serviceEvent: ServiceEvent;
  serviceEventText: string;
  channel: RatingChannel;
  receiptNumber: string | null;
  matterName: string | null;
  town: string;
  score: ServiceScore;
  scoreText: string;
  comment: string | null;
  categories: RatingCategory[];
  reasons: string[];
  servedByName: string | null;
  ratedAt: Date;
  /** A 差评's 整改 deadline, and whether it passed unanswered. */
  rectifyBy: string | null;
  overdue: boolean;
  response: string | null;
  respondedByName: string | null;
  respondedAt: Date | null;
  revisit: {
    method: RevisitMethod;
    scoreAfter: ServiceScore;
    note: string | null;
    byName: string;
    at: Date;
  } | null;
}

type RatingRow = Omit<
  RatingOnRecord,
  'scoreText' | 'serviceEventText' | 'reasons' | 'overdue' | 'revisit'
> & {
  revisitedAt: Date | null;
  revisitMethod: RevisitMethod | null;
  revisitScore: ServiceScore | null;
  revisitNote: string | null;
  revisitedByName: string | null;
};

const COLUMNS = `r.case_id AS "caseId", r.service_event AS "serviceEvent", r.channel, c.receipt_number AS "receiptNumber",
  c.matter_name AS "matterName", r.town, r.score, r.comment, r.categories, r.served_by_name AS "servedByName",
  r.rated_at AS "ratedAt", r.rectify_by::text AS "rectifyBy", r.response, r.responded_by_name AS "respondedByName",
  r.responded_at AS "respondedAt", r.revisited_at AS "revisitedAt", r.revisit_method AS "revisitMethod",
  r.revisit_score AS "revisitScore", r.revisit_note AS "revisitNote", r.revisited_by_name AS "revisitedByName"`;

const LISTED = 200;

/**
 * 好差评 follow-up: the applicants' ratings of a county or town, and a 差评 answered on the record by the town's
 * leader with what was changed (整改).
 */
@Injectable()
export class RatingFollowUpService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(viewer: AuthUser, place: { county: string; town?: string }, unanswered: boolean) {
    assertReachesPlace(viewer, place);
    // 差评 still waiting for an answer first, then the rest, the latest first: each part read newest-first from its
    // own index, so a county's years of ratings are never sorted whole.
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         (SELECT ${COLUMNS}, 0 AS part
            FROM routing.service_ratings r JOIN routing.routed_cases c ON c.case_id = r.case_id
           WHERE r.county = $1 AND ($2::text IS NULL OR r.town = $2) AND r.score <= 2 AND r.response IS NULL
           ORDER BY r.rated_at DESC LIMIT ${LISTED})
         UNION ALL
         (SELECT ${COLUMNS}, 1 AS part
            FROM routing.service_ratings r JOIN routing.routed_cases c ON c.case_id = r.case_id
           WHERE r.county = $1 AND ($2::text IS NULL OR r.town = $2) AND NOT $3
             AND NOT (r.score <= 2 AND r.response IS NULL)
           ORDER BY r.rated_at DESC LIMIT ${LISTED})
       ) ratings
       ORDER BY part, "ratedAt" DESC LIMIT ${LISTED}`,
      [place.county, place.town ?? null, unanswered],
    )) as (RatingRow & { part: number })[];
    return rows.map(({ part: _part, ...row }) => onRecord(row));
  }

  /** The town's leader answers a 差评 with what was put right (整改); the applicant is told, the record keeps it. */
  async answer(
    leader: AuthUser,
    caseId: string,
    serviceEvent: ServiceEvent,
    measures: string,
  ): Promise<RatingOnRecord> {
    return this.dataSource.transaction(async (manager) => {
      const rating = await this.lockedDissatisfied(manager, leader, caseId, serviceEvent);
      if (rating.response !== null) throw new RatingFollowUpError(RatingFollowUpErrorCode.ALREADY_ANSWERED);
      const [[{ answeredAt }]] = (await manager.query(
        `UPDATE routing.service_ratings
            SET response = $3, responded_by = $4, responded_by_name = $5, responded_at = now()
          WHERE case_id = $1 AND service_event = $2 RETURNING responded_at AS "answeredAt"`,
        [caseId, serviceEvent, measures, leader.id, leader.name],
      )) as [{ answeredAt: Date }[], number];
      // In the same transaction: the applicant is told (SMS), and the answer joins the case's audit record.
      await enqueueEvent(manager, ROUTING_SCHEMA, ratingAnsweredV1, {
        subject: caseId,
        county: rating.county,
        town: rating.town,
        actor: { ...personActor(leader), role: 'town-leader' },
        correlationId: caseId,
        payload: { caseId, measures, answeredAt: answeredAt.toISOString(), serviceEvent },
      });
      return this.readOne(manager, caseId, serviceEvent);
    });
  }

  /**
   * 回访: after answering a 差评 the town asks the applicant again (by phone, a visit or SMS) how they now judge the
   * service, and records it once; it joins the case's audit record.
   */
  async revisit(
    staff: AuthUser,
    caseId: string,
    serviceEvent: ServiceEvent,
    visit: { method: RevisitMethod; scoreAfter: ServiceScore; note?: string },
  ): Promise<RatingOnRecord> {
    return this.dataSource.transaction(async (manager) => {
      const rating = await this.lockedDissatisfied(manager, staff, caseId, serviceEvent);
      if (rating.response === null) throw new RatingFollowUpError(RatingFollowUpErrorCode.NOT_ANSWERED_YET);
      if (rating.revisitedAt !== null)
        throw new RatingFollowUpError(RatingFollowUpErrorCode.ALREADY_REVISITED);
      const note = visit.note?.trim() || null;
      const [[{ revisitedAt }]] = (await manager.query(
        `UPDATE routing.service_ratings
            SET revisited_at = now(), revisit_method = $3, revisit_score = $4, revisit_note = $5, revisited_by = $6,
                revisited_by_name = $7
          WHERE case_id = $1 AND service_event = $2 RETURNING revisited_at AS "revisitedAt"`,
        [caseId, serviceEvent, visit.method, visit.scoreAfter, note, staff.id, staff.name],
      )) as [{ revisitedAt: Date }[], number];
      await enqueueEvent(manager, ROUTING_SCHEMA, ratingRevisitedV1, {
        subject: caseId,
        county: rating.county,
        town: rating.town,
        actor: personActor(staff),
        correlationId: caseId,
        payload: {
          caseId,
          serviceEvent,
          method: visit.method,
          scoreAfter: visit.scoreAfter,
          ...(note ? { note } : {}),
          revisitedAt: revisitedAt.toISOString(),
        },
      });
      return this.readOne(manager, caseId, serviceEvent);
    });
  }

  private async lockedDissatisfied(
    manager: EntityManager,
    staff: AuthUser,
    caseId: string,
    serviceEvent: ServiceEvent,
  ) {
    const [rating] = (await manager.query(
      `SELECT county, town, score, response, revisited_at AS "revisitedAt" FROM routing.service_ratings
        WHERE case_id = $1 AND service_event = $2 FOR UPDATE`,
      [caseId, serviceEvent],
    )) as {
      county: string;
      town: string;
      score: number;
      response: string | null;
      revisitedAt: Date | null;
    }[];
    if (!rating) throw new RatingFollowUpError(RatingFollowUpErrorCode.NOT_FOUND);
    assertReachesPlace(staff, { county: rating.county, town: rating.town });
    if (!isDissatisfied(rating.score))
      throw new RatingFollowUpError(RatingFollowUpErrorCode.NOT_DISSATISFIED);
    return rating;
  }

  private async readOne(manager: EntityManager, caseId: string, serviceEvent: ServiceEvent) {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM routing.service_ratings r JOIN routing.routed_cases c ON c.case_id = r.case_id
        WHERE r.case_id = $1 AND r.service_event = $2`,
      [caseId, serviceEvent],
    )) as RatingRow[];
    return onRecord(row);
  }
}

function onRecord(row: RatingRow): RatingOnRecord {
  const { revisitedAt, revisitMethod, revisitScore, revisitNote, revisitedByName, ...rating } = row;
  const today = chinaDate(new Date());
  return {
    ...rating,
    scoreText: SCORE_TEXTS[rating.score],
    serviceEventText: SERVICE_EVENT_TITLES[rating.serviceEvent],
    reasons: rating.categories.map((category) => CATEGORY_TITLES[category]),
    overdue: rating.response === null && rating.rectifyBy !== null && rating.rectifyBy < today,
    revisit:
      revisitedAt && revisitMethod && revisitScore
        ? {
            method: revisitMethod,
            scoreAfter: revisitScore,
            note: revisitNote,
            byName: revisitedByName ?? '',
            at: revisitedAt,
          }
        : null,
  };
}
