import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { routeRuleBook, type RouteRule } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import type { ReviewDecision, ReviewRouteRuleDto } from './review-route-rule.dto';
import { RouteRuleError, RouteRuleErrorCode } from './route-rule.errors';

export interface RuleReview {
  decision: ReviewDecision;
  note: string | null;
  reviewerName: string;
  reviewedAt: string;
  /** False when the rule changed after this review: the county has not seen it in its present form. */
  current: boolean;
}

export interface ReviewedRule extends RouteRule {
  /** The county's matters in this handling mode (withdrawn ones left out); null for the ways every mode shares. */
  matterCount: number | null;
  review: RuleReview | null;
}

const digestOf = (rule: RouteRule) =>
  createHash('sha256')
    .update(JSON.stringify({ rule: rule.rule, steps: rule.steps }))
    .digest('hex');

/** The route rules as routing applies them, with how many of the county's matters follow each and its review. */
@Injectable()
export class RouteRulesService {
  private readonly book = routeRuleBook();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, county: string): Promise<ReviewedRule[]> {
    assertReachesPlace(user, { county });
    const counts = (await this.dataSource.query(
      `SELECT level, handling_mode AS mode, count(*)::int AS count FROM intake.matters
        WHERE county_code = $1 AND withdrawn_at IS NULL GROUP BY level, handling_mode`,
      [county],
    )) as { level: string; mode: string; count: number }[];
    const reviews = (await this.dataSource.query(
      `SELECT rule_key AS key, decision, note, rule_digest AS digest, reviewer_name AS "reviewerName",
              reviewed_at AS "reviewedAt"
         FROM intake.route_rule_reviews WHERE county_code = $1`,
      [county],
    )) as {
      key: string;
      decision: ReviewDecision;
      note: string | null;
      digest: string;
      reviewerName: string;
      reviewedAt: Date;
    }[];
    return this.book.map((rule) => {
      const review = reviews.find((candidate) => candidate.key === rule.key);
      return {
        ...rule,
        matterCount:
          rule.handlingMode === undefined
            ? null
            : (counts.find((row) => row.level === rule.level && row.mode === rule.handlingMode)?.count ?? 0),
        review: review
          ? {
              decision: review.decision,
              note: review.note,
              reviewerName: review.reviewerName,
              reviewedAt: review.reviewedAt.toISOString(),
              current: review.digest === digestOf(rule),
            }
          : null,
      };
    });
  }

  async review(user: AuthUser, review: ReviewRouteRuleDto): Promise<ReviewedRule> {
    assertReachesPlace(user, { county: review.county });
    const rule = this.book.find((candidate) => candidate.key === review.key);
    if (!rule) throw new RouteRuleError(RouteRuleErrorCode.NOT_FOUND);
    await this.dataSource.query(
      `INSERT INTO intake.route_rule_reviews
         (county_code, rule_key, decision, note, rule_digest, reviewer_id, reviewer_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (county_code, rule_key) DO UPDATE SET decision = EXCLUDED.decision, note = EXCLUDED.note,
         rule_digest = EXCLUDED.rule_digest, reviewer_id = EXCLUDED.reviewer_id,
         reviewer_name = EXCLUDED.reviewer_name, reviewed_at = now()`,
      [
        review.county,
        rule.key,
        review.decision,
        review.note?.trim() || null,
        digestOf(rule),
        user.id,
        user.name,
      ],
    );
    const listed = await this.list(user, review.county);
    return listed.find((candidate) => candidate.key === rule.key) as ReviewedRule;
  }
}
