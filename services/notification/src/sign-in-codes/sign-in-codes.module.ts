import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationEnv } from '../config/notification.env';
import { smsProviderFor } from '../delivery/delivery.module';
import { SIGN_IN_SMS_PROVIDER, SignInCodesController } from './sign-in-codes.controller';

@Module({})
export class SignInCodesModule {
  static forEnv(env: NotificationEnv): DynamicModule {
    return {
      module: SignInCodesModule,
      controllers: [SignInCodesController],
      providers: [{ provide: SIGN_IN_SMS_PROVIDER, useValue: smsProviderFor(env) }],
    };
  }
}
