import { Controller, Get, Inject, Param, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { DocumentIdParam } from './dto/document-id.param';
import { DocumentErrorPage } from './document-error-page.filter';
import { DOCUMENT_PDFS, type DocumentPdfs } from './document-pdfs';
import { stampedDocumentFile } from './stamped-document-file';

/**
 * Stamped documents. Stamping itself has no HTTP route: a seal goes on a result only at the 用印 step of the case
 * workflow (the seal activity), from the decision the workflow recorded, never from what a request says.
 */
@ApiTags('stamps')
@Controller()
export class StampsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_PDFS) private readonly pdfs: DocumentPdfs,
  ) {}

  // The document id is the applicant's electronic delivery link (电子送达): an unguessable id, answered without a
  // login, as the verification of a printed copy is.
  @Public()
  @Get('documents/:id')
  @UseFilters(DocumentErrorPage)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '加盖电子印章的结果文书（PDF）' })
  async document(@Param() params: DocumentIdParam, @Res() response: Response): Promise<void> {
    const document = await stampedDocumentFile(this.dataSource, this.pdfs, params.id);
    if (!document) throw new SealError(SealErrorCode.DOCUMENT_NOT_FOUND);
    response
      .status(200)
      .set({
        'content-type': 'application/pdf',
        // 140525-20261205-000135-受理通知书.pdf when saved or printed; an ASCII fallback for old clients.
        'content-disposition':
          `inline; filename="${document.id}.pdf"; ` +
          `filename*=UTF-8''${encodeURIComponent(document.fileName ?? `${document.id}.pdf`)}`,
        'x-document-sm3': document.sm3,
      })
      .send(document.pdf);
  }
}
