import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ExportedCheckpoints } from '../checkpoints.service';

const HEX64 = /^[0-9a-f]{64}$/;

export class ExportedHeadDto {
  @IsString()
  @MaxLength(200)
  streamId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @Matches(HEX64, { message: '链头哈希应为 64 位十六进制' })
  hash!: string;
}

export class ExportedCheckpointDto {
  @IsInt()
  @Min(1)
  seq!: number;

  @IsISO8601({ strict: true })
  takenAt!: string;

  @Matches(/^\d{1,19}$/, { message: '事件序号应为数字' })
  upToEventSeq!: string;

  @IsInt()
  @Min(0)
  headsCount!: number;

  @Matches(HEX64, { message: '检查点摘要应为 64 位十六进制' })
  headsSm3!: string;

  @Matches(HEX64, { message: '前一检查点摘要应为 64 位十六进制' })
  previousSm3!: string;

  @Matches(/^04[0-9a-f]{128}$/, { message: '公钥应为 SM2 非压缩公钥（04 开头的 130 位十六进制）' })
  publicKey!: string;

  @Matches(/^[0-9a-f]{128}$/, { message: '签名应为 128 位十六进制' })
  signature!: string;

  /** Left out of a copy exported without heads (GET /audit/checkpoints/export?heads=none). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => ExportedHeadDto)
  heads?: ExportedHeadDto[];
}

/** A file exported from GET /audit/checkpoints/export, sent back to be checked against the log as it is now. */
export class ExportedCheckpointsDto implements ExportedCheckpoints {
  @Matches(/^04[0-9a-f]{128}$/, { message: '公钥应为 SM2 非压缩公钥（04 开头的 130 位十六进制）' })
  publicKey!: string;

  @IsISO8601({ strict: true })
  exportedAt!: string;

  @IsArray()
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => ExportedCheckpointDto)
  checkpoints!: ExportedCheckpointDto[];
}

/** What an export holds: every checkpoint with its heads (the default), or only the checkpoints (`none`). */
export class CheckpointExportQuery {
  @IsOptional()
  @IsIn(['all', 'none'], { message: 'heads 只能为 all（含链头）或 none（不含链头）' })
  heads?: 'all' | 'none';
}
