import { Module } from '@nestjs/common';
import { RouteRulesController } from './route-rules.controller';
import { RouteRulesService } from './route-rules.service';

@Module({ controllers: [RouteRulesController], providers: [RouteRulesService] })
export class RouteRulesModule {}
