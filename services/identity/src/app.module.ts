import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule, SESSION_CHECK } from '@oneseal/auth';
import { DatabaseModule, RateLimitModule, serviceLoggerModule } from '@oneseal/service-kit';
import { IDENTITY_SCHEMA, type IdentityEnv } from './config/identity.env';
import { ApplicantSignInModule } from './applicant-sign-in/applicant-sign-in.module';
import { HealthController } from './health/health.controller';
import { LoginModule } from './login/login.module';
import { LocalSessionCheck } from './login/local-session-check';
import { StaffModule } from './staff/staff.module';
import { IDENTITY_MIGRATIONS } from './migrations';
import { SigningKeys } from './signing/signing-keys';
import { SigningModule } from './signing/signing.module';
import { UserAccount } from './users/user-account.entity';

@Module({})
export class IdentityModule {
  static forEnv(
    env: IdentityEnv,
    keys: SigningKeys = SigningKeys.fromFile(env.AUTH_PRIVATE_KEY_FILE),
  ): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        serviceLoggerModule('identity', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: IDENTITY_SCHEMA,
          entities: [UserAccount],
          migrations: IDENTITY_MIGRATIONS,
        }),
        SigningModule.forKeys(keys),
        // Identity checks its own tokens (for /auth/me) like every other service does.
        AuthModule.forPublicKey(keys.publicKey, { provide: SESSION_CHECK, useClass: LocalSessionCheck }),
        TerminusModule,
        RateLimitModule.forSchema(IDENTITY_SCHEMA),
        LoginModule,
        StaffModule,
        ApplicantSignInModule.forNotificationUrl(env.NOTIFICATION_URL),
      ],
      controllers: [HealthController],
    };
  }
}
