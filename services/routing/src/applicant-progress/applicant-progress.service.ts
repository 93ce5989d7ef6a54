import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  caseStatusQuery,
  type CaseStatus,
  type RatingCategory,
  type ServiceEvent,
  type ServiceScore,
} from '@oneseal/contracts';
import { normaliseTypedCode, PROGRESS_QUERY_CODE_GROUPS } from '@oneseal/domain';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { RatingRecorder } from '../rating-follow-up/rating-recorder';
import { reasonGiven } from '../rating-follow-up/rating-policy';
import { servedBy } from '../rating-follow-up/served-by';
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
  categories: RatingCategory[];
  ratedAt: string;
  /** A 差评's 整改 deadline. */
  rectifyBy: string | null;
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
    private readonly recorder: RatingRecorder,
  ) {}

  async lookup(proof: ProgressLookupDto): Promise<PublicProgress> {
    return this.progressOf(await this.caseProvenBy(proof));
  }

  /** What the applicant is shown of a case they have proven is theirs (by its 查询码, or by their mobile number). */
  async progressOf(found: ProgressRow & { caseId: string }): Promise<PublicProgress> {
    const [status, ratings] = await Promise.all([
      this.workflowStatus(found.caseId),
      this.ratingsOf(found.caseId),
    ]);
    return publicProgress(
      found,
      status,
      ratings.find((rating) => rating.serviceEvent === 'case'),
      ratings.filter((rating) => rating.serviceEvent !== 'case'),
    );
  }

  async rate(rating: RateServiceDto): Promise<RatingRecord> {
    return this.rateCase(await this.caseProvenBy(rating), rating);
  }

  /**
   * The applicant's one rating of the whole case, once it has ended for them (online: 办件查询 or 我的办件), tied to
   * whoever accepted it at the window.
   */
  async rateCase(
    found: Pick<ProvenCase, 'caseId' | 'county' | 'town' | 'stage' | 'result' | 'route'>,
    rating: Pick<RateServiceDto, 'score' | 'comment' | 'categories'>,
  ): Promise<RatingRecord> {
    const comment = rating.comment?.trim() || null;
    const categories = [...new Set(rating.categories ?? [])];
    if (!reasonGiven(rating.score, categories, comment))
      throw new ProgressError(ProgressErrorCode.REASON_REQUIRED);
    if (!isRatable(found)) throw new ProgressError(ProgressErrorCode.NOT_CONCLUDED);
    const status = await this.workflowStatus(found.caseId);
    const recorded = await this.recorder.record({
      caseId: found.caseId,
      county: found.county,
      town: found.town,
      serviceEvent: 'case',
      channel: 'web',
      score: rating.score,
      categories,
      comment,
      ...(status ? { servedBy: servedBy(status, 'case') } : {}),
      actor: { kind: 'person', id: 'applicant', role: 'applicant' },
    });
    return {
      score: rating.score,
      scoreText: SCORE_TEXTS[rating.score],
      comment,
      categories,
      ratedAt: recorded.ratedAt,
      rectifyBy: recorded.rectifyBy,
    };
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

  /** Every rating of the case: the whole case's, and the services rated at the counter (受理, 送达). */
  private ratingsOf(caseId: string): Promise<(RatingRow & { serviceEvent: ServiceEvent })[]> {
    return this.dataSource.query(
      `SELECT service_event AS "serviceEvent", score, comment, categories, rated_at AS "ratedAt",
              rectify_by::text AS "rectifyBy", response, responded_at AS "respondedAt"
         FROM routing.service_ratings WHERE case_id = $1 ORDER BY rated_at`,
      [caseId],
    ) as Promise<(RatingRow & { serviceEvent: ServiceEvent })[]>;
  }
}
