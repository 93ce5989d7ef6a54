import { Module, type DynamicModule } from '@nestjs/common';
import { SigningKeys } from '../signing/signing-keys';
import { ApplicantSignInController } from './applicant-sign-in.controller';
import { ApplicantSignInService } from './applicant-sign-in.service';
import { NotificationSignInSms, SIGN_IN_SMS } from './sign-in-sms';

@Module({})
export class ApplicantSignInModule {
  static forNotificationUrl(notificationUrl: string): DynamicModule {
    return {
      module: ApplicantSignInModule,
      controllers: [ApplicantSignInController],
      providers: [
        ApplicantSignInService,
        {
          provide: SIGN_IN_SMS,
          inject: [SigningKeys],
          useFactory: (keys: SigningKeys) => new NotificationSignInSms(notificationUrl, keys),
        },
      ],
    };
  }
}
