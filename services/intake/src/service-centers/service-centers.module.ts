import { Module } from '@nestjs/common';
import { ServiceCentersController } from './service-centers.controller';
import { ServiceCentersService } from './service-centers.service';

@Module({ controllers: [ServiceCentersController], providers: [ServiceCentersService] })
export class ServiceCentersModule {}
