import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import {
  AnswerSupervisionDto,
  OrderIdParam,
  OrderSupervisionDto,
  SupervisionOrdersQuery,
} from './dto/supervision-order.dto';
import { SupervisionOrdersService, type SupervisionOrder } from './supervision-orders.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/orders')
export class SupervisionOrdersController {
  constructor(private readonly orders: SupervisionOrdersService) {}

  @Get()
  @Roles('supervisor', 'auditor', 'admin', 'town-leader', 'county-officer')
  @ApiOperation({ summary: '督办、催办：未答复的在前（逾期的最先），附答复' })
  list(@CurrentUser() user: AuthUser, @Query() query: SupervisionOrdersQuery): Promise<SupervisionOrder[]> {
    return this.orders.list(user, { county: query.county, town: query.town }, query.open ?? false);
  }

  @Post()
  @Roles('supervisor')
  @ApiOperation({
    summary: '督办或催办一个在办件（县电子监察）：写明要求和答复期限，承办单位的分管领导收到消息',
  })
  order(@CurrentUser() user: AuthUser, @Body() dto: OrderSupervisionDto): Promise<SupervisionOrder> {
    return this.orders.order(user, dto);
  }

  @Post(':orderId/answer')
  @HttpCode(200)
  @Roles('town-leader', 'county-officer')
  @ApiOperation({ summary: '答复督办（本镇分管领导，或被督办的县直部门）：写明采取的措施和办理结果' })
  answer(
    @CurrentUser() user: AuthUser,
    @Param() { orderId }: OrderIdParam,
    @Body() dto: AnswerSupervisionDto,
  ): Promise<SupervisionOrder> {
    return this.orders.answer(user, orderId, dto.answer);
  }
}
