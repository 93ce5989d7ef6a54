import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Applicant } from '@oneseal/auth';
import { lookupDigest } from '@oneseal/domain';
import { caseStatusQuery, supplyCorrectionUpdate } from '@oneseal/contracts';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { withCaseRefusals } from '../case-commands/case-refusals';
import { CaseFilePagesClient } from './case-file-pages.client';
import { correctionStillMissing } from './online-correction';
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

/** Who supplied a 补正 online, as the case's record names them: the applicant (who has no account). */
const APPLICANT_HANDLER = 'applicant';

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
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly pages: CaseFilePagesClient,
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

  /**
   * 网上补正: the applicant says the 补正 is supplied once every material it asks for has a page uploaded since it was
   * asked for (intake keeps the pages); the case resumes as when the window takes the paper.
   */
  async supplyCorrection(
    applicant: Applicant,
    authorization: string,
    caseId: string,
  ): Promise<{ accepted: true }> {
    await this.mine(applicant, caseId);
    const handle = this.temporal.workflow.getHandle(caseId);
    const status = await handle.query(caseStatusQuery);
    if (status.stage !== 'awaiting-correction' || !status.correction)
      throw new ProgressError(ProgressErrorCode.NOT_AWAITING_CORRECTION);
    const missing = correctionStillMissing(status, await this.pages.pagesOf(authorization, caseId));
    if (missing.length) throw new ProgressError(ProgressErrorCode.CORRECTION_PAGES_MISSING, { missing });
    const supplied = { handlerId: APPLICANT_HANDLER, suppliedMaterials: status.correction.missingMaterials };
    return withCaseRefusals(handle, (workflow) =>
      workflow.executeUpdate(supplyCorrectionUpdate, { args: [supplied] }),
    );
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
