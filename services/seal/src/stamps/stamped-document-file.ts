import { Logger } from '@nestjs/common';
import { Counter, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { DocumentFileUnreadable, type DocumentPdfs } from './document-pdfs';
import { StampedDocument } from './stamped-document.entity';

const logger = new Logger('DocumentFiles');

const unreadable =
  (register.getSingleMetric('oneseal_document_files_unreadable_total') as Counter<'state'> | undefined) ??
  new Counter({
    name: 'oneseal_document_files_unreadable_total',
    help: 'Stamped documents asked for whose PDF file could not be read as stamped, by why (missing, changed, no-folder)',
    labelNames: ['state'] as const,
  });
// Every series from 0 at start: an alert on its increase then sees the first document a replica cannot read.
for (const state of ['missing', 'changed', 'no-folder'] satisfies DocumentFileUnreadable['state'][])
  unreadable.inc({ state }, 0);

/**
 * A stamped document with its PDF bytes (left out of ordinary reads: they are large), wherever they are kept. A PDF
 * that cannot be read as it was stamped is never served: the reader is told so (SEAL.DOCUMENT_FILE_UNAVAILABLE, with
 * the 文号 to quote), and the operator is told which file and what to run, in the log and on /metrics.
 */
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
  if (!document) return undefined;
  try {
    return { ...document, pdf: await pdfs.read(document) };
  } catch (error) {
    if (!(error instanceof DocumentFileUnreadable)) throw error;
    unreadable.inc({ state: error.state });
    logger.error(
      `${error.message} (document ${document.id}, ${document.title}${document.number ? ` ${document.number}` : ''}): ` +
        'run `npm run documents-check` (elsewhere `node services/seal/dist/check-pdfs-cli.js`) and restore the folder from a backup',
    );
    throw new SealError(SealErrorCode.DOCUMENT_FILE_UNAVAILABLE, undefined, {
      title: document.title,
      ...(document.number ? { number: document.number } : {}),
    });
  }
}
