import {
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import {
  APPLICATION_CHANNELS,
  CATALOGUE_LEVELS,
  type ApplicationChannel,
  type CatalogueLevel,
} from '../../shared-fields';

/** An applicant (or an agent on their behalf) has handed in an application; nothing is decided yet. */
export class ApplicationSubmittedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  matterCode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterName!: string;

  /** The guide version the case is handled under, whatever the catalogue says later. */
  @IsInt()
  @Min(1)
  matterVersion!: number;

  @IsIn(CATALOGUE_LEVELS)
  matterLevel!: CatalogueLevel;

  /** 办理方式 as the catalogue writes it ('' when the town handles the matter to the end). */
  @IsString()
  @MaxLength(40)
  handlingMode!: string;

  /** The county bureau that granted the town direct authority (直接赋权), if any. */
  @IsOptional()
  @IsString()
  delegatingUnit?: string;

  /** The county unit that owns the matter above the town. */
  @IsString()
  @IsNotEmpty()
  countyUnitCode!: string;

  @IsIn(APPLICATION_CHANNELS)
  channel!: ApplicationChannel;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;

  /** Village code (12 digits) when filed through a village station. */
  @IsOptional()
  @Matches(/^\d{12}$/)
  villageCode?: string;

  @IsISO8601({ strict: true })
  submittedAt!: string;
}
