import { Catch, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CodedErrorFilter } from '@oneseal/service-kit';
import type { KeyObject } from 'node:crypto';
import { AuthError } from '../auth-error';
import { readPublicKeyFile } from '../keys/key-files';
import { AuthGuard, TOKEN_PUBLIC_KEY } from './auth.guard';

/** Answers 401/403 as { code, message } on every controller, whether or not it uses CodedErrorFilter itself. */
@Catch(AuthError)
export class AuthErrorFilter extends CodedErrorFilter {}

/**
 * Import once in a service's root module: every HTTP route then requires a valid token (see AuthGuard).
 *
 *   AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE)
 */
@Module({})
export class AuthModule {
  static forPublicKeyFile(file: string): DynamicModule {
    return AuthModule.forPublicKey(readPublicKeyFile(file));
  }

  static forPublicKey(publicKey: KeyObject): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TOKEN_PUBLIC_KEY, useValue: publicKey },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AuthErrorFilter },
      ],
      exports: [TOKEN_PUBLIC_KEY],
    };
  }
}
