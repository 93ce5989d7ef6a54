import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApplicantHomeVisitsController, HomeVisitsController } from './home-visits.controller';
import { HomeVisitsService } from './home-visits.service';

/** 上门服务 and 上门代办 by the village stations. */
@Module({
  imports: [CatalogueModule],
  controllers: [ApplicantHomeVisitsController, HomeVisitsController],
  providers: [HomeVisitsService],
})
export class HomeVisitsModule {}
