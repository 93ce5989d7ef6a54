import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import { readPublicKeyFile } from '../keys/key-files';
import { AuthGuard, TOKEN_PUBLIC_KEY } from './auth.guard';

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
      ],
      exports: [TOKEN_PUBLIC_KEY],
    };
  }
}
