import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@oneseal/auth';
import { CaseSearchService, type FoundCases } from './case-search.service';
import { CaseSearchQuery } from './dto/case-search.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseSearchController {
  constructor(private readonly cases: CaseSearchService) {}

  @Get()
  @ApiOperation({
    summary:
      '查找办件（本人可见范围内）：按办件编号或末几位、申请人姓名、身份证号或后几位、手机号或尾号、事项、状态、日期；列出当前环节、期限和剩余工作日',
  })
  search(@CurrentUser() user: AuthUser, @Query() query: CaseSearchQuery): Promise<FoundCases> {
    return this.cases.search(user, query);
  }
}
