import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CreateStaffDto, NewPasswordDto, StaffIdParam, StaffScopeDto } from './dto/staff.dto';
import { StaffAccountsService } from './staff-accounts.service';

/** 人员与岗位: the county administrator's own county only. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
@Roles('admin')
export class StaffAccountsController {
  constructor(private readonly staff: StaffAccountsService) {}

  @Get()
  @ApiOperation({ summary: '本县全部账号：岗位、工作范围、是否可登录' })
  list(@CurrentUser() admin: AuthUser) {
    return this.staff.list(admin);
  }

  @Post()
  @ApiOperation({ summary: '新建账号（本县）：岗位须有相应的工作范围' })
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateStaffDto) {
    return this.staff.create(admin, dto);
  }

  @Put(':id/roles')
  @ApiOperation({ summary: '调整岗位与工作范围（此前的登录凭证随即失效，须重新登录）' })
  changeScope(@CurrentUser() admin: AuthUser, @Param() params: StaffIdParam, @Body() dto: StaffScopeDto) {
    return this.staff.changeScope(admin, params.id, dto);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账号：不能再登录，已登录的凭证数秒内在各服务失效' })
  deactivate(@CurrentUser() admin: AuthUser, @Param() params: StaffIdParam) {
    return this.staff.setActive(admin, params.id, false);
  }

  @Post(':id/activation')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复账号' })
  activate(@CurrentUser() admin: AuthUser, @Param() params: StaffIdParam) {
    return this.staff.setActive(admin, params.id, true);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码：此前的登录凭证失效，并解除该账号的登录锁定' })
  resetPassword(@CurrentUser() admin: AuthUser, @Param() params: StaffIdParam, @Body() dto: NewPasswordDto) {
    return this.staff.resetPassword(admin, params.id, dto.password);
  }
}
