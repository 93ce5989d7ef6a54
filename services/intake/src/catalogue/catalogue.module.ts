import { Module } from '@nestjs/common';
import { GuidePublishingService } from '../guides/guide-publishing.service';
import { GuidesController } from '../guides/guides.controller';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueryService } from './catalogue-query.service';
import { MatterOfferingService } from './matter-offering.service';

@Module({
  controllers: [CatalogueController, GuidesController],
  providers: [CatalogueQueryService, MatterOfferingService, GuidePublishingService],
  exports: [MatterOfferingService],
})
export class CatalogueModule {}
