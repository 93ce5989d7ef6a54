import {
  IsISO8601,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

/** 停用 / 封存: a seal may no longer stamp anything. */
export class SealRetiredV1 {
  @IsString()
  @IsNotEmpty()
  sealId!: string;

  @Matches(/^\d{6}$/)
  county!: string;

  /** The town, for a town's seal. */
  @ValidateIf((event: { bureau?: string }) => event.bureau === undefined)
  @Matches(/^\d{9}$/)
  town?: string;

  /** The county bureau (140525-mz), for a bureau's own seal; absent in earlier events. */
  @IsOptional()
  @Matches(/^\d{6}-[a-z][a-z0-9]{0,15}$/)
  bureau?: string;

  @IsIn(['停用', '封存'])
  status!: '停用' | '封存';

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsString()
  @IsNotEmpty()
  actor!: string;

  @IsISO8601({ strict: true })
  retiredAt!: string;
}
