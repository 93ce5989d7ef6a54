import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { defaultSeedsDirectory, SeededPlaceNames } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { AppointmentMessages } from '../appointments/appointment-messages';
import { AppointmentsConsumer } from '../appointments/appointments.consumer';
import { HomeVisitMessages } from '../home-visits/home-visit-messages';
import { HomeVisitsConsumer } from '../home-visits/home-visits.consumer';
import { NoticeMessages } from '../notices/notice-messages';
import { NoticesConsumer } from '../notices/notices.consumer';
import { ApplicationSubmittedConsumer } from '../contacts/application-submitted.consumer';
import type { NotificationEnv } from '../config/notification.env';
import { DeliveryModule } from '../delivery/delivery.module';
import { DeliveryPoller } from '../delivery/delivery-poller.service';
import { CaseEventsConsumer } from './case-events.consumer';
import { NotificationPlanner } from './notification-planner';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({})
export class NotificationsModule {
  static forEnv(env: NotificationEnv): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [DeliveryModule.forEnv(env)],
      controllers: [
        NotificationsController,
        CaseEventsConsumer,
        ApplicationSubmittedConsumer,
        AppointmentsConsumer,
        HomeVisitsConsumer,
        NoticesConsumer,
      ],
      providers: [
        NotificationsService,
        // Read from the seeds once, for every kind of message that names a place or a bureau.
        { provide: SeededPlaceNames, useFactory: () => SeededPlaceNames.fromSeeds(defaultSeedsDirectory()) },
        {
          provide: HomeVisitMessages,
          inject: [getDataSourceToken(), DeliveryPoller, SeededPlaceNames],
          useFactory: (dataSource: DataSource, poller: DeliveryPoller, places: SeededPlaceNames) =>
            new HomeVisitMessages(dataSource, places, () => poller.soon()),
        },
        {
          provide: NoticeMessages,
          inject: [getDataSourceToken(), SeededPlaceNames],
          useFactory: (dataSource: DataSource, places: SeededPlaceNames) =>
            new NoticeMessages(dataSource, places),
        },
        {
          provide: AppointmentMessages,
          inject: [getDataSourceToken(), DeliveryPoller],
          useFactory: (dataSource: DataSource, poller: DeliveryPoller) =>
            new AppointmentMessages(dataSource, () => poller.soon()),
        },
        {
          provide: NotificationPlanner,
          inject: [getDataSourceToken(), DeliveryPoller, SeededPlaceNames],
          useFactory: (dataSource: DataSource, poller: DeliveryPoller, places: SeededPlaceNames) => {
            const logger = new Logger('NotificationPlanner');
            return new NotificationPlanner(dataSource, {
              places,
              onMessagesRecorded: () => poller.soon(),
              logger: { warn: (message) => logger.warn(message) },
            });
          },
        },
      ],
    };
  }
}
