import { Module, type DynamicModule } from '@nestjs/common';
import { SigningKeys } from './signing-keys';

@Module({})
export class SigningModule {
  static forKeys(keys: SigningKeys): DynamicModule {
    return {
      module: SigningModule,
      global: true,
      providers: [{ provide: SigningKeys, useValue: keys }],
      exports: [SigningKeys],
    };
  }
}
