import { Module } from '@nestjs/common';
import { ApplicationSubmittedConsumer } from './application-submitted.consumer';
import { CaseRoutingService } from './case-routing.service';

@Module({
  controllers: [ApplicationSubmittedConsumer],
  providers: [CaseRoutingService],
})
export class CasesModule {}
