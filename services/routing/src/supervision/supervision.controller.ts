import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { isReportablePeriod, PlaceQuery } from '@oneseal/service-kit';
import { chinaDate, SeededPlaceNames } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { PLACE_NAMES } from '../places/place-names';
import { CASE_POLICY, type CasePolicy } from '../cases/case-routing.service';
import {
  SupervisionQuery,
  SupervisionSummaryQuery,
  ExportReportQuery,
  TownReportQuery,
  TrendQuery,
} from './dto/supervision.query';
import { townInWords } from './town-words';
import { trend, type TrendPoint } from './trend';
import { SupervisionError, SupervisionErrorCode } from './supervision.errors';
import { currentCalendar } from '../calendar/calendar-years';
import { deadlineRisks, type DeadlineRisks } from './deadline-risks';
import { reportPdf } from './report-pdf';
import { reportWorkbook } from './report-workbook';
import { matterBreakdown, type MatterGroup } from './matter-breakdown';
import { townReport, type TownReport } from './town-report';
import {
  supervisedCases,
  townSummaries,
  type SupervisedCasePage,
  type TownSummary,
} from './supervised-cases';

/**
 * 电子监察: every case's standing and warnings across the county's towns, from the routing read model. Supervisors,
 * auditors and administrators watch their county; a town's leader watches their own town.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
@Roles('supervisor', 'auditor', 'admin', 'town-leader')
export class SupervisionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_POLICY) private readonly policy: CasePolicy,
    @Inject(PLACE_NAMES) private readonly places: SeededPlaceNames,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: '办件监察列表：按乡镇、预警等级、状态筛选，临近期限的在前' })
  cases(@CurrentUser() user: AuthUser, @Query() query: SupervisionQuery): Promise<SupervisedCasePage> {
    assertReachesPlace(user, query);
    // A town typed by name narrows to it ("南村镇 婚姻"); a town already chosen keeps what was typed as it is.
    const named = query.q && !query.town ? townInWords(query.q, query.county, this.places) : undefined;
    const narrowed = named?.town ? { ...query, town: named.town, q: named.rest || undefined } : query;
    return supervisedCases(this.dataSource, narrowed, this.policy.applicantLookupKey);
  }

  @Get('risks')
  @ApiOperation({
    summary:
      '今日风险：超法定时限、红牌超期、环节超期、黄牌和即将到期的在办件，按严重程度排列，附剩余（超期）工作日、当前环节和承办单位',
  })
  async risks(@CurrentUser() user: AuthUser, @Query() place: PlaceQuery): Promise<DeadlineRisks> {
    assertReachesPlace(user, place);
    return deadlineRisks(this.dataSource, place, await currentCalendar(this.dataSource, place.county));
  }

  @Get('summary')
  // County-wide figures: not for a town's leader, who watches their own town's cases.
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: '各乡镇办件汇总：在办、黄牌、红牌、超法定时限、按时办结率' })
  summary(@CurrentUser() user: AuthUser, @Query() query: SupervisionSummaryQuery): Promise<TownSummary[]> {
    assertReachesPlace(user, query);
    return townSummaries(this.dataSource, query.county);
  }

  @Get('matters')
  @ApiOperation({ summary: '在办件按事项汇总：黄牌、红牌、超法定时限、待补正、特别程序，预警多的在前' })
  matters(@CurrentUser() user: AuthUser, @Query() place: PlaceQuery): Promise<MatterGroup[]> {
    assertReachesPlace(user, place);
    return matterBreakdown(this.dataSource, place);
  }

  @Get('report/export')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: '导出期间报告（Excel 或 PDF）：各乡镇办件情况，附今日风险' })
  async exportReport(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportReportQuery,
  ): Promise<StreamableFile> {
    assertReachesPlace(user, query);
    if (!isReportablePeriod(query)) throw new SupervisionError(SupervisionErrorCode.PERIOD_INVALID);
    const calendar = await currentCalendar(this.dataSource, query.county);
    const contents = [
      query,
      await townReport(this.dataSource, query),
      await deadlineRisks(this.dataSource, { county: query.county }, calendar),
      this.places,
      (unitCode: string) => this.places.unit(unitCode),
    ] as const;
    const pdf = query.format === 'pdf';
    const file = pdf ? await reportPdf(...contents) : await reportWorkbook(...contents);
    const fileName = `${this.places.county(query.county)}办件情况（${query.from}至${query.to}）.${query.format}`;
    return new StreamableFile(file, {
      type: pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="report.${query.format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Get('trend')
  @ApiOperation({ summary: '趋势：最近若干周（或月）的收件、受理、办结、按时办结率、评价和满意率' })
  trend(@CurrentUser() user: AuthUser, @Query() query: TrendQuery): Promise<TrendPoint[]> {
    assertReachesPlace(user, query);
    return trend(this.dataSource, query, query.by, query.periods, chinaDate(new Date()));
  }

  @Get('report')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({
    summary:
      '各乡镇期间报告：收件、受理、办结（准予、不予、撤件）、按时办结率、期末超期在办（按北京时间日期）',
  })
  async report(@CurrentUser() user: AuthUser, @Query() query: TownReportQuery): Promise<TownReport[]> {
    assertReachesPlace(user, query);
    if (!isReportablePeriod(query)) throw new SupervisionError(SupervisionErrorCode.PERIOD_INVALID);
    return townReport(this.dataSource, query);
  }
}
