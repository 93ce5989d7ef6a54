import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class SealIdParam {
  @ApiProperty({ description: '印章 ID' })
  @IsUUID()
  id!: string;
}

export class TownQuery {
  @ApiProperty({
    description: '乡镇代码（9 位），或县直部门代码（县代码-简称，如 140525-mz）',
    example: '140525100',
  })
  @Matches(/^(\d{9}|\d{6}-[a-z][a-z0-9]{0,15})$/, {
    message: '请填写 9 位乡镇代码，或县直部门代码（如 140525-mz）',
  })
  town!: string;
}

export class ApplyForBureauSealDto {
  @ApiProperty({ description: '县直部门代码（县代码-简称）', example: '140525-mz' })
  @Matches(/^\d{6}-[a-z][a-z0-9]{0,15}$/, { message: '请填写县直部门代码（如 140525-mz）' })
  bureau!: string;
}

/** The town a seal belongs to, in its county. */
class TownOfCounty {
  @ApiProperty({ description: '县代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/)
  county!: string;

  @ApiProperty({ description: '乡镇代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/)
  town!: string;
}

export class ApplyForSealDto extends TownOfCounty {
  @ApiPropertyOptional({ description: '县名称（仅当乡镇不在区划种子数据中时需要）', example: '泽州县' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  countyName?: string;

  @ApiPropertyOptional({ description: '乡镇名称（仅当乡镇不在区划种子数据中时需要）', example: '南村镇' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  townName?: string;
}

export class InventoryLegacySealDto extends TownOfCounty {
  @ApiProperty({ description: '印章印文', example: '泽州县南村镇社会事务办公室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: '原用章机构', example: '南村镇社会事务办公室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  formerHolder!: string;
}

export class SealStepDto {
  @ApiPropertyOptional({ description: '意见或说明', example: '同意刻制' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class RetireSealDto {
  @ApiProperty({ description: '停用或封存的理由', example: '印章损坏，申请换刻' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
