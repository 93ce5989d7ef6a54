import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import type { ApplicationForm, MatterGuide } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CatalogueQueryError, CatalogueQueryErrorCode } from '../catalogue/catalogue.errors';
import type { PublishGuideDto } from './dto/publish-guide.dto';
import { GuidePublishingError, GuidePublishingErrorCode } from './guide-publishing.errors';
import { guideProblems } from './guide-rules';

export interface PublishedGuide {
  matterCode: string;
  version: number;
  publishedBy: string;
  publishedAt: Date;
}

export interface GuideVersion {
  version: number;
  current: boolean;
  /** null for the versions the seed data wrote. */
  publishedByName: string | null;
  reason: string | null;
  createdAt: Date;
  guide: MatterGuide;
}

/**
 * The county's administration bureau keeps each matter's 办事指南: a new version applies to applications filed from
 * then on; a filed case keeps the version it was filed under.
 */
@Injectable()
export class GuidePublishingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publish(publisher: AuthUser, matterCode: string, dto: PublishGuideDto): Promise<PublishedGuide> {
    const problems = guideProblems(dto);
    return this.dataSource.transaction(async (manager) => {
      // Locked, so two administrators publishing at once take turns and the second sees the first's version.
      const [matter] = (await manager.query(
        `SELECT county_code AS county, current_version AS version FROM intake.matters WHERE code = $1 FOR UPDATE`,
        [matterCode],
      )) as { county: string; version: number }[];
      if (!matter) throw new CatalogueQueryError(CatalogueQueryErrorCode.MATTER_NOT_FOUND);
      assertReachesPlace(publisher, { county: matter.county });
      if (problems.length > 0)
        throw new GuidePublishingError(GuidePublishingErrorCode.GUIDE_INVALID, { problems });
      if (dto.expectedVersion !== matter.version) {
        throw new GuidePublishingError(GuidePublishingErrorCode.VERSION_CONFLICT, {
          currentVersion: matter.version,
        });
      }
      // Read after the lock: the version being replaced, whose form carries over when none is sent.
      const [edited] = (await manager.query(
        `SELECT guide FROM intake.matter_versions WHERE matter_code = $1 AND version = $2`,
        [matterCode, matter.version],
      )) as { guide: MatterGuide }[];
      const version = matter.version + 1;
      const [published] = (await manager.query(
        `INSERT INTO intake.matter_versions (matter_code, version, guide, published_by, published_by_name, reason)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING created_at AS "createdAt"`,
        [
          matterCode,
          version,
          JSON.stringify(guideOf(dto, edited.guide)),
          publisher.id,
          publisher.name,
          dto.reason.trim(),
        ],
      )) as { createdAt: Date }[];
      await manager.query(`UPDATE intake.matters SET current_version = $2 WHERE code = $1`, [
        matterCode,
        version,
      ]);
      return { matterCode, version, publishedBy: publisher.name, publishedAt: published.createdAt };
    });
  }

  async versions(viewer: AuthUser, matterCode: string): Promise<GuideVersion[]> {
    const [matter] = (await this.dataSource.query(
      `SELECT county_code AS county FROM intake.matters WHERE code = $1`,
      [matterCode],
    )) as { county: string }[];
    if (!matter) throw new CatalogueQueryError(CatalogueQueryErrorCode.MATTER_NOT_FOUND);
    assertReachesPlace(viewer, { county: matter.county });
    return (await this.dataSource.query(
      `SELECT v.version, v.version = m.current_version AS current, v.published_by_name AS "publishedByName",
              v.reason, v.created_at AS "createdAt", v.guide
         FROM intake.matter_versions v JOIN intake.matters m ON m.code = v.matter_code
        WHERE v.matter_code = $1 ORDER BY v.version DESC`,
      [matterCode],
    )) as GuideVersion[];
  }
}

/** The new version: what the administrator confirmed; the form carried over from the edited version if not sent. */
function guideOf(dto: PublishGuideDto, edited: MatterGuide): MatterGuide {
  const form = (dto.form as ApplicationForm | undefined) ?? edited.form;
  const formSource = dto.form ? 'administrator' : edited.sources.form;
  return {
    legalBasis: dto.legalBasis.trim(),
    caseKind: dto.caseKind,
    statutoryLimitWorkingDays: dto.statutoryLimitWorkingDays ?? null,
    committedLimitWorkingDays: dto.committedLimitWorkingDays,
    materials: dto.materials.map(({ name, issuer, originals, copies, required }) => ({
      name: name.trim(),
      issuer: issuer.trim(),
      originals,
      copies,
      required,
    })),
    fee: dto.fee.trim(),
    onlineDepth: dto.onlineDepth,
    onSiteVisits: dto.onSiteVisits,
    appointment: dto.appointment,
    expressDelivery: dto.expressDelivery,
    ...(form ? { form } : {}),
    // What public sources say stays with the guide, for the bureau's next review and the public page.
    ...(edited.content ? { content: edited.content } : {}),
    sources: {
      legalBasis: 'administrator',
      timeLimits: 'administrator',
      caseKind: 'administrator',
      materials: 'administrator',
      fee: 'administrator',
      online: 'administrator',
      ...(formSource ? { form: formSource } : {}),
    },
  };
}
