import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationSubmittedConsumer } from './application-submitted.consumer';
import { CASE_POLICY, CaseRoutingService, type CasePolicy } from './case-routing.service';

@Module({})
export class CasesModule {
  static forPolicy(policy: CasePolicy): DynamicModule {
    return {
      module: CasesModule,
      controllers: [ApplicationSubmittedConsumer],
      providers: [CaseRoutingService, { provide: CASE_POLICY, useValue: policy }],
    };
  }
}
