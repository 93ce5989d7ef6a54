import { Module, type DynamicModule } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApplicationsController } from './applications.controller';
import { APPLICANT_LOOKUP_KEY, ApplicationsService } from './applications.service';

@Module({})
export class ApplicationsModule {
  /** `applicantLookupKey`: the key (shared with routing) of the digests staff search cases by. */
  static forKey(applicantLookupKey: Buffer): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [CatalogueModule],
      controllers: [ApplicationsController],
      providers: [ApplicationsService, { provide: APPLICANT_LOOKUP_KEY, useValue: applicantLookupKey }],
    };
  }
}
