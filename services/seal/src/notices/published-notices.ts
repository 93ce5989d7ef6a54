import type { NoticeKind } from '@oneseal/contracts';
import type { DataSource } from 'typeorm';

/** A notice as the public site lists it: who issued it, what, its 文号, when, and how to check it. */
export interface PublishedNotice {
  documentId: string;
  kind: NoticeKind;
  county: string;
  issuerName: string;
  title: string;
  number: string;
  issuedAt: Date;
  verificationCode: string;
}

/** Every notice published, newest first (one county's when asked). A county issues a few a month. */
export async function publishedNotices(
  dataSource: DataSource,
  county: string | undefined,
  limit = 200,
): Promise<PublishedNotice[]> {
  return (await dataSource.query(
    `SELECT d.id AS "documentId", d.kind, d.county, o.name AS "issuerName", d.title, d.number,
            d.published_at AS "issuedAt", s.verification_code AS "verificationCode"
       FROM seal.documents d
       JOIN seal.stamps s ON s.document_id = d.id
       JOIN seal.issuing_organs o ON o.code = d.organ
      WHERE d.published_at IS NOT NULL AND ($1::char(6) IS NULL OR d.county = $1)
      ORDER BY d.published_at DESC
      LIMIT $2`,
    [county ?? null, limit],
  )) as PublishedNotice[];
}
