import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AttachmentsService } from '../case-files/attachments/attachments.service';
import { ROUTING_URL } from '../case-files/case-access.client';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApplicantCaseClient } from './applicant-case.client';
import { ApplicantPagesService } from './applicant-pages.service';
import { OnlineHandlingController } from '../online-handling/online-handling.controller';
import { OnlineFilingController } from './online-filing.controller';
import { OnlineFilingService } from './online-filing.service';

/** 网上办事: applications and 补正 from applicants signed in with their mobile number. */
@Module({})
export class OnlineFilingModule {
  static forEnv(env: { ROUTING_URL: string }): DynamicModule {
    return {
      module: OnlineFilingModule,
      imports: [ApplicationsModule, CatalogueModule],
      controllers: [OnlineFilingController, OnlineHandlingController],
      providers: [
        { provide: ROUTING_URL, useValue: env.ROUTING_URL.replace(/\/+$/, '') },
        AttachmentsService,
        ApplicantCaseClient,
        ApplicantPagesService,
        OnlineFilingService,
      ],
    };
  }
}
