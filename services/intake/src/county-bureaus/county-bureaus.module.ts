import { Module } from '@nestjs/common';
import { CountyBureausController } from './county-bureaus.controller';
import { CountyBureausService } from './county-bureaus.service';

@Module({ controllers: [CountyBureausController], providers: [CountyBureausService] })
export class CountyBureausModule {}
