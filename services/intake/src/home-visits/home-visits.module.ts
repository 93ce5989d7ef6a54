import { Module } from '@nestjs/common';
import { ApplicantHomeVisitsController, HomeVisitsController } from './home-visits.controller';
import { HomeVisitsService } from './home-visits.service';

/** 上门服务 and 上门代办 by the village stations. */
@Module({
  controllers: [ApplicantHomeVisitsController, HomeVisitsController],
  providers: [HomeVisitsService],
})
export class HomeVisitsModule {}
