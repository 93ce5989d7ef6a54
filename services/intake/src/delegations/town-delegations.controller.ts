import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '@oneseal/auth';
import { DelegationParams, DelegationReasonDto } from './dto/delegation.dto';
import { TownDelegationsService } from './town-delegations.service';

@ApiTags('catalogue')
@Controller('catalogue/matters')
export class TownDelegationsController {
  constructor(private readonly delegations: TownDelegationsService) {}

  @Public()
  @Get(':code/delegations')
  @ApiOperation({ summary: '事项的直接赋权公示：哪些乡镇已获赋权、依据、时间（含已收回）' })
  list(@Param('code') code: string) {
    return this.delegations.ofMatter(code);
  }

  @Put(':code/delegations/:town')
  @ApiBearerAuth()
  @Roles('county-officer', 'admin')
  @ApiOperation({ summary: '直接赋权：主管部门将该事项的审核、决定交由乡镇办理（此后受理的办件生效）' })
  grant(@CurrentUser() user: AuthUser, @Param() params: DelegationParams, @Body() body: DelegationReasonDto) {
    return this.delegations.grant(user, params.code, params.town, body.reason);
  }

  @Post(':code/delegations/:town/revocation')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('county-officer', 'admin')
  @ApiOperation({ summary: '收回直接赋权（已受理的办件仍按原路径办理）' })
  revoke(
    @CurrentUser() user: AuthUser,
    @Param() params: DelegationParams,
    @Body() body: DelegationReasonDto,
  ) {
    return this.delegations.revoke(user, params.code, params.town, body.reason);
  }
}
