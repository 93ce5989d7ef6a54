import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { AccountabilityQuery, RecordAccountabilityDto } from './accountability.dto';
import { AccountabilityService, type AccountabilityRecord } from './accountability.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/accountability')
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get()
  @Roles('supervisor', 'auditor', 'admin', 'town-leader')
  @ApiOperation({ summary: '约谈、问责记录（最新的在前）' })
  list(@CurrentUser() user: AuthUser, @Query() query: AccountabilityQuery): Promise<AccountabilityRecord[]> {
    return this.accountability.list(user, query);
  }

  @Post()
  @Roles('supervisor')
  @ApiOperation({ summary: '记录一次约谈或问责（县电子监察）：对象、事由、处理决定，可关联办件' })
  record(@CurrentUser() user: AuthUser, @Body() dto: RecordAccountabilityDto): Promise<AccountabilityRecord> {
    return this.accountability.record(user, dto);
  }
}
