import { IsISO8601, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** 停用 / 封存: a seal may no longer stamp anything. */
export class SealRetiredV1 {
  @IsString()
  @IsNotEmpty()
  sealId!: string;

  @Matches(/^\d{6}$/)
  county!: string;

  @Matches(/^\d{9}$/)
  town!: string;

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
