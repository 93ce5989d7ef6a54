import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { PublishGuideDto } from './dto/publish-guide.dto';
import { GuidePublishingService } from './guide-publishing.service';

/** Keeping the guides: not public, unlike reading the current guide (CatalogueController). */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue/matters')
export class GuidesController {
  constructor(private readonly guides: GuidePublishingService) {}

  @Put(':code/guide')
  @Roles('admin')
  @ApiOperation({ summary: '发布办事指南新版本（县行政审批服务管理局管理员）；已受理的办件仍按原版本办理' })
  publish(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() dto: PublishGuideDto) {
    return this.guides.publish(user, code, dto);
  }

  @Get(':code/guide/versions')
  @Roles('admin', 'supervisor', 'auditor')
  @ApiOperation({ summary: '办事指南的全部版本：谁、何时、为何修订' })
  versions(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.guides.versions(user, code);
  }
}
