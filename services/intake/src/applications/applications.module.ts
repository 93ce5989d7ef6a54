import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/** Takes applications (its keys for personal data come from PersonalDataModule). */
@Module({
  imports: [CatalogueModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
