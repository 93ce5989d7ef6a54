import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import { numberPatternProblem } from '../documents/document-numbers';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { CountyQuery, OrganCodeParam, UpdateOrganSettingsDto } from './dto/organ-requests.dto';
import {
  listOrgans,
  organOrFail,
  organSettingChanges,
  updateOrganSettings,
  type OrganSettingChange,
} from './issuing-organs';
import type { OrganSettings } from './organ-directory';

/**
 * The organs that issue documents: each town government and county bureau, its 文号 pattern, and where its
 * refusals say an applicant may seek 行政复议 and 行政诉讼. The county's administration keeps them.
 */
@ApiTags('organs')
@ApiBearerAuth()
@Controller('organs')
@Roles('admin', 'supervisor', 'auditor', 'county-officer')
export class OrgansController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: '一个县的发文机关（各乡镇人民政府、县直部门）及其文号格式、救济途径' })
  list(@CurrentUser() user: AuthUser, @Query() query: CountyQuery): Promise<OrganSettings[]> {
    assertReachesPlace(user, { county: query.county });
    return listOrgans(this.dataSource.manager, query.county);
  }

  @Get(':code/changes')
  @ApiOperation({ summary: '发文机关设置的修改记录（谁、何时、由什么改为什么）' })
  async changes(
    @CurrentUser() user: AuthUser,
    @Param() params: OrganCodeParam,
  ): Promise<OrganSettingChange[]> {
    const organ = await organOrFail(this.dataSource.manager, params.code);
    assertReachesPlace(user, { county: organ.county });
    return organSettingChanges(this.dataSource.manager, params.code);
  }

  @Put(':code')
  @Roles('admin')
  @ApiOperation({ summary: '修改发文机关的文号格式、行政复议机关或管辖法院（此后出具的文书生效）' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param() params: OrganCodeParam,
    @Body() changes: UpdateOrganSettingsDto,
  ): Promise<OrganSettings> {
    const organ = await organOrFail(this.dataSource.manager, params.code);
    assertReachesPlace(user, { county: organ.county });
    const problem = changes.numberPattern ? numberPatternProblem(changes.numberPattern) : undefined;
    if (problem) throw new SealError(SealErrorCode.NUMBER_PATTERN_INVALID, problem);
    return updateOrganSettings(this.dataSource.manager, params.code, changes, user.id);
  }
}
