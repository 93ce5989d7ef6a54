import { Module, type DynamicModule } from '@nestjs/common';
import { ROUTING_URL } from '../case-files/case-access.client';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApplicantAppointmentsController } from './applicant-appointments.controller';
import { AppointmentsService } from './appointments.service';
import { HallController, HallWaitingController } from './hall.controller';
import { HallSettingsService } from './hall-settings.service';
import { QueueService } from './queue.service';
import { WorkingDaysClient } from './working-days.client';

/** 预约 and 叫号: a town center's hall (its working days are routing's calendar). */
@Module({})
export class HallModule {
  static forEnv(env: { ROUTING_URL: string }): DynamicModule {
    return {
      module: HallModule,
      imports: [CatalogueModule],
      controllers: [HallController, HallWaitingController, ApplicantAppointmentsController],
      providers: [
        { provide: ROUTING_URL, useValue: env.ROUTING_URL.replace(/\/+$/, '') },
        WorkingDaysClient,
        HallSettingsService,
        AppointmentsService,
        QueueService,
      ],
    };
  }
}
