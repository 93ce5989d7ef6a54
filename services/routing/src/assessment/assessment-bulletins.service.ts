import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import type { NoticeText } from '@oneseal/contracts';
import { DataSource } from 'typeorm';
import { AssessmentError, AssessmentErrorCode } from './assessment.errors';
import type { AssessmentPeriodKind } from './assessment-period';
import { AssessmentService } from './assessment.service';
import { BulletinSealClient } from './bulletin-seal.client';

/** A 通报 as the county keeps it: the period, what it says, and once issued its 文号 and public document. */
export interface AssessmentBulletin {
  id: string;
  county: string;
  periodKind: AssessmentPeriodKind;
  periodOf: string;
  periodTitle: string;
  schemeVersion: number;
  title: string;
  /** What it says: as issued, once it is. */
  text: NoticeText;
  requestedByName: string;
  documentId: string | null;
  number: string | null;
  issuedAt: Date | null;
}

type BulletinRow = Omit<AssessmentBulletin, 'title'>;

const COLUMNS = `id, county, period_kind AS "periodKind", period_of AS "periodOf", period_title AS "periodTitle",
  scheme_version AS "schemeVersion", text, requested_by_name AS "requestedByName", document_id AS "documentId",
  number, issued_at AS "issuedAt"`;

const view = (row: BulletinRow): AssessmentBulletin => ({ ...row, title: row.text.title });

/**
 * 印发通报: a finished period's ranking, written as the county's 通报 and issued under the county administration's seal
 * (the seal service numbers it, seals it and publishes it on the public site). One 通报 per county and period: asking
 * again answers the one issued. Until it is issued the draft follows the ranking; a failed attempt is tried again with
 * the same key, so the seal service never issues it twice.
 */
@Injectable()
export class AssessmentBulletinsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessment: AssessmentService,
    private readonly seal: BulletinSealClient,
  ) {}

  async issue(
    admin: AuthUser,
    authorization: string,
    request: { county: string; period: AssessmentPeriodKind; of: string },
    now: Date = new Date(),
  ): Promise<AssessmentBulletin & { created: boolean }> {
    assertReachesPlace(admin, { county: request.county });
    // Issued already: answered as it was issued, without scoring the towns again.
    const [earlier] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.assessment_bulletins
        WHERE county = $1 AND period_kind = $2 AND period_of = $3 AND document_id IS NOT NULL`,
      [request.county, request.period, request.of],
    )) as BulletinRow[];
    if (earlier) return { ...view(earlier), created: false };
    const ranking = await this.assessment.ranking(admin, request.county, request.period, request.of, now);
    if (!ranking.period.complete) throw new AssessmentError(AssessmentErrorCode.PERIOD_NOT_OVER);
    const draft = await this.draftFor(admin, ranking.period.of, request.period, {
      county: request.county,
      periodTitle: ranking.period.title,
      schemeVersion: ranking.scheme.version,
      text: ranking.bulletin,
    });
    if (draft.documentId) return { ...view(draft), created: false };
    const issued = await this.seal.issue(authorization, {
      noticeKey: draft.id,
      kind: 'assessment-bulletin',
      county: request.county,
      text: draft.text,
    });
    const [[row]] = (await this.dataSource.query(
      `UPDATE routing.assessment_bulletins SET document_id = $2, number = $3, issued_at = $4
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [draft.id, issued.documentId, issued.number, issued.issuedAt],
    )) as [BulletinRow[], number];
    return { ...view(row), created: issued.created };
  }

  /** The period's draft, written now or brought up to the ranking as it stands; an issued one as it was issued. */
  private async draftFor(
    admin: AuthUser,
    of: string,
    kind: AssessmentPeriodKind,
    draft: { county: string; periodTitle: string; schemeVersion: number; text: NoticeText },
  ): Promise<BulletinRow> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO routing.assessment_bulletins (id, county, period_kind, period_of, period_title, scheme_version,
                                                  text, requested_by, requested_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (county, period_kind, period_of) DO UPDATE
          SET scheme_version = EXCLUDED.scheme_version, text = EXCLUDED.text, requested_by = EXCLUDED.requested_by,
              requested_by_name = EXCLUDED.requested_by_name, requested_at = now()
        WHERE routing.assessment_bulletins.document_id IS NULL
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        draft.county,
        kind,
        of,
        draft.periodTitle,
        draft.schemeVersion,
        JSON.stringify(draft.text),
        admin.id,
        admin.name,
      ],
    )) as BulletinRow[];
    if (row) return row;
    // Already issued: the 通报 stays as it was issued.
    const [issued] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.assessment_bulletins WHERE county = $1 AND period_kind = $2 AND period_of = $3`,
      [draft.county, kind, of],
    )) as BulletinRow[];
    return issued;
  }

  /** The county's 通报 issued so far, the latest first. */
  async issued(viewer: AuthUser, county: string): Promise<AssessmentBulletin[]> {
    assertReachesPlace(viewer, { county });
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.assessment_bulletins
        WHERE county = $1 AND document_id IS NOT NULL ORDER BY issued_at DESC`,
      [county],
    )) as BulletinRow[];
    return rows.map(view);
  }
}
