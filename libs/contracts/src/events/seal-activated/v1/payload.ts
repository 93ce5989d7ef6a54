import { IsISO8601, IsNotEmpty, IsString, Matches } from 'class-validator';

/** 启用: the town's approval seal is in force; from now on it is the only seal results of the town carry. */
export class SealActivatedV1 {
  @IsString()
  @IsNotEmpty()
  sealId!: string;

  @Matches(/^\d{6}$/)
  county!: string;

  @Matches(/^\d{9}$/)
  town!: string;

  @IsString()
  @IsNotEmpty()
  actor!: string;

  @IsISO8601({ strict: true })
  activatedAt!: string;
}
