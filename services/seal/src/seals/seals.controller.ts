import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodedErrorFilter } from '@oneseal/service-kit';
import {
  ApplyForSealDto,
  InventoryLegacySealDto,
  RetireSealDto,
  SealIdParam,
  SealStepDto,
  TownQuery,
} from './dto/seal-requests.dto';
import { SealRegistry } from './seal-registry';

@ApiTags('seals')
@Controller('seals')
@UseFilters(CodedErrorFilter)
export class SealsController {
  constructor(@Inject(SealRegistry) private readonly registry: SealRegistry) {}

  @Get()
  @ApiOperation({ summary: '一个乡镇的全部印章（专用章及已封存的旧印章）' })
  list(@Query() query: TownQuery) {
    return this.registry.listForTown(query.town);
  }

  @Post()
  @ApiOperation({ summary: '申报：为乡镇申请刻制行政审批服务专用章' })
  apply(@Body() request: ApplyForSealDto) {
    return this.registry.apply(request);
  }

  @Post('legacy')
  @ApiOperation({ summary: '清点登记一枚旧印章（内设机构、县直部门派驻机构印章），登记即封存' })
  inventoryLegacy(@Body() request: InventoryLegacySealDto) {
    return this.registry.inventoryLegacy(request);
  }

  @Get(':id')
  @ApiOperation({ summary: '一枚印章及其全部状态变更（谁、何时）' })
  get(@Param() params: SealIdParam) {
    return this.registry.get(params.id);
  }

  @Get(':id/record')
  @ApiOperation({ summary: '导出电子印章数据（GB/T 38540 印章结构）及制章者公钥，供离线核验' })
  record(@Param() params: SealIdParam) {
    return this.registry.exportRecord(params.id);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @ApiOperation({ summary: '审批：县行政审批服务管理局同意刻制' })
  approve(@Param() params: SealIdParam, @Body() step: SealStepDto) {
    return this.registry.approve(params.id, step.actor, step.reason);
  }

  @Post(':id/engraving')
  @HttpCode(200)
  @ApiOperation({ summary: '刻制：生成印章的 SM2 密钥对和由制章者签名的电子印章数据' })
  engrave(@Param() params: SealIdParam, @Body() step: SealStepDto) {
    return this.registry.engrave(params.id, step.actor);
  }

  @Post(':id/filing')
  @HttpCode(200)
  @ApiOperation({ summary: '备案' })
  file(@Param() params: SealIdParam, @Body() step: SealStepDto) {
    return this.registry.file(params.id, step.actor, step.reason);
  }

  @Post(':id/activation')
  @HttpCode(200)
  @ApiOperation({ summary: '启用：每个乡镇同时只能有一枚启用的专用章（SEAL.ALREADY_ACTIVE）' })
  activate(@Param() params: SealIdParam, @Body() step: SealStepDto) {
    return this.registry.activate(params.id, step.actor);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @ApiOperation({ summary: '停用' })
  deactivate(@Param() params: SealIdParam, @Body() request: RetireSealDto) {
    return this.registry.deactivate(params.id, request.actor, request.reason);
  }

  @Post(':id/sealing-away')
  @HttpCode(200)
  @ApiOperation({ summary: '封存' })
  sealAway(@Param() params: SealIdParam, @Body() request: RetireSealDto) {
    return this.registry.sealAway(params.id, request.actor, request.reason);
  }
}
