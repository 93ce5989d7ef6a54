import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

/** 启用: the town's approval seal is in force; from now on it is the only seal results of the town carry. */
export class SealActivatedV1 {
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

  @IsString()
  @IsNotEmpty()
  actor!: string;

  @IsISO8601({ strict: true })
  activatedAt!: string;
}
