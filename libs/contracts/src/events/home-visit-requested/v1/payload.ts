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

/** 上门服务: staff come to take the application at home; 上门代办: the village agent runs the errand for the applicant. */
export const HOME_VISIT_KINDS = ['service', 'agency'] as const;
export type HomeVisitKind = (typeof HOME_VISIT_KINDS)[number];

/** Someone who cannot come in (old age, disability, serious illness) asked the village station to come to them. */
export class HomeVisitRequestedV1 {
  @IsUUID()
  visitId!: string;

  @IsIn(HOME_VISIT_KINDS)
  kind!: HomeVisitKind;

  /** The village whose station is asked (its 帮办代办员 goes). */
  @Matches(/^\d{12}$/)
  villageCode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  reason!: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  preferredDate?: string;

  @IsISO8601({ strict: true })
  requestedAt!: string;
}
