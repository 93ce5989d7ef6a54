import { Public } from '@oneseal/auth';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueQueryService } from './catalogue-query.service';
import { PlaceNamesService, type CountyPlaces } from './place-names.service';
import { CountyParam, ListMattersQuery } from './dto/list-matters.query';

@ApiTags('catalogue')
// The catalogue and its guides (办事指南) are public: applicants read them before they come.
@Public()
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueQueryService,
    private readonly places: PlaceNamesService,
  ) {}

  @Get('places/:county')
  @ApiOperation({
    summary: '一个县的乡镇、村（社区）和各办理单位名称（乡镇窗口、审核岗、村便民服务站、县直部门）',
  })
  placesOf(@Param() { county }: CountyParam): Promise<CountyPlaces> {
    return this.places.ofCounty(county);
  }

  @Get('matters')
  @ApiOperation({ summary: '查询事项目录：按层级、类型、乡镇和名称' })
  list(@Query() query: ListMattersQuery) {
    return this.catalogue.listMatters(query);
  }

  @Get('matters/:code')
  @ApiOperation({ summary: '一个事项的办事指南' })
  get(@Param('code') code: string) {
    return this.catalogue.getMatter(code);
  }
}
