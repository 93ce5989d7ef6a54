import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  attachmentAddedV1,
  personActor,
  type EventActor,
  type AttachmentContentType,
  type AttachmentStage,
} from '@oneseal/contracts';
import { enqueueEvent, timeOrderedUuid } from '@oneseal/database';
import type { MatterGuide } from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { INTAKE_SCHEMA } from '../../config/intake.env';
import { CaseFileError, CaseFileErrorCode } from '../case-files.errors';
import {
  contentTypeOf,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_CASE,
  withExtensionOf,
} from './attachment-content';

/** The paper a 帮办代办 agent files with beside the guide's materials. */
export const AUTHORISATION_MATERIAL = '授权委托书';

/** A page of a case file as lists show it: everything but its bytes. */
export interface AttachmentSummary {
  id: string;
  materialName: string;
  fileName: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
  stage: AttachmentStage;
  addedByName: string | null;
  addedAt: Date;
}

export interface NewAttachment {
  materialName: string;
  fileName: string;
  content: Buffer;
  stage: AttachmentStage;
}

const SUMMARY_COLUMNS = `id, material_name AS "materialName", file_name AS "fileName", content_type AS "contentType",
  size_bytes AS "sizeBytes", sha256, stage, added_by_name AS "addedByName", added_at AS "addedAt"`;

/**
 * Multer hands over the name as busboy read it: the UTF-8 bytes browsers send, taken as Latin-1. Read them as UTF-8
 * again (a name already decoded has characters beyond Latin-1 and is kept as it is).
 */
function asSent(name: string): string {
  if ([...name].some((char) => char.charCodeAt(0) > 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}

/** A file name as a person gave it, kept readable and safe to show (no paths, no control characters). */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (asSent(name).split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || '未命名文件').slice(0, 200);
}

/** Who added a page: a person's account and name, or an applicant online (with the actor their events carry). */
export interface AttachmentAuthor {
  id: string;
  name: string;
  actor?: EventActor;
}

/** A page whose content was checked (size, type by its bytes), ready to keep. */
export interface CheckedPage extends NewAttachment {
  contentType: AttachmentContentType;
  sha256: string;
}

/** Refuses an empty, oversized or unknown file before anything is written; names it as it will be kept. */
export function checkedPage(file: NewAttachment): CheckedPage {
  if (file.content.length === 0) throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_MISSING);
  if (file.content.length > MAX_ATTACHMENT_BYTES)
    throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_TOO_LARGE);
  const contentType = contentTypeOf(file.content);
  if (!contentType) throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED);
  return {
    ...file,
    fileName: withExtensionOf(contentType, cleanFileName(file.fileName)),
    contentType,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  };
}

/**
 * Keeps the pages of a case file: type known by content, size and count bounded, bound to a material the guide (of
 * the version the case was filed under) asks for; a refused file leaves nothing behind. Each page added is announced
 * with its SHA-256, so the case's record proves which file was received.
 */
@Injectable()
export class AttachmentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(
    caseId: string,
    file: NewAttachment,
    by: AttachmentAuthor,
    correctionMaterials: readonly string[] = [],
  ): Promise<AttachmentSummary> {
    const page = checkedPage(file);
    return this.dataSource.transaction(async (manager) => {
      // The application row is the lock: two uploads to one case take turns at the count.
      const [application] = (await manager.query(
        `SELECT a.county, a.town, a.authorisation IS NOT NULL AS "hasAuthorisation", v.guide
           FROM intake.applications a
           JOIN intake.matter_versions v ON v.matter_code = a.matter_code AND v.version = a.matter_version
          WHERE a.id = $1 FOR UPDATE OF a`,
        [caseId],
      )) as { county: string; town: string; hasAuthorisation: boolean; guide: MatterGuide }[];
      if (!application) throw new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND);
      const materials = application.guide.materials.map((material) => material.name);
      if (application.hasAuthorisation) materials.push(AUTHORISATION_MATERIAL);
      materials.push(...correctionMaterials.filter((name) => !materials.includes(name)));
      if (!materials.includes(file.materialName))
        throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_MATERIAL_UNKNOWN, { materials });
      return this.storeWithin(
        manager,
        { caseId, county: application.county, town: application.town },
        page,
        by,
      );
    });
  }

  /**
   * Keeps a checked page in the caller's transaction, which holds the application row (a case being filed, or
   * locked by add): the same page sent again is the page already kept, and the case's count is bounded.
   */
  async storeWithin(
    manager: EntityManager,
    place: { caseId: string; county: string; town: string },
    page: CheckedPage,
    by: AttachmentAuthor,
  ): Promise<AttachmentSummary> {
    const { caseId } = place;
    const [existing] = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM intake.attachments WHERE case_id = $1 AND material_name = $2 AND sha256 = $3`,
      [caseId, page.materialName, page.sha256],
    )) as AttachmentSummary[];
    // The same page sent again (a retried upload) is the page already kept.
    if (existing) return existing;
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM intake.attachments WHERE case_id = $1`,
      [caseId],
    )) as { count: number }[];
    if (count >= MAX_ATTACHMENTS_PER_CASE) throw new CaseFileError(CaseFileErrorCode.ATTACHMENTS_TOO_MANY);
    const id = timeOrderedUuid();
    const [added] = (await manager.query(
      `INSERT INTO intake.attachments
         (id, case_id, material_name, file_name, content_type, size_bytes, sha256, stage, added_by, added_by_name, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${SUMMARY_COLUMNS}`,
      [
        id,
        caseId,
        page.materialName,
        page.fileName,
        page.contentType,
        page.content.length,
        page.sha256,
        page.stage,
        by.id,
        by.name,
        page.content,
      ],
    )) as AttachmentSummary[];
    await enqueueEvent(manager, INTAKE_SCHEMA, attachmentAddedV1, {
      subject: caseId,
      county: place.county,
      town: place.town,
      actor: by.actor ?? personActor(by),
      correlationId: caseId,
      payload: {
        caseId,
        attachmentId: id,
        materialName: page.materialName,
        fileName: page.fileName,
        contentType: page.contentType,
        sizeBytes: page.content.length,
        sha256: page.sha256,
        stage: page.stage,
        addedBy: by.id,
        addedByName: by.name,
        addedAt: new Date(added.addedAt).toISOString(),
      },
    });
    return added;
  }

  list(caseId: string): Promise<AttachmentSummary[]> {
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM intake.attachments WHERE case_id = $1 ORDER BY added_at, id`,
      [caseId],
    ) as Promise<AttachmentSummary[]>;
  }

  async content(caseId: string, attachmentId: string): Promise<AttachmentSummary & { content: Buffer }> {
    const [found] = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, content FROM intake.attachments WHERE case_id = $1 AND id = $2`,
      [caseId, attachmentId],
    )) as (AttachmentSummary & { content: Buffer })[];
    if (!found) throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_NOT_FOUND);
    return found;
  }
}
