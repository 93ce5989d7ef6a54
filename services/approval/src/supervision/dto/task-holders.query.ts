import { ApiProperty } from '@nestjs/swagger';
import { PlaceQuery } from '@oneseal/service-kit';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { MAX_HOLDER_CASES } from '../task-holders';

/** The cases whose open steps' holders are asked for, comma-separated. */
export class TaskHoldersQuery extends PlaceQuery {
  @ApiProperty({ description: '办件 ID，逗号分隔（最多 200 个）', type: String })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value,
  )
  @IsArray()
  @ArrayMaxSize(MAX_HOLDER_CASES, { message: `一次最多查询 ${MAX_HOLDER_CASES} 件` })
  @IsUUID('all', { each: true, message: '办件 ID 格式不正确' })
  caseIds!: string[];
}
