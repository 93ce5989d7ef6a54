import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceDataSourceOptions, type ServiceDataSourceConfig } from '@oneseal/database';

/** The service's own schema of the shared database; migrations run by command, never at boot. */
@Module({})
export class DatabaseModule {
  static forRoot(config: ServiceDataSourceConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(serviceDataSourceOptions(config))],
    };
  }
}
