import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { caseStatusQuery, serviceRatedV1, type CaseStatus, type ServiceScore } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { normaliseTypedCode, PROGRESS_QUERY_CODE_GROUPS } from '@oneseal/domain';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { ProgressError, ProgressErrorCode } from './applicant-progress.errors';
import type { ProgressLookupDto, RateServiceDto } from './dto/progress.dto';
import { digestMatches } from './progress-query-digest';
import {
  isRatable,
  publicProgress,
  SCORE_TEXTS,
  type ProgressRow,
  type PublicProgress,
  type RatingRow,
} from './public-progress';

/** What the applicant's view of a case is made from (ProgressRow), with the case's id and place. */
export const PROGRESS_COLUMNS = `case_id AS "caseId", county, town, matter_code AS "matterCode",
  matter_name AS "matterName", receipt_number AS "receiptNumber", route, stage, routed_at AS "routedAt",
  accepted_at AS "acceptedAt", committed_due_date::text AS "committedDueDate",
  due_date_provisional AS "dueDateProvisional", result, concluded_at AS "concludedAt",
  matter_type_code AS "matterTypeCode"`;

/** How long the lookup waits for the workflow's own status before answering from the read model alone. */
const STATUS_WAIT_MS = 3_000;

/** A case whose receipt and 查询码 matched: what the lookup and the rating need of it. */
interface ProvenCase extends ProgressRow {
  caseId: string;
  county: string;
  town: string;
  progressQuerySha256: string | null;
}

export interface RatingRecord {
  score: ServiceScore;
  scoreText: string;
  comment: string | null;
  ratedAt: string;
}

/**
 * The applicant's window on their case: progress and the 好差评 rating, proven by the receipt's 查询码 instead of
 * a login. Every wrong answer is the same NOT_FOUND, whether the receipt is unknown or the code is wrong.
 */
@Injectable()
export class ApplicantProgressService {
  private readonly logger = new Logger(ApplicantProgressService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async lookup(proof: ProgressLookupDto): Promise<PublicProgress> {
    return this.progressOf(await this.caseProvenBy(proof));
  }

  /** What the applicant is shown of a case they have proven is theirs (by its 查询码, or by their mobile number). */
  async progressOf(found: ProgressRow & { caseId: string }): Promise<PublicProgress> {
    const [status, rating] = await Promise.all([
      this.workflowStatus(found.caseId),
      this.ratingOf(found.caseId),
    ]);
    return publicProgress(found, status, rating);
  }

  async rate(rating: RateServiceDto): Promise<RatingRecord> {
    if (rating.score <= 2 && !rating.comment?.trim())
      throw new ProgressError(ProgressErrorCode.REASON_REQUIRED);
    return this.rateCase(await this.caseProvenBy(rating), rating);
  }

  /** One rating of a case its applicant has proven is theirs, once the case has ended for them. */
  async rateCase(
    found: Pick<ProvenCase, 'caseId' | 'county' | 'town' | 'stage' | 'result' | 'route'>,
    rating: Pick<RateServiceDto, 'score' | 'comment'>,
  ): Promise<RatingRecord> {
    const comment = rating.comment?.trim() || null;
    if (rating.score <= 2 && !comment) throw new ProgressError(ProgressErrorCode.REASON_REQUIRED);
    if (!isRatable(found)) {
      throw new ProgressError(ProgressErrorCode.NOT_CONCLUDED);
    }
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO routing.service_ratings (case_id, county, town, score, comment)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO NOTHING RETURNING rated_at AS "ratedAt"`,
        [found.caseId, found.county, found.town, rating.score, comment],
      )) as { ratedAt: Date }[];
      if (inserted.length === 0) throw new ProgressError(ProgressErrorCode.ALREADY_RATED);
      const ratedAt = inserted[0].ratedAt.toISOString();
      await enqueueEvent(manager, ROUTING_SCHEMA, serviceRatedV1, {
        subject: found.caseId,
        county: found.county,
        town: found.town,
        actor: { kind: 'person', id: 'applicant', role: 'applicant' },
        correlationId: found.caseId,
        payload: { caseId: found.caseId, score: rating.score, comment: comment ?? undefined, ratedAt },
      });
      return { score: rating.score, scoreText: SCORE_TEXTS[rating.score], comment, ratedAt };
    });
  }

  private async caseProvenBy(proof: ProgressLookupDto): Promise<ProvenCase> {
    const code = normaliseTypedCode(proof.queryCode, PROGRESS_QUERY_CODE_GROUPS);
    if (!code) throw new ProgressError(ProgressErrorCode.NOT_FOUND);
    const candidates = (await this.dataSource.query(
      `SELECT ${PROGRESS_COLUMNS}, progress_query_sha256 AS "progressQuerySha256"
         FROM routing.routed_cases WHERE receipt_number = $1`,
      [proof.receiptNumber],
    )) as ProvenCase[];
    const found = candidates.find((candidate) =>
      digestMatches(proof.receiptNumber, code, candidate.progressQuerySha256),
    );
    if (!found) throw new ProgressError(ProgressErrorCode.NOT_FOUND);
    return found;
  }

  /** The workflow's status, or undefined when Temporal cannot answer soon (the read model still does). */
  private async workflowStatus(caseId: string): Promise<CaseStatus | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), STATUS_WAIT_MS);
    });
    try {
      return await Promise.race([this.temporal.workflow.getHandle(caseId).query(caseStatusQuery), timeout]);
    } catch (error) {
      this.logger.warn(`case ${caseId}: no workflow status for the applicant lookup (${String(error)})`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private async ratingOf(caseId: string): Promise<RatingRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT score, comment, rated_at AS "ratedAt", response, responded_at AS "respondedAt"
         FROM routing.service_ratings WHERE case_id = $1`,
      [caseId],
    )) as RatingRow[];
    return rows[0];
  }
}
