import type { DataSource } from 'typeorm';
import type { DocumentPdfs } from './document-pdfs';
import { StampedDocument } from './stamped-document.entity';

/** A stamped document with its PDF bytes (left out of ordinary reads: they are large), wherever they are kept. */
export async function stampedDocumentFile(
  dataSource: DataSource,
  pdfs: DocumentPdfs,
  id: string,
): Promise<(StampedDocument & { pdf: Buffer }) | undefined> {
  const document = await dataSource
    .getRepository(StampedDocument)
    .createQueryBuilder('document')
    .addSelect('document.pdf')
    .where('document.id = :id', { id })
    .getOne();
  return document ? { ...document, pdf: await pdfs.read(document) } : undefined;
}
