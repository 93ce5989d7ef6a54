import { Module, type DynamicModule } from '@nestjs/common';
import { AttachmentsService } from './attachments/attachments.service';
import { CaseAccessClient, ROUTING_URL } from './case-access.client';
import { CaseFilesController } from './case-files.controller';
import { CaseFilesService } from './case-files.service';
import { PUBLIC_BASE_URL, ReceiptsController } from '../receipts/receipts.controller';

/** 案卷: reading a case's application and keeping its pages; the QR code of its 受理回执. */
@Module({})
export class CaseFilesModule {
  static forEnv(env: { ROUTING_URL: string; PUBLIC_BASE_URL?: string }): DynamicModule {
    return {
      module: CaseFilesModule,
      controllers: [CaseFilesController, ReceiptsController],
      providers: [
        { provide: ROUTING_URL, useValue: env.ROUTING_URL.replace(/\/+$/, '') },
        { provide: PUBLIC_BASE_URL, useValue: env.PUBLIC_BASE_URL ?? null },
        CaseAccessClient,
        CaseFilesService,
        AttachmentsService,
      ],
    };
  }
}
