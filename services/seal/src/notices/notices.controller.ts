import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Public, Roles, type AuthUser } from '@oneseal/auth';
import type { IssuedNotice } from '@oneseal/contracts';
import { DataSource } from 'typeorm';
import { IssueNoticeDto, PublicNoticesQuery } from './dto/issue-notice.dto';
import { NoticeIssuingService } from './notice-issuing.service';
import { publishedNotices, type PublishedNotice } from './published-notices';

/**
 * Notices a county's 行政审批服务管理局 issues under its seal (考核通报) and publishes (定期通报 … 向社会公开): the
 * public reads and downloads them without a login (the PDF at /documents/:id) and checks them at the verification
 * counter.
 */
@ApiTags('notices')
@Controller('notices')
export class NoticesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NoticeIssuingService) private readonly notices: NoticeIssuingService,
  ) {}

  @Post()
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: '印发通报：加盖县行政审批服务管理局印章并向社会公开（同一通报只印发一次）' })
  issue(@CurrentUser() user: AuthUser, @Body() request: IssueNoticeDto): Promise<IssuedNotice> {
    assertReachesPlace(user, { county: request.county });
    return this.notices.issue(user, request);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: '政务公开：已印发的通报（最新的在前）' })
  list(@Query() query: PublicNoticesQuery): Promise<PublishedNotice[]> {
    return publishedNotices(this.dataSource, query.county);
  }
}
