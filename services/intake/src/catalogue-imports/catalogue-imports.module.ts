import { Module } from '@nestjs/common';
import { defaultSeedsDirectory } from '@oneseal/domain';
import { SeedSources } from '../catalogue/seed-sources';
import { CatalogueImportService } from './catalogue-import.service';
import { CatalogueImportsController } from './catalogue-imports.controller';

@Module({
  controllers: [CatalogueImportsController],
  providers: [
    CatalogueImportService,
    // The county's guide defaults and forms: what a newly imported matter's first guide says.
    { provide: SeedSources, useFactory: () => new SeedSources(defaultSeedsDirectory()) },
  ],
})
export class CatalogueImportsModule {}
