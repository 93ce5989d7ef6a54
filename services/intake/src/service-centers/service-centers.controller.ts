import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '@oneseal/auth';
import { PublishServiceCenterDto, TownParam } from './service-center.dto';
import { ServiceCentersService } from './service-centers.service';

@ApiTags('catalogue')
@Controller('catalogue/service-centers')
export class ServiceCentersController {
  constructor(private readonly centers: ServiceCentersService) {}

  @Public()
  @Get(':town')
  @ApiOperation({ summary: '乡镇便民服务中心公示信息：名称、地址、咨询电话、办公时间' })
  of(@Param() { town }: TownParam) {
    return this.centers.of(town);
  }

  @Put(':town')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: '公示（或更正）本县一个乡镇便民服务中心的地址、咨询电话和办公时间（仅本县管理员）',
  })
  publish(
    @CurrentUser() admin: AuthUser,
    @Param() { town }: TownParam,
    @Body() published: PublishServiceCenterDto,
  ) {
    return this.centers.publish(admin, town, published);
  }
}
