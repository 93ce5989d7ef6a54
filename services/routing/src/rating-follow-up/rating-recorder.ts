import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  serviceRatedV1,
  type EventActor,
  type RatingCategory,
  type RatingChannel,
  type ServiceEvent,
  type ServiceScore,
} from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { chinaDate } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { ProgressError, ProgressErrorCode } from '../applicant-progress/applicant-progress.errors';
import { currentCalendar } from '../calendar/calendar-years';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { isDissatisfied, RATING_POLICY, reasonGiven, type RatingPolicy } from './rating-policy';

export interface NewRating {
  caseId: string;
  county: string;
  town: string;
  serviceEvent: ServiceEvent;
  channel: RatingChannel;
  score: ServiceScore;
  categories: RatingCategory[];
  comment: string | null;
  servedBy?: { id: string; name: string | null };
  actor: EventActor;
}

export interface RecordedRating {
  ratedAt: string;
  rectifyBy: string | null;
}

/**
 * Keeps one rating of one service event (一次一评) and announces it in the same transaction: a 差评 with its
 * reasons and the working day its 整改 is due, every rating with the person who served.
 */
@Injectable()
export class RatingRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RATING_POLICY) private readonly policy: RatingPolicy,
  ) {}

  async record(rating: NewRating): Promise<RecordedRating> {
    const categories = [...new Set(rating.categories)];
    if (!reasonGiven(rating.score, categories, rating.comment))
      throw new ProgressError(ProgressErrorCode.REASON_REQUIRED);
    const rectifyBy = isDissatisfied(rating.score) ? await this.rectifyDeadline(rating.county) : null;
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO routing.service_ratings
           (case_id, county, town, score, comment, service_event, channel, categories, served_by, served_by_name,
            rectify_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (case_id, service_event) DO NOTHING RETURNING rated_at AS "ratedAt"`,
        [
          rating.caseId,
          rating.county,
          rating.town,
          rating.score,
          rating.comment,
          rating.serviceEvent,
          rating.channel,
          categories,
          rating.servedBy?.id ?? null,
          rating.servedBy?.name ?? null,
          rectifyBy,
        ],
      )) as { ratedAt: Date }[];
      if (inserted.length === 0) throw new ProgressError(ProgressErrorCode.ALREADY_RATED);
      const ratedAt = inserted[0].ratedAt.toISOString();
      await enqueueEvent(manager, ROUTING_SCHEMA, serviceRatedV1, {
        subject: rating.caseId,
        county: rating.county,
        town: rating.town,
        actor: rating.actor,
        correlationId: rating.caseId,
        payload: {
          caseId: rating.caseId,
          score: rating.score,
          ...(rating.comment ? { comment: rating.comment } : {}),
          ratedAt,
          serviceEvent: rating.serviceEvent,
          channel: rating.channel,
          categories,
          ...(rating.servedBy
            ? {
                servedBy: rating.servedBy.id,
                ...(rating.servedBy.name ? { servedByName: rating.servedBy.name } : {}),
              }
            : {}),
          ...(rectifyBy ? { rectifyBy } : {}),
        },
      });
      return { ratedAt, rectifyBy };
    });
  }

  /** The working day by which a 差评 rated today is to be put right, on the county's calendar. */
  private async rectifyDeadline(county: string): Promise<string | null> {
    const calendar = await currentCalendar(this.dataSource, county);
    const due = calendar.addWorkingDays(chinaDate(new Date()), this.policy.rectifyWorkingDays);
    return due.kind === 'due' ? due.date : null;
  }
}
