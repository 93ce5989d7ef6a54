import { ApiPropertyOptional } from '@nestjs/swagger';
import { CountyPeriodQuery } from '@oneseal/service-kit';
import { IsOptional, Matches } from 'class-validator';

export class PeopleWorkloadQuery extends CountyPeriodQuery {
  @ApiPropertyOptional({ description: '乡镇代码（9 位）；不填为全县', example: '140525100' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;
}
