import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { personActor, ratingAnsweredV1, type ServiceScore } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { SCORE_TEXTS } from '../applicant-progress/public-progress';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { RatingFollowUpError, RatingFollowUpErrorCode } from './rating-follow-up.errors';

export interface RatingOnRecord {
  caseId: string;
  receiptNumber: string | null;
  matterName: string | null;
  town: string;
  score: ServiceScore;
  scoreText: string;
  comment: string | null;
  ratedAt: Date;
  response: string | null;
  respondedByName: string | null;
  respondedAt: Date | null;
}

const COLUMNS = `r.case_id AS "caseId", c.receipt_number AS "receiptNumber", c.matter_name AS "matterName", r.town,
  r.score, r.comment, r.rated_at AS "ratedAt", r.response, r.responded_by_name AS "respondedByName",
  r.responded_at AS "respondedAt"`;

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
    )) as (Omit<RatingOnRecord, 'scoreText'> & { part: number })[];
    return rows.map(({ part: _part, ...row }) => withScoreText(row));
  }

  async answer(leader: AuthUser, caseId: string, measures: string): Promise<RatingOnRecord> {
    return this.dataSource.transaction(async (manager) => {
      const [rating] = (await manager.query(
        `SELECT county, town, score, response FROM routing.service_ratings WHERE case_id = $1 FOR UPDATE`,
        [caseId],
      )) as { county: string; town: string; score: number; response: string | null }[];
      if (!rating) throw new RatingFollowUpError(RatingFollowUpErrorCode.NOT_FOUND);
      assertReachesPlace(leader, { county: rating.county, town: rating.town });
      if (rating.score > 2) throw new RatingFollowUpError(RatingFollowUpErrorCode.NOT_DISSATISFIED);
      if (rating.response !== null) throw new RatingFollowUpError(RatingFollowUpErrorCode.ALREADY_ANSWERED);
      const [[{ answeredAt }]] = (await manager.query(
        `UPDATE routing.service_ratings
            SET response = $2, responded_by = $3, responded_by_name = $4, responded_at = now()
          WHERE case_id = $1 RETURNING responded_at AS "answeredAt"`,
        [caseId, measures, leader.id, leader.name],
      )) as [{ answeredAt: Date }[], number];
      // In the same transaction: the applicant is told (SMS), and the answer joins the case's audit record.
      await enqueueEvent(manager, ROUTING_SCHEMA, ratingAnsweredV1, {
        subject: caseId,
        county: rating.county,
        town: rating.town,
        actor: { ...personActor(leader), role: 'town-leader' },
        correlationId: caseId,
        payload: { caseId, measures, answeredAt: answeredAt.toISOString() },
      });
      const [answered] = (await manager.query(
        `SELECT ${COLUMNS} FROM routing.service_ratings r JOIN routing.routed_cases c ON c.case_id = r.case_id
          WHERE r.case_id = $1`,
        [caseId],
      )) as Omit<RatingOnRecord, 'scoreText'>[];
      return withScoreText(answered);
    });
  }
}

function withScoreText(row: Omit<RatingOnRecord, 'scoreText'>): RatingOnRecord {
  return { ...row, scoreText: SCORE_TEXTS[row.score] };
}
