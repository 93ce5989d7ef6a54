import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import { readPublicKeyFile } from '../keys/key-files';
import { AuthGuard, TOKEN_PUBLIC_KEY } from './auth.guard';
import { IdentitySessionCheck, SESSION_CHECK, type SessionCheck } from './session-check';

/**
 * Import once in a service's root module: every HTTP route then requires a valid token of a current session (see
 * AuthGuard), the session checked with the identity service:
 *
 *   AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL)
 */
@Module({})
export class AuthModule {
  static forPublicKeyFile(file: string, identityUrl: string): DynamicModule {
    return AuthModule.forPublicKey(readPublicKeyFile(file), {
      provide: SESSION_CHECK,
      useValue: new IdentitySessionCheck(identityUrl) satisfies SessionCheck,
    });
  }

  /** `sessions` provides SESSION_CHECK: the identity service checks its own database, the others ask it. */
  static forPublicKey(publicKey: KeyObject, sessions: Provider): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TOKEN_PUBLIC_KEY, useValue: publicKey },
        sessions,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TOKEN_PUBLIC_KEY, SESSION_CHECK],
    };
  }
}
