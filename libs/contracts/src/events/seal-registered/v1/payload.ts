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

/** A seal entered the town's seal registry (a new approval seal being applied for, or a legacy seal inventoried). */
export class SealRegisteredV1 {
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
  @MaxLength(100)
  name!: string;

  @IsIn(['approval', 'bureau', 'legacy'])
  kind!: 'approval' | 'bureau' | 'legacy';

  @IsString()
  @IsNotEmpty()
  status!: string;

  @IsString()
  @IsNotEmpty()
  actor!: string;

  @IsISO8601({ strict: true })
  registeredAt!: string;
}
