import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  assertReachesPlace,
  AuthError,
  AuthErrorCode,
  CurrentUser,
  Roles,
  type AuthUser,
} from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerQuery } from './dto/ledger-query.dto';
import type { LedgerEntry } from './ledger-entry.entity';
import { ledgerLines } from './ledger-lines';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
@Roles('seal-keeper', 'admin', 'supervisor', 'auditor', 'county-officer')
export class LedgerController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary:
      '用印登记：一个乡镇（或县直部门）的每次用印（谁、何时、哪个办件、哪份文书、哪枚印章）和被拒绝的用印',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: LedgerQuery): Promise<LedgerEntry[]> {
    const bureau = query.town.includes('-');
    assertReachesPlace(user, { county: query.town.slice(0, 6), ...(bureau ? {} : { town: query.town }) });
    // A bureau's officers keep its 用印登记: their own bureau's, nobody else's.
    const onlyBureauOfficer = user.roles.every((role) => role === 'county-officer');
    if (onlyBureauOfficer && query.town !== user.unitCode) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE);
    return ledgerLines(this.dataSource, query);
  }
}
