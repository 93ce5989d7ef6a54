import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@oneseal/auth';
import { personActor, personalDataViewedV1 } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { INTAKE_SCHEMA } from '../config/intake.env';
import { applicationView, type ApplicationRecord, type ApplicationView } from './application-view';
import { AttachmentsService } from './attachments/attachments.service';
import { CaseFileError, CaseFileErrorCode } from './case-files.errors';

/**
 * The application of a case as its readers see it: everything that was applied for, with the matter, the 申请表,
 * the materials checklist and its pages. Whoever is shown the applicant's full personal data is on the case's record.
 */
@Injectable()
export class CaseFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async read(reader: AuthUser, caseId: string, showPersonalData: boolean): Promise<ApplicationView> {
    const record = await this.record(caseId);
    const { view, personalFields } = applicationView(
      record,
      await this.attachments.list(caseId),
      showPersonalData,
    );
    if (personalFields.length > 0) await this.recordView(reader, record, personalFields);
    return view;
  }

  /** A page opened: scans show the ID card, household register and bank card in full, so each view is recorded. */
  async pageViewed(reader: AuthUser, caseId: string, attachmentId: string): Promise<void> {
    await this.recordView(reader, await this.record(caseId), [`attachments/${attachmentId}`]);
  }

  private async recordView(
    reader: AuthUser,
    record: Pick<ApplicationRecord, 'caseId' | 'county' | 'town'>,
    fields: string[],
  ): Promise<void> {
    await this.dataSource.transaction((manager) =>
      enqueueEvent(manager, INTAKE_SCHEMA, personalDataViewedV1, {
        subject: record.caseId,
        county: record.county,
        town: record.town,
        actor: personActor(reader),
        correlationId: record.caseId,
        payload: {
          caseId: record.caseId,
          viewerId: reader.id,
          viewerName: reader.name,
          viewerRoles: reader.roles,
          fields,
          viewedAt: new Date().toISOString(),
        },
      }),
    );
  }

  /** Who filed a case: they may add its pages before routing has placed it. */
  async filerOf(caseId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT filed_by AS "filedBy" FROM intake.applications WHERE id = $1`,
      [caseId],
    )) as { filedBy: string | null }[];
    if (!row) throw new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND);
    return row.filedBy;
  }

  private async record(caseId: string): Promise<ApplicationRecord> {
    const [record] = (await this.dataSource.query(
      `SELECT a.id AS "caseId", a.receipt_number AS "receiptNumber", a.submitted_at AS "submittedAt", a.channel,
              a.county, c.name AS "countyName", a.town, t.name AS "townName", a.village_code AS "villageCode",
              vi.name AS "villageName", a.applicant_name AS "applicantName",
              a.applicant_id_number AS "applicantIdNumber", a.applicant_phone AS "applicantPhone",
              a.form_data AS "formData", a.authorisation, a.materials, a.delivery_method AS "deliveryMethod",
              a.delivery_address AS "deliveryAddress", a.filed_by AS "filedBy", a.filed_by_name AS "filedByName",
              a.matter_code AS "matterCode", a.matter_name AS "matterName", a.matter_version AS "matterVersion",
              m.type AS "matterType", m.type_code AS "matterTypeCode", m.level AS "matterLevel",
              m.handling_mode AS "handlingMode", m.unit_code AS "unitCode", u.name AS "unitName", v.guide
         FROM intake.applications a
         JOIN intake.matters m ON m.code = a.matter_code
         LEFT JOIN intake.matter_versions v ON v.matter_code = a.matter_code AND v.version = a.matter_version
         LEFT JOIN intake.county_units u ON u.code = m.unit_code
         LEFT JOIN intake.counties c ON c.code = a.county
         LEFT JOIN intake.towns t ON t.code = a.town
         LEFT JOIN intake.villages vi ON vi.code = a.village_code
        WHERE a.id = $1`,
      [caseId],
    )) as ApplicationRecord[];
    if (!record) throw new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND);
    return {
      ...record,
      applicantIdNumber: this.cipher.decryptNullable('applicant_id_number', caseId, record.applicantIdNumber),
      applicantPhone: this.cipher.decryptNullable('applicant_phone', caseId, record.applicantPhone),
    };
  }
}
