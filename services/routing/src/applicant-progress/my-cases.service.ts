import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Applicant } from '@oneseal/auth';
import { lookupDigest } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CASE_POLICY, type CasePolicy } from '../cases/case-routing.service';
import { ProgressError, ProgressErrorCode } from './applicant-progress.errors';
import { ApplicantProgressService, PROGRESS_COLUMNS, type RatingRecord } from './applicant-progress.service';
import type { RateMyCaseDto } from './dto/progress.dto';
import { publicProgress, type ProgressRow, type PublicProgress } from './public-progress';

/** One of an applicant's cases as their list shows it. */
export interface MyCase {
  caseId: string;
  receiptNumber: string;
  matterName: string;
  stageText: string;
  submittedAt: string;
  committedDueDate: string | null;
  dueDateProvisional: boolean;
  resultText: string | null;
  concludedAt: string | null;
}

type MyCaseRow = ProgressRow & { caseId: string; county: string; town: string };

/** As many as a person files in years; a list longer than this shows the newest. */
const MY_CASES_SHOWN = 100;

/**
 * 我的办件 of an applicant signed in with their mobile number: the cases filed with that number (matched by its keyed
 * digest, as staff search them), whoever filed them — at the window, at the village station or online.
 */
@Injectable()
export class MyCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_POLICY) private readonly policy: CasePolicy,
    private readonly progress: ApplicantProgressService,
  ) {}

  async list(applicant: Applicant): Promise<MyCase[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${PROGRESS_COLUMNS} FROM routing.routed_cases
        WHERE applicant_phone_digest = $1 AND receipt_number IS NOT NULL
        ORDER BY routed_at DESC LIMIT $2`,
      [this.digestOf(applicant), MY_CASES_SHOWN],
    )) as MyCaseRow[];
    return rows.map((row) => {
      const shown = publicProgress(row, undefined, undefined);
      return {
        caseId: row.caseId,
        receiptNumber: shown.receiptNumber,
        matterName: shown.matterName,
        stageText: shown.stageText,
        submittedAt: shown.submittedAt,
        committedDueDate: shown.committedDueDate,
        dueDateProvisional: shown.dueDateProvisional,
        resultText: shown.resultText,
        concludedAt: shown.concludedAt,
      };
    });
  }

  /** One of them in full, as 办件查询 shows it; someone else's case is as unknown as one that does not exist. */
  async one(applicant: Applicant, caseId: string): Promise<PublicProgress> {
    return this.progress.progressOf(await this.mine(applicant, caseId));
  }

  /** 好差评 from 我的办件: the same one rating per case as at 办件查询, proven by the number instead of the 查询码. */
  async rate(applicant: Applicant, caseId: string, rating: RateMyCaseDto): Promise<RatingRecord> {
    return this.progress.rateCase(await this.mine(applicant, caseId), rating);
  }

  private async mine(applicant: Applicant, caseId: string): Promise<MyCaseRow> {
    const [row] = (await this.dataSource.query(
      `SELECT ${PROGRESS_COLUMNS} FROM routing.routed_cases
        WHERE case_id = $1 AND applicant_phone_digest = $2 AND receipt_number IS NOT NULL`,
      [caseId, this.digestOf(applicant)],
    )) as MyCaseRow[];
    if (!row) throw new ProgressError(ProgressErrorCode.NOT_AMONG_MINE);
    return row;
  }

  private digestOf(applicant: Applicant): string {
    return lookupDigest(this.policy.applicantLookupKey, 'phone', applicant.phone);
  }
}
