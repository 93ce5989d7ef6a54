import { PageQuery, Trimmed } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ListTasksQuery {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;
}

const VIEWS = ['mine', 'unit'] as const;
const STATUSES = ['open', 'done', 'cancelled'] as const;

export class InboxChangesQuery {
  @ApiPropertyOptional({
    description: 'mine：本人岗位可办理的待办有变动时通知（默认）；unit：本人可查看的待办有变动时通知',
    enum: VIEWS,
    default: 'mine',
  })
  @IsOptional()
  @IsIn(VIEWS)
  view: (typeof VIEWS)[number] = 'mine';
}

export class InboxQuery extends PageQuery {
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

  @ApiPropertyOptional({
    description: '按办件编号（或其末几位）、申请人姓名、事项名称查找',
    example: '王秀英',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(50)
  q?: string;
}
