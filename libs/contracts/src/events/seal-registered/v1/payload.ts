import { IsISO8601, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** A seal entered the town's seal registry (a new approval seal being applied for, or a legacy seal inventoried). */
export class SealRegisteredV1 {
  @IsString()
  @IsNotEmpty()
  sealId!: string;

  @Matches(/^\d{6}$/)
  county!: string;

  @Matches(/^\d{9}$/)
  town!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @IsIn(['approval', 'legacy'])
  kind!: 'approval' | 'legacy';

  @IsString()
  @IsNotEmpty()
  status!: string;

  @IsString()
  @IsNotEmpty()
  actor!: string;

  @IsISO8601({ strict: true })
  registeredAt!: string;
}
