import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueryService } from './catalogue-query.service';
import { MatterOfferingService } from './matter-offering.service';

@Module({
  controllers: [CatalogueController],
  providers: [CatalogueQueryService, MatterOfferingService],
  exports: [MatterOfferingService],
})
export class CatalogueModule {}
