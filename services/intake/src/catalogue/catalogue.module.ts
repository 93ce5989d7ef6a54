import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueryService } from './catalogue-query.service';

@Module({
  controllers: [CatalogueController],
  providers: [CatalogueQueryService],
})
export class CatalogueModule {}
