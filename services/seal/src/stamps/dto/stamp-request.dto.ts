import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StampDecisionInput } from '@oneseal/contracts';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

export class DocumentIdParam {
  @ApiProperty({ description: '文书 ID' })
  @IsUUID()
  id!: string;
}

/** A stamp asked for by a person (the seal keeper) rather than by the case workflow. */
export class StampRequestDto implements StampDecisionInput {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ description: '决定 ID：同一决定只盖一次章' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionId!: string;

  @ApiProperty({ example: '140525' })
  @Matches(/^\d{6}$/)
  county!: string;

  @ApiProperty({ example: '140525100' })
  @Matches(/^\d{9}$/)
  town!: string;

  @ApiProperty()
  @IsUUID()
  correlationId!: string;

  @ApiProperty({ description: '办件编号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  receiptNumber!: string;

  @ApiProperty({ example: 'ZZ-T-002' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  matterCode!: string;

  @ApiProperty({ example: '临时救助' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterName!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;

  @ApiProperty({ enum: ['准予', '不予许可'] })
  @IsIn(['准予', '不予许可'])
  result!: '准予' | '不予许可';

  @ApiProperty({ enum: ['decision', 'proof', 'certificate'] })
  @IsIn(['decision', 'proof', 'certificate'])
  documentKind!: 'decision' | 'proof' | 'certificate';

  @ApiProperty({ description: '决定意见' })
  @IsString()
  @MaxLength(1000)
  opinion!: string;

  @ApiProperty({ description: '决定人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  decidedBy!: string;

  @ApiProperty({ description: '决定时间（ISO 8601）' })
  @IsISO8601({ strict: true })
  decidedAt!: string;

  @ApiPropertyOptional({ description: '要使用的印章；只有本乡镇启用的专用章会被接受' })
  @IsOptional()
  @IsUUID()
  sealId?: string;
}
