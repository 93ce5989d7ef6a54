import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Applicant } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import {
  AttachmentsService,
  type AttachmentSummary,
  type NewAttachment,
} from '../case-files/attachments/attachments.service';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { ApplicantCaseClient } from './applicant-case.client';
import { OnlineFilingError, OnlineFilingErrorCode } from './online-filing.errors';
import { APPLICANT_ACTOR } from './online-filing.service';

/**
 * The pages of an applicant's own case, online: a 补正 supplied from the phone while one is awaited, and the list of
 * what their case file holds (names and when, never the content). A case is theirs when it was filed with the
 * number they signed in with.
 */
@Injectable()
export class ApplicantPagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly attachments: AttachmentsService,
    private readonly routing: ApplicantCaseClient,
  ) {}

  async addCorrectionPage(
    applicant: Applicant,
    authorization: string,
    caseId: string,
    page: Omit<NewAttachment, 'stage'>,
  ): Promise<AttachmentSummary> {
    const own = await this.ownCase(applicant, caseId);
    const { correction } = await this.routing.standing(authorization, caseId);
    if (!correction) throw new OnlineFilingError(OnlineFilingErrorCode.NOT_AWAITING_CORRECTION);
    return this.attachments.add(
      caseId,
      { ...page, stage: 'correction' },
      { id: APPLICANT_ACTOR.id, name: own.applicantName, actor: APPLICANT_ACTOR },
      correction.missingMaterials,
    );
  }

  async pages(applicant: Applicant, caseId: string): Promise<AttachmentSummary[]> {
    await this.ownCase(applicant, caseId);
    return this.attachments.list(caseId);
  }

  private async ownCase(applicant: Applicant, caseId: string): Promise<{ applicantName: string }> {
    const [row] = (await this.dataSource.query(
      `SELECT applicant_name AS "applicantName", applicant_phone AS "applicantPhone"
         FROM intake.applications WHERE id = $1`,
      [caseId],
    )) as { applicantName: string; applicantPhone: string | null }[];
    const phone = row && this.cipher.decryptNullable('applicant_phone', caseId, row.applicantPhone);
    if (!row || phone !== applicant.phone) throw new OnlineFilingError(OnlineFilingErrorCode.NOT_AMONG_MINE);
    return { applicantName: row.applicantName };
  }
}
