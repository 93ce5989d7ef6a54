import { Module } from '@nestjs/common';
import { GuidePublishingService } from '../guides/guide-publishing.service';
import { GuidesController } from '../guides/guides.controller';
import { TownDelegationsController } from '../delegations/town-delegations.controller';
import { TownDelegationsService } from '../delegations/town-delegations.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueryService } from './catalogue-query.service';
import { MatterOfferingService } from './matter-offering.service';
import { PlaceNamesService } from './place-names.service';

@Module({
  controllers: [CatalogueController, GuidesController, TownDelegationsController],
  providers: [
    CatalogueQueryService,
    MatterOfferingService,
    GuidePublishingService,
    TownDelegationsService,
    PlaceNamesService,
  ],
  exports: [MatterOfferingService],
})
export class CatalogueModule {}
