import type { DataSource } from 'typeorm';
import { StampedDocument } from './stamped-document.entity';

/** A stamped document with its PDF bytes (left out of ordinary reads: they are large). */
export async function stampedDocumentFile(
  dataSource: DataSource,
  id: string,
): Promise<(StampedDocument & { pdf: Buffer }) | undefined> {
  const document = await dataSource
    .getRepository(StampedDocument)
    .createQueryBuilder('document')
    .addSelect('document.pdf')
    .where('document.id = :id', { id })
    .getOne();
  return document?.pdf ? (document as StampedDocument & { pdf: Buffer }) : undefined;
}
