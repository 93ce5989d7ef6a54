import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationSubmittedV1,
  personActor,
  type ApplicationSubmittedV1,
  type EventActor,
} from '@oneseal/contracts';
import { changeAndEnqueueEvent, isUniqueViolation, timeOrderedUuid } from '@oneseal/database';
import {
  canonicalJson,
  chinaDate,
  checkFormData,
  describeShortfall,
  idNumberTail,
  lookupDigest,
  parseIsoDate,
  type FormData,
  type SubmittedMaterial,
  findMaterialShortfalls,
  formatTypedCode,
  PROGRESS_QUERY_CODE_GROUPS,
} from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { APPLICANT_LOOKUP_KEY } from '../personal-data/personal-data.tokens';
import { MatterOfferingService } from '../catalogue/matter-offering.service';
import { INTAKE_SCHEMA } from '../config/intake.env';
import { Application } from './application.entity';
import { IntakeError, IntakeErrorCode } from './applications.errors';
import { receiptNumbering } from './receipt-numbers';
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

/** An application that passed its checks, as it is recorded. */
export interface ApplicationToRecord {
  content: SubmitApplicationDto;
  matter: MatterSnapshot;
  /** The 申请表 as kept (trimmed, numbers as numbers). */
  formData: FormData;
  /** What was handed in: paper counted at the window, pages uploaded online. */
  materials: SubmittedMaterial[];
  idempotencyKey?: string;
  fingerprint: string;
  /** Whether an earlier request under the same key was this one (its stored fingerprint). */
  sameRequest: (storedFingerprint: string) => boolean;
  filedBy?: { id: string; name: string };
  /** Filed online for a family member: who filed (no account; their name as they gave it). */
  agentName?: string;
  onlineFilerDigest?: string;
  actor: EventActor;
  /** A check that must hold in the application's transaction before anything is written (a daily limit). */
  beforeRecord?: (manager: EntityManager) => Promise<void>;
  /** What the application brings beside itself (pages filed online), stored in its transaction. */
  alsoStore?: (manager: EntityManager, application: Application) => Promise<void>;
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
   * An application keyed in at the window or the village station: checked against the guide in force, then
   * recorded. With an idempotency key, a retry returns the case the first attempt created instead of creating a
   * second one.
   */
  async submitApplication(
    dto: SubmitApplicationDto,
    idempotencyKey?: string,
    filedBy?: { id: string; name: string },
  ): Promise<SubmittedApplicationDto> {
    const requestFingerprint = fingerprint(this.lookupKey, dto);
    const sameRequest = (stored: string) =>
      stored === requestFingerprint || stored === unkeyedFingerprint(dto);
    const earlier = await this.earlierFiling(dto.county, idempotencyKey, sameRequest);
    if (earlier) return earlier;
    const matter = await this.offering.check(dto);
    const { formData } = checkAgainstGuide(dto, matter, chinaDate(new Date()));
    return this.record({
      content: dto,
      matter,
      formData,
      materials: dto.materials.map(({ name, originals, copies }) => ({ name, originals, copies })),
      idempotencyKey,
      fingerprint: requestFingerprint,
      sameRequest,
      filedBy,
      actor: filedBy ? personActor(filedBy) : { kind: 'service', id: 'intake' },
    });
  }

  /** The case an earlier request under this key created; refused when that request was a different one. */
  async earlierFiling(
    county: string,
    idempotencyKey: string | undefined,
    sameRequest: (storedFingerprint: string) => boolean,
  ): Promise<SubmittedApplicationDto | undefined> {
    if (!idempotencyKey) return undefined;
    const earlier = await this.dataSource.getRepository(Application).findOneBy({ county, idempotencyKey });
    if (!earlier) return undefined;
    if (!sameRequest(earlier.requestFingerprint))
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

  /** Records the application and its ApplicationSubmitted event (and whatever it brings) in one transaction. */
  async record(filing: ApplicationToRecord): Promise<SubmittedApplicationDto> {
    const { content: dto, matter, idempotencyKey } = filing;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await filing.beforeRecord?.(manager);
        const submittedAt = new Date();
        const id = timeOrderedUuid();
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
          materials: filing.materials,
          formData: filing.formData,
          authorisation: dto.authorisation ?? null,
          deliveryMethod: dto.deliveryMethod,
          deliveryAddress: dto.deliveryAddress ?? null,
          // Numbered last (below): the county's counter of the day is held only from then to the commit.
          receiptNumber: null,
          progressQueryCode: formatTypedCode(
            randomBytes(PROGRESS_QUERY_CODE_GROUPS * 4),
            PROGRESS_QUERY_CODE_GROUPS,
          ),
          idempotencyKey: idempotencyKey ?? null,
          requestFingerprint: filing.fingerprint,
          submittedAt,
          filedBy: filing.filedBy?.id ?? null,
          filedByName: filing.filedBy?.name ?? filing.agentName ?? null,
          onlineFilerDigest: filing.onlineFilerDigest ?? null,
        });
        await manager.insert(Application, application);
        await filing.alsoStore?.(manager, application);
        const announced = await changeAndEnqueueEvent<ApplicationSubmittedV1, 'receiptNumber'>(
          manager,
          INTAKE_SCHEMA,
          applicationSubmittedV1,
          receiptNumbering(id, dto.county, submittedAt),
          {
            subject: application.id,
            county: application.county,
            town: application.town,
            actor: filing.actor,
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
              progressQueryCode: application.progressQueryCode ?? undefined,
              caseKind: matter.guide.caseKind,
              committedLimitWorkingDays: matter.guide.committedLimitWorkingDays,
              statutoryLimitWorkingDays: matter.guide.statutoryLimitWorkingDays ?? undefined,
              deliveryMethod: dto.deliveryMethod,
              villageCode: application.villageCode ?? undefined,
              submittedAt: application.submittedAt.toISOString(),
            },
          },
          { receiptNumber: 'change.receipt_number' },
        );
        if (!announced) throw new Error(`application ${id} was not there to number`);
        application.receiptNumber = announced.payload.receiptNumber;
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
      const earlier = isUniqueViolation(error)
        ? await this.earlierFiling(dto.county, idempotencyKey, filing.sameRequest)
        : undefined;
      if (earlier) return earlier;
      throw error;
    }
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
  assertAuthorisationSigned(dto.authorisation, today);
  if (dto.deliveryMethod === 'express' && !matter.guide.expressDelivery) {
    throw new IntakeError(IntakeErrorCode.DELIVERY_NOT_OFFERED);
  }
  return { formData: formCheck.data };
}

const isIsoDate = (value: string) => parseIsoDate(value) !== undefined;

/** A 授权委托书 is signed on a real day, no later than today. */
export function assertAuthorisationSigned(
  authorisation: { signedOn: string } | undefined,
  today: string,
): void {
  if (authorisation && !(isIsoDate(authorisation.signedOn) && authorisation.signedOn <= today))
    throw new IntakeError(IntakeErrorCode.AUTHORISATION_INVALID);
}
