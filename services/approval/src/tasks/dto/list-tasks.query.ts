import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ListTasksQuery {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;
}

const VIEWS = ['mine', 'unit'] as const;
const STATUSES = ['open', 'done', 'cancelled'] as const;

export class InboxQuery {
  @ApiPropertyOptional({
    description: 'mine：本人岗位可办理的待办（默认）；unit：本人可查看的全部（监察、审计只有此视图）',
    enum: VIEWS,
    default: 'mine',
  })
  @IsOptional()
  @IsIn(VIEWS)
  view: (typeof VIEWS)[number] = 'mine';

  @ApiPropertyOptional({ description: 'open 待办（默认）、done 已办、cancelled 已撤销', enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status: (typeof STATUSES)[number] = 'open';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
