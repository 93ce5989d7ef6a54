import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CatalogueImportIdParam {
  @ApiProperty({ description: '事项清单导入记录编号' })
  @IsUUID('all', { message: '导入记录编号格式不正确' })
  id!: string;
}
