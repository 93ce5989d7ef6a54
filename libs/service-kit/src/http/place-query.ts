import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** ?county=&town= of a supervision view: a whole county, or one town of it. */
export class PlaceQuery {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;

  @ApiPropertyOptional({ description: '乡镇代码（9 位）；不填为全县', example: '140525100' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;
}
