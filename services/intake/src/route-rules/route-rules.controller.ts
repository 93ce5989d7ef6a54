import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CountyParam } from '../catalogue/dto/list-matters.query';
import { ReviewRouteRuleDto } from './review-route-rule.dto';
import { RouteRulesService } from './route-rules.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue/route-rules')
export class RouteRulesController {
  constructor(private readonly rules: RouteRulesService) {}

  @Get()
  @ApiOperation({
    summary: '办理路径规则：每种办理方式的各环节（谁办、时限、理由），本县适用的事项数和本县的审核意见',
  })
  list(@CurrentUser() user: AuthUser, @Query() { county }: CountyParam) {
    return this.rules.list(user, county);
  }

  @Post('reviews')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '本县审核一条办理路径规则：确认，或提出异议（写明理由）' })
  review(@CurrentUser() user: AuthUser, @Body() review: ReviewRouteRuleDto) {
    return this.rules.review(user, review);
  }
}
