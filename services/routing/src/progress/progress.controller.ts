import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@oneseal/auth';
import { CodedErrorFilter } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { CaseProgressView, ProgressQuery } from './dto/progress.query';
import { ProgressError, ProgressErrorCode } from './progress.errors';
import { progressKeyOf } from './progress-key';

/**
 * 办件进度查询 for applicants, without a login: the receipt number and the mobile number they applied with.
 * A wrong pair and an unknown receipt get the same answer, so the lookup tells nothing to someone guessing.
 */
@ApiTags('progress')
@Public()
@Controller('progress')
@UseFilters(CodedErrorFilter)
export class ProgressController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: '申请人凭办件编号和手机号码查询办理进度' })
  @ApiOkResponse({ type: CaseProgressView })
  async find(@Query() query: ProgressQuery): Promise<CaseProgressView> {
    const [found] = (await this.dataSource.query(
      `SELECT receipt_number AS "receiptNumber", matter_name AS "matterName", stage, accepted_at AS "acceptedAt",
              committed_due_date::text AS "committedDueDate", due_date_provisional AS "dueDateProvisional",
              result, concluded_at AS "concludedAt"
         FROM routing.routed_cases WHERE progress_key = $1`,
      [progressKeyOf(query.receiptNumber, query.mobile)],
    )) as CaseProgressView[];
    if (!found) throw new ProgressError(ProgressErrorCode.NOT_FOUND);
    return found;
  }
}
