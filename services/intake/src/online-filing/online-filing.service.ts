import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Applicant } from '@oneseal/auth';
import type { EventActor, OnlineChannel } from '@oneseal/contracts';
import {
  canonicalJson,
  chinaDate,
  checkFormData,
  findMaterialShortfalls,
  lookupDigest,
  mayFileOnline,
  onlineDeliveryMethods,
  type MatterGuide,
  type SubmittedMaterial,
} from '@oneseal/domain';
import type { EntityManager } from 'typeorm';
import type { AgentAuthorisation, Application } from '../applications/application.entity';
import { ApplicationsService, assertAuthorisationSigned } from '../applications/applications.service';
import { IntakeError, IntakeErrorCode } from '../applications/applications.errors';
import type {
  SubmitApplicationDto,
  SubmittedApplicationDto,
} from '../applications/dto/submit-application.dto';
import { MatterOfferingService } from '../catalogue/matter-offering.service';
import {
  AUTHORISATION_MATERIAL,
  AttachmentsService,
  checkedPage,
  type CheckedPage,
} from '../case-files/attachments/attachments.service';
import { APPLICANT_LOOKUP_KEY } from '../personal-data/personal-data.tokens';
import type { UploadedFileContent } from '../uploads/file-upload';
import type { OnlineApplicationDto } from './dto/online-application.dto';
import { ONLINE_FILINGS_PER_DAY, OnlineFilingError, OnlineFilingErrorCode } from './online-filing.errors';

/** An applicant online, as their events name them (they have no account; their number is never in an event). */
export const APPLICANT_ACTOR: EventActor = { kind: 'person', id: 'applicant', role: 'applicant' };

/** Who files online: an applicant on OneSeal's own portal, or one on the province's 一网通办 portal. */
export interface OnlineFiler {
  /** The mobile number the applicant proved (our SMS code, or the province's own sign-in). */
  phone: string;
  channel: OnlineChannel;
  /** Our portal's limit of filings per number and day; the province's portal keeps its own. */
  limitPerDay: boolean;
  /** Recorded in the filing's own transaction (the exchange's note of which provincial application it was). */
  alsoStore?: (manager: EntityManager, application: Application) => Promise<void>;
}

/**
 * 网上申报: an applicant signed in with their mobile number files a matter whose guide allows it (网办深度 3 or 4),
 * with its 申请表 and a scan or photo of every required material, for themselves or for a family member who signed a
 * 授权委托书. The application and its pages are recorded together or not at all; the case then goes to the town's
 * window like any other, by the channel 网上申请.
 */
@Injectable()
export class OnlineFilingService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly offering: MatterOfferingService,
    private readonly attachments: AttachmentsService,
    @Inject(APPLICANT_LOOKUP_KEY) private readonly lookupKey: Buffer,
  ) {}

  file(
    applicant: Applicant,
    dto: OnlineApplicationDto,
    files: UploadedFileContent[],
    idempotencyKey?: string,
  ): Promise<SubmittedApplicationDto> {
    return this.fileAs(
      { phone: applicant.phone, channel: 'online', limitPerDay: true },
      dto,
      files,
      idempotencyKey,
    );
  }

  /** Files as `file` does, for the filer given: every check of an online filing applies whichever portal it came by. */
  async fileAs(
    filer: OnlineFiler,
    dto: OnlineApplicationDto,
    files: UploadedFileContent[],
    idempotencyKey?: string,
  ): Promise<SubmittedApplicationDto> {
    if (files.length !== dto.pageMaterials.length)
      throw new OnlineFilingError(OnlineFilingErrorCode.PAGES_UNMATCHED, {
        files: files.length,
        pageMaterials: dto.pageMaterials.length,
      });
    const pages = files.map((file, index) =>
      checkedPage({
        materialName: dto.pageMaterials[index],
        fileName: file.originalname,
        content: file.buffer,
        stage: 'filing',
      }),
    );
    const requestFingerprint = createHmac('sha256', this.lookupKey)
      .update(canonicalJson({ phone: filer.phone, dto, pages: pages.map((page) => page.sha256) }))
      .digest('hex');
    const sameRequest = (stored: string) => stored === requestFingerprint;
    const earlier = await this.applications.earlierFiling(dto.county, idempotencyKey, sameRequest);
    if (earlier) return earlier;

    // Kept with the application and shown on the case file: who files for the applicant, and as what relation.
    const authorisation: AgentAuthorisation | undefined = dto.onBehalf && {
      signedOn: dto.onBehalf.signedOn,
      scope: dto.onBehalf.scope,
      relationship: dto.onBehalf.relationship,
    };
    const content: SubmitApplicationDto = {
      county: dto.county,
      town: dto.town,
      matterCode: dto.matterCode,
      channel: filer.channel,
      applicantName: dto.applicantName,
      applicantIdNumber: dto.applicantIdNumber,
      applicantPhone: filer.phone,
      materials: [],
      deliveryMethod: dto.deliveryMethod,
      ...(dto.deliveryMethod === 'express' ? { deliveryAddress: dto.deliveryAddress } : {}),
      ...(dto.formData ? { formData: dto.formData } : {}),
      ...(authorisation ? { authorisation } : {}),
    };
    const matter = await this.offering.check(content);
    if (!mayFileOnline(matter.guide)) throw new OnlineFilingError(OnlineFilingErrorCode.NOT_ONLINE);
    if (!onlineDeliveryMethods(matter.guide).includes(dto.deliveryMethod))
      throw new OnlineFilingError(OnlineFilingErrorCode.DELIVERY_NOT_ONLINE, {
        offered: onlineDeliveryMethods(matter.guide),
      });
    const materials = uploadedMaterials(matter.guide, pages, !!dto.onBehalf);
    const today = chinaDate(new Date());
    // Everything wrong is named at once: the form's problems, and every required material without a page.
    const notUploaded = findMaterialShortfalls(matter.guide.materials, materials).map((short) => short.name);
    const formCheck = checkFormData(matter.guide.form ?? { sections: [] }, dto.formData ?? {}, today);
    if (!formCheck.ok)
      throw new IntakeError(IntakeErrorCode.FORM_INVALID, {
        problems: formCheck.problems,
        ...(notUploaded.length ? { notUploaded } : {}),
      });
    if (notUploaded.length)
      throw new OnlineFilingError(OnlineFilingErrorCode.MATERIALS_NOT_UPLOADED, { notUploaded });
    if (dto.onBehalf && !pages.some((page) => page.materialName === AUTHORISATION_MATERIAL))
      throw new OnlineFilingError(OnlineFilingErrorCode.AUTHORISATION_NOT_UPLOADED);
    // What the window's check adds beyond the above (the delivery was checked against what is offered online).
    assertAuthorisationSigned(authorisation, today);
    const formData = formCheck.data;

    const filerDigest = lookupDigest(this.lookupKey, 'phone', filer.phone);
    const by = {
      id: APPLICANT_ACTOR.id,
      name: dto.onBehalf?.agentName ?? dto.applicantName,
      actor: APPLICANT_ACTOR,
    };
    return this.applications.record({
      content,
      matter,
      formData,
      materials,
      idempotencyKey,
      fingerprint: requestFingerprint,
      sameRequest,
      onlineFilerDigest: filerDigest,
      ...(dto.onBehalf ? { agentName: dto.onBehalf.agentName } : {}),
      actor: APPLICANT_ACTOR,
      ...(filer.limitPerDay
        ? { beforeRecord: (manager: EntityManager) => this.refuseBeyondDailyLimit(manager, filerDigest) }
        : {}),
      alsoStore: async (manager, application) => {
        const place = { caseId: application.id, county: application.county, town: application.town };
        for (const page of pages) await this.attachments.storeWithin(manager, place, page, by);
        await filer.alsoStore?.(manager, application);
      },
    });
  }

  /**
   * One number's filings of the last day, counted in the filing's own transaction under a lock on the number, so
   * parallel requests cannot slip past the count together.
   */
  private async refuseBeyondDailyLimit(manager: EntityManager, filerDigest: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`online-filer:${filerDigest}`]);
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM intake.applications
        WHERE online_filer_digest = $1 AND channel = 'online' AND submitted_at > now() - interval '1 day'`,
      [filerDigest],
    )) as { count: number }[];
    if (count >= ONLINE_FILINGS_PER_DAY) throw new OnlineFilingError(OnlineFilingErrorCode.TOO_MANY_TODAY);
  }
}

/**
 * What the pages hand in, material by material, named as the guide names them; a page under anything else (or a
 * 授权委托书 when nobody files on another's behalf) is refused.
 */
function uploadedMaterials(guide: MatterGuide, pages: CheckedPage[], onBehalf: boolean): SubmittedMaterial[] {
  const allowed = [
    ...guide.materials.map((material) => material.name),
    ...(onBehalf ? [AUTHORISATION_MATERIAL] : []),
  ];
  const unknown = pages.filter((page) => !allowed.includes(page.materialName));
  if (unknown.length)
    throw new OnlineFilingError(OnlineFilingErrorCode.PAGE_MATERIAL_UNKNOWN, {
      unknown: [...new Set(unknown.map((page) => page.materialName))],
      materials: allowed,
    });
  return allowed.flatMap((name) => {
    const count = pages.filter((page) => page.materialName === name).length;
    return count ? [{ name, originals: 0, copies: 0, pages: count }] : [];
  });
}
