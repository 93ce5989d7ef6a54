import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CountyParam } from '../catalogue/dto/list-matters.query';
import { AddBureauDto, BureauCodeParam, RenameBureauDto } from './bureau.dto';
import { CountyBureausService } from './county-bureaus.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue/bureaus')
export class CountyBureausController {
  constructor(private readonly bureaus: CountyBureausService) {}

  @Get()
  @ApiOperation({ summary: '本县的县直部门：简称、全称、文号部门字、承担的事项数，谁何时新增或修改' })
  list(@CurrentUser() user: AuthUser, @Query() { county }: CountyParam) {
    return this.bureaus.list(user, county);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      '新增县直部门（仅本县管理员）：此后可在事项清单中指定为主管部门；用印服务为它登记发文机关并申报部门印章',
  })
  add(@CurrentUser() user: AuthUser, @Body() bureau: AddBureauDto) {
    return this.bureaus.add(user, bureau);
  }

  @Put(':code')
  @Roles('admin')
  @ApiOperation({
    summary: '修改县直部门的简称（全称即发文机关名称，机构改革更名须新增部门并启用新印章）',
  })
  rename(
    @CurrentUser() user: AuthUser,
    @Param() { code }: BureauCodeParam,
    @Body() { name }: RenameBureauDto,
  ) {
    return this.bureaus.rename(user, code, name);
  }
}
