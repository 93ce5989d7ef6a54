import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Public, Roles, type AuthUser } from '@oneseal/auth';
import {
  ApplyForBureauSealDto,
  ApplyForSealDto,
  InventoryLegacySealDto,
  RetireSealDto,
  SealIdParam,
  SealStepDto,
  TownQuery,
} from './dto/seal-requests.dto';
import { SealRegistry } from './seal-registry';

/**
 * The county's administration (行政审批服务管理局) runs every seal's lifecycle; town seal keepers, supervisors and
 * auditors look. Whoever acts is recorded from their token.
 */
@ApiTags('seals')
@ApiBearerAuth()
@Controller('seals')
@Roles('admin', 'seal-keeper', 'supervisor', 'auditor')
export class SealsController {
  constructor(@Inject(SealRegistry) private readonly registry: SealRegistry) {}

  /** Loads the seal first so a seal of another county is refused before anything changes. */
  private async inReach(user: AuthUser, id: string) {
    const seal = await this.registry.get(id);
    assertReachesPlace(user, { county: seal.county, ...(seal.town ? { town: seal.town } : {}) });
    return seal;
  }

  @Get()
  @ApiOperation({ summary: '一个乡镇的全部印章（专用章及已封存的旧印章），或一个县直部门的印章' })
  list(@CurrentUser() user: AuthUser, @Query() query: TownQuery) {
    const bureau = query.town.includes('-');
    assertReachesPlace(user, { county: query.town.slice(0, 6), ...(bureau ? {} : { town: query.town }) });
    return this.registry.listForOrgan(query.town);
  }

  @Post('bureau')
  @ApiOperation({ summary: '申报：为县直部门申请刻制本部门印章（用于本部门作出的决定）' })
  @Roles('admin')
  applyForBureau(@CurrentUser() user: AuthUser, @Body() request: ApplyForBureauSealDto) {
    assertReachesPlace(user, { county: request.bureau.slice(0, 6) });
    return this.registry.applyForBureau({ ...request, actor: user.id });
  }

  @Post()
  @ApiOperation({ summary: '申报：为乡镇申请刻制行政审批服务专用章' })
  @Roles('admin')
  apply(@CurrentUser() user: AuthUser, @Body() request: ApplyForSealDto) {
    assertReachesPlace(user, request);
    return this.registry.apply({ ...request, actor: user.id });
  }

  @Post('legacy')
  @ApiOperation({ summary: '清点登记一枚旧印章（内设机构、县直部门派驻机构印章），登记即封存' })
  @Roles('admin')
  inventoryLegacy(@CurrentUser() user: AuthUser, @Body() request: InventoryLegacySealDto) {
    assertReachesPlace(user, request);
    return this.registry.inventoryLegacy({ ...request, actor: user.id });
  }

  @Get(':id')
  @ApiOperation({ summary: '一枚印章及其全部状态变更（谁、何时）' })
  get(@CurrentUser() user: AuthUser, @Param() params: SealIdParam) {
    return this.inReach(user, params.id);
  }

  @Public()
  @Get(':id/record')
  @ApiOperation({ summary: '导出电子印章数据（GB/T 38540 印章结构）及制章者公钥，供离线核验' })
  record(@Param() params: SealIdParam) {
    return this.registry.exportRecord(params.id);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @ApiOperation({ summary: '审批：县行政审批服务管理局同意刻制' })
  @Roles('admin')
  async approve(@CurrentUser() user: AuthUser, @Param() params: SealIdParam, @Body() step: SealStepDto) {
    await this.inReach(user, params.id);
    return this.registry.approve(params.id, user.id, step.reason);
  }

  @Post(':id/engraving')
  @HttpCode(200)
  @ApiOperation({ summary: '刻制：生成印章的 SM2 密钥对和由制章者签名的电子印章数据' })
  @Roles('admin')
  async engrave(
    @CurrentUser() user: AuthUser,
    @Param() params: SealIdParam,
    // Validated (an unknown field is refused) though these steps record no remark.
    @Body() _step: SealStepDto,
  ) {
    await this.inReach(user, params.id);
    return this.registry.engrave(params.id, user.id);
  }

  @Post(':id/filing')
  @HttpCode(200)
  @ApiOperation({ summary: '备案' })
  @Roles('admin')
  async file(@CurrentUser() user: AuthUser, @Param() params: SealIdParam, @Body() step: SealStepDto) {
    await this.inReach(user, params.id);
    return this.registry.file(params.id, user.id, step.reason);
  }

  @Post(':id/activation')
  @HttpCode(200)
  @ApiOperation({ summary: '启用：每个乡镇同时只能有一枚启用的专用章（SEAL.ALREADY_ACTIVE）' })
  @Roles('admin')
  async activate(
    @CurrentUser() user: AuthUser,
    @Param() params: SealIdParam,
    // Validated (an unknown field is refused) though these steps record no remark.
    @Body() _step: SealStepDto,
  ) {
    await this.inReach(user, params.id);
    return this.registry.activate(params.id, user.id);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @ApiOperation({ summary: '停用' })
  @Roles('admin')
  async deactivate(
    @CurrentUser() user: AuthUser,
    @Param() params: SealIdParam,
    @Body() request: RetireSealDto,
  ) {
    await this.inReach(user, params.id);
    return this.registry.deactivate(params.id, user.id, request.reason);
  }

  @Post(':id/sealing-away')
  @HttpCode(200)
  @ApiOperation({ summary: '封存' })
  @Roles('admin')
  async sealAway(
    @CurrentUser() user: AuthUser,
    @Param() params: SealIdParam,
    @Body() request: RetireSealDto,
  ) {
    await this.inReach(user, params.id);
    return this.registry.sealAway(params.id, user.id, request.reason);
  }
}
