import { Module, type DynamicModule } from '@nestjs/common';
import { CaseSearchController } from '../case-search/case-search.controller';
import { CaseSearchService } from '../case-search/case-search.service';
import { CaseStepsConsumer } from '../case-steps/case-steps.consumer';
import { CaseStepsService } from '../case-steps/case-steps.service';
import { ApplicationSubmittedConsumer } from './application-submitted.consumer';
import { CASE_POLICY, CaseRoutingService, type CasePolicy } from './case-routing.service';

@Module({})
export class CasesModule {
  static forPolicy(policy: CasePolicy): DynamicModule {
    return {
      module: CasesModule,
      controllers: [ApplicationSubmittedConsumer, CaseStepsConsumer, CaseSearchController],
      providers: [
        CaseRoutingService,
        CaseStepsService,
        CaseSearchService,
        { provide: CASE_POLICY, useValue: policy },
      ],
      // 电子监察's case list reads what was typed in its search box with the same lookup key.
      exports: [CASE_POLICY],
    };
  }
}
