import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { CodedErrorFilter, PlaceQuery } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { SupervisionQuery, SupervisionSummaryQuery, TownReportQuery } from './dto/supervision.query';
import { SupervisionError, SupervisionErrorCode } from './supervision.errors';
import { matterBreakdown, type MatterGroup } from './matter-breakdown';
import { townReport, type TownReport } from './town-report';

interface SupervisedCase {
  caseId: string;
  receiptNumber: string | null;
  town: string;
  matterCode: string;
  stage: string;
  committedDueDate: string | null;
  dueDateProvisional: boolean;
  warning: string | null;
  result: string | null;
  onTime: boolean | null;
}

/**
 * 电子监察: every case's standing and warnings across the county's towns, from the routing read model. Supervisors,
 * auditors and administrators watch their county; a town's leader watches their own town.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
@UseFilters(CodedErrorFilter)
@Roles('supervisor', 'auditor', 'admin', 'town-leader')
export class SupervisionController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('cases')
  @ApiOperation({ summary: '办件监察列表：按乡镇、预警等级、状态筛选，临近期限的在前' })
  async cases(@CurrentUser() user: AuthUser, @Query() query: SupervisionQuery) {
    assertReachesPlace(user, query);
    const filters = ['county = $1'];
    const values: unknown[] = [query.county];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      filters.push(sql.replace('?', `$${values.length}`));
    };
    if (query.town) add('town = ?', query.town);
    if (query.warning) add('warning = ?', query.warning);
    if (query.stage) add('stage = ?', query.stage);
    if (query.receiptNumber) add('receipt_number = ?', query.receiptNumber);
    const where = filters.join(' AND ');
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM routing.routed_cases WHERE ${where}`,
      values,
    )) as { total: number }[];
    const items = (await this.dataSource.query(
      `SELECT case_id AS "caseId", receipt_number AS "receiptNumber", town, matter_code AS "matterCode", stage,
              committed_due_date::text AS "committedDueDate", due_date_provisional AS "dueDateProvisional",
              warning, result, on_time AS "onTime"
         FROM routing.routed_cases WHERE ${where}
        ORDER BY concluded_at IS NOT NULL, committed_due_date NULLS LAST, routed_at
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      values,
    )) as SupervisedCase[];
    return { total, page: query.page, pageSize: query.pageSize, items };
  }

  @Get('summary')
  // County-wide figures: not for a town's leader, who watches their own town's cases.
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: '各乡镇办件汇总：在办、黄牌、红牌、超法定时限、按时办结率' })
  async summary(@CurrentUser() user: AuthUser, @Query() query: SupervisionSummaryQuery) {
    assertReachesPlace(user, query);
    return this.dataSource.query(
      `SELECT town,
              count(*) FILTER (WHERE concluded_at IS NULL)::int AS "open",
              count(*) FILTER (WHERE concluded_at IS NULL AND warning = 'yellow')::int AS "yellow",
              count(*) FILTER (WHERE concluded_at IS NULL AND warning = 'red')::int AS "red",
              count(*) FILTER (WHERE warning = 'statutory')::int AS "statutory",
              count(*) FILTER (WHERE concluded_at IS NOT NULL)::int AS "concluded",
              count(*) FILTER (WHERE on_time)::int AS "concludedOnTime"
         FROM routing.routed_cases WHERE county = $1 GROUP BY town ORDER BY town`,
      [query.county],
    );
  }

  @Get('matters')
  @ApiOperation({ summary: '在办件按事项汇总：黄牌、红牌、超法定时限、待补正、特别程序，预警多的在前' })
  matters(@CurrentUser() user: AuthUser, @Query() place: PlaceQuery): Promise<MatterGroup[]> {
    assertReachesPlace(user, place);
    return matterBreakdown(this.dataSource, place);
  }

  @Get('report')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({
    summary:
      '各乡镇期间报告：收件、受理、办结（准予、不予、撤件）、按时办结率、期末超期在办（按北京时间日期）',
  })
  async report(@CurrentUser() user: AuthUser, @Query() query: TownReportQuery): Promise<TownReport[]> {
    assertReachesPlace(user, query);
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(days >= 0 && days < 366)) throw new SupervisionError(SupervisionErrorCode.PERIOD_INVALID);
    return townReport(this.dataSource, query);
  }
}
