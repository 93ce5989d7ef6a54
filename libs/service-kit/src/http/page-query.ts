import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** No list has this many pages; a larger number (1e308) would only overflow the database's OFFSET. */
export const MAX_PAGE_NUMBER = 100_000;

/** A position in an append-only sequence (an event's seq): what a bigint holds and JavaScript counts exactly. */
export const MAX_SEQUENCE = Number.MAX_SAFE_INTEGER;

/** ?page=&pageSize= of a list endpoint: pages count from 1, at most 200 rows a page. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  page = 1;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
