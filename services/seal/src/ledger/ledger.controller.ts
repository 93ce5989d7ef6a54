import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerQuery } from './dto/ledger-query.dto';
import { LedgerEntry } from './ledger-entry.entity';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
@Roles('seal-keeper', 'admin', 'supervisor', 'auditor')
export class LedgerController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: '用印登记：一个乡镇的每次用印（谁、何时、哪个办件、哪份文书、哪枚印章）和被拒绝的用印',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: LedgerQuery): Promise<LedgerEntry[]> {
    assertReachesPlace(user, { county: query.town.slice(0, 6), town: query.town });
    const entries = this.dataSource
      .getRepository(LedgerEntry)
      .createQueryBuilder('line')
      .where('line.town = :town', { town: query.town })
      .andWhere('line.seq > :after', { after: query.after ?? 0 })
      .orderBy('line.seq', 'ASC')
      .limit(query.limit ?? 100);
    if (query.caseId) entries.andWhere('line.caseId = :caseId', { caseId: query.caseId });
    if (query.entry) entries.andWhere('line.entry = :entry', { entry: query.entry });
    return entries.getMany();
  }
}
