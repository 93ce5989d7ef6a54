import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicationSubmittedV1, personActor } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import {
  canonicalJson,
  chinaDate,
  checkFormData,
  describeShortfall,
  idNumberTail,
  lookupDigest,
  parseIsoDate,
  type FormData,
  findMaterialShortfalls,
  formatTypedCode,
  PROGRESS_QUERY_CODE_GROUPS,
} from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { APPLICANT_LOOKUP_KEY } from '../personal-data/personal-data.tokens';
import { MatterOfferingService } from '../catalogue/matter-offering.service';
import { INTAKE_SCHEMA } from '../config/intake.env';
import { Application } from './application.entity';
import { IntakeError, IntakeErrorCode } from './applications.errors';
import { nextReceiptNumber } from './receipt-numbers';
import type { SubmitApplicationDto, SubmittedApplicationDto } from './dto/submit-application.dto';
import type { MatterSnapshot } from '../catalogue/matter-offering.service';

/**
 * What makes two submissions under one Idempotency-Key the same request: keyed (HMAC under the lookup key), since
 * the request holds the applicant's ID number and phone, which a plain hash would let anyone with the table guess.
 */
function fingerprint(key: Buffer, dto: SubmitApplicationDto): string {
  return createHmac('sha256', key).update(canonicalJson(dto)).digest('hex');
}

/**
 * The fingerprint of applications recorded before fingerprints were keyed: a retry sent across the upgrade still
 * finds its case. Remove once no such retry can come (keys are retried within minutes).
 */
function unkeyedFingerprint(dto: SubmitApplicationDto): string {
  return createHash('sha256').update(canonicalJson(dto)).digest('hex');
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offering: MatterOfferingService,
    @Inject(APPLICANT_LOOKUP_KEY) private readonly lookupKey: Buffer,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * Records the application and its ApplicationSubmitted event in one transaction. With an idempotency key,
   * a retry returns the case the first attempt created instead of creating a second one.
   */
  async submitApplication(
    dto: SubmitApplicationDto,
    idempotencyKey?: string,
    filedBy?: { id: string; name: string },
  ): Promise<SubmittedApplicationDto> {
    const requestFingerprint = fingerprint(this.lookupKey, dto);
    if (idempotencyKey) {
      const earlier = await this.findByIdempotencyKey(dto.county, idempotencyKey);
      if (earlier) return this.replay(earlier, dto);
    }
    const matter = await this.offering.check(dto);
    const { formData } = checkAgainstGuide(dto, matter, chinaDate(new Date()));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const submittedAt = new Date();
        const id = randomUUID();
        const application = manager.create(Application, {
          id,
          county: dto.county,
          town: dto.town,
          villageCode: dto.villageCode ?? null,
          matterCode: matter.code,
          matterName: matter.name,
          matterVersion: matter.version,
          channel: dto.channel,
          applicantName: dto.applicantName,
          // Encrypted at rest; found by the keyed digest, never by the number itself.
          applicantIdNumber: this.cipher.encrypt('applicant_id_number', id, dto.applicantIdNumber),
          applicantIdDigest: lookupDigest(this.lookupKey, 'id-number', dto.applicantIdNumber),
          applicantPhone: this.cipher.encrypt('applicant_phone', id, dto.applicantPhone),
          materials: dto.materials.map(({ name, originals, copies }) => ({ name, originals, copies })),
          formData,
          authorisation: dto.authorisation
            ? { signedOn: dto.authorisation.signedOn, scope: dto.authorisation.scope }
            : null,
          deliveryMethod: dto.deliveryMethod,
          deliveryAddress: dto.deliveryAddress ?? null,
          receiptNumber: await nextReceiptNumber(manager, dto.county, submittedAt),
          progressQueryCode: formatTypedCode(
            randomBytes(PROGRESS_QUERY_CODE_GROUPS * 4),
            PROGRESS_QUERY_CODE_GROUPS,
          ),
          idempotencyKey: idempotencyKey ?? null,
          requestFingerprint,
          submittedAt,
          filedBy: filedBy?.id ?? null,
          filedByName: filedBy?.name ?? null,
        });
        await manager.insert(Application, application);
        await enqueueEvent(manager, INTAKE_SCHEMA, applicationSubmittedV1, {
          subject: application.id,
          county: application.county,
          town: application.town,
          actor: filedBy ? personActor(filedBy) : { kind: 'service', id: 'intake' },
          correlationId: application.id,
          payload: {
            caseId: application.id,
            matterCode: matter.code,
            matterName: matter.name,
            matterVersion: matter.version,
            matterLevel: matter.level,
            matterTypeCode: matter.typeCode,
            ...(matter.guide.legalBasis ? { legalBasis: matter.guide.legalBasis } : {}),
            handlingMode: matter.handlingMode,
            delegatingUnit: matter.delegatingUnit ?? undefined,
            countyUnitCode: matter.unitCode,
            delegatedToTown: matter.delegatedToTown,
            ...(matter.townTwin
              ? {
                  townTwinCode: matter.townTwin.code,
                  townTwinHandlingMode: matter.townTwin.handlingMode,
                  townTwinDelegatingUnit: matter.townTwin.delegatingUnit,
                  townTwinCountyUnitCode: matter.townTwin.countyUnitCode,
                  townTwinDelegatedToTown: matter.townTwin.delegatedToTown,
                }
              : {}),
            channel: application.channel,
            applicantName: application.applicantName,
            applicantPhone: dto.applicantPhone,
            applicantIdDigest: lookupDigest(this.lookupKey, 'id-number', dto.applicantIdNumber),
            applicantIdTail: idNumberTail(dto.applicantIdNumber),
            receiptNumber: application.receiptNumber as string,
            progressQueryCode: application.progressQueryCode ?? undefined,
            caseKind: matter.guide.caseKind,
            committedLimitWorkingDays: matter.guide.committedLimitWorkingDays,
            statutoryLimitWorkingDays: matter.guide.statutoryLimitWorkingDays ?? undefined,
            deliveryMethod: dto.deliveryMethod,
            villageCode: application.villageCode ?? undefined,
            submittedAt: application.submittedAt.toISOString(),
          },
        });
        return {
          caseId: application.id,
          receiptNumber: application.receiptNumber as string,
          queryCode: application.progressQueryCode ?? undefined,
          status: 'submitted' as const,
          submittedAt: application.submittedAt.toISOString(),
          replayed: false,
        };
      });
    } catch (error) {
      // Two concurrent retries with one key: the loser answers with the winner's case.
      const earlier =
        idempotencyKey && isUniqueViolation(error)
          ? await this.findByIdempotencyKey(dto.county, idempotencyKey)
          : null;
      if (earlier) return this.replay(earlier, dto);
      throw error;
    }
  }

  private findByIdempotencyKey(county: string, idempotencyKey: string): Promise<Application | null> {
    return this.dataSource.getRepository(Application).findOneBy({ county, idempotencyKey });
  }

  private replay(earlier: Application, dto: SubmitApplicationDto): SubmittedApplicationDto {
    if (
      earlier.requestFingerprint !== fingerprint(this.lookupKey, dto) &&
      earlier.requestFingerprint !== unkeyedFingerprint(dto)
    )
      throw new IntakeError(IntakeErrorCode.IDEMPOTENCY_KEY_REUSED);
    return {
      caseId: earlier.id,
      receiptNumber: earlier.receiptNumber ?? '',
      queryCode: earlier.progressQueryCode ?? undefined,
      status: 'submitted',
      submittedAt: earlier.submittedAt.toISOString(),
      replayed: true,
    };
  }
}

/**
 * The 预受理 check against the guide version in force: the 申请表 as its form asks, everything missing named at once
 * (the 补正 notice), a 帮办代办 filing with its 授权委托书, and only a delivery method the matter offers. Nothing is
 * recorded when the check fails. Answers the form data as it is kept (trimmed, numbers as numbers).
 */
function checkAgainstGuide(
  dto: SubmitApplicationDto,
  matter: MatterSnapshot,
  today: string,
): { formData: FormData } {
  const form = matter.guide.form ?? { sections: [] };
  const formCheck = checkFormData(form, dto.formData ?? {}, today);
  const shortfalls = findMaterialShortfalls(matter.guide.materials, dto.materials);
  const materialDetails =
    shortfalls.length > 0 ? { correctionNotice: shortfalls.map(describeShortfall), shortfalls } : {};
  if (!formCheck.ok) {
    throw new IntakeError(IntakeErrorCode.FORM_INVALID, { problems: formCheck.problems, ...materialDetails });
  }
  if (shortfalls.length > 0) throw new IntakeError(IntakeErrorCode.MATERIALS_INCOMPLETE, materialDetails);
  if (dto.channel === 'village-agent' && !dto.authorisation) {
    throw new IntakeError(IntakeErrorCode.AUTHORISATION_REQUIRED);
  }
  if (dto.authorisation && !(isIsoDate(dto.authorisation.signedOn) && dto.authorisation.signedOn <= today)) {
    throw new IntakeError(IntakeErrorCode.AUTHORISATION_INVALID);
  }
  if (dto.deliveryMethod === 'express' && !matter.guide.expressDelivery) {
    throw new IntakeError(IntakeErrorCode.DELIVERY_NOT_OFFERED);
  }
  return { formData: formCheck.data };
}

const isIsoDate = (value: string) => parseIsoDate(value) !== undefined;

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { driverError?: { code?: string } }).driverError?.code === '23505'
  );
}
