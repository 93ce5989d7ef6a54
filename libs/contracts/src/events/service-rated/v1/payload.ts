import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

/** The five grades of the 政务服务“好差评”: 5 非常满意 … 1 非常不满意. */
export const SERVICE_SCORES = [1, 2, 3, 4, 5] as const;
export type ServiceScore = (typeof SERVICE_SCORES)[number];

/**
 * What is rated (一次一评): the whole case online once it has ended, or one service at the counter — the 受理 of the
 * application, the handing over (送达) of its result.
 */
export const SERVICE_EVENTS = ['case', 'acceptance', 'delivery'] as const;
export type ServiceEvent = (typeof SERVICE_EVENTS)[number];

/** Where the rating was given: 网上 (办件查询, 我的办件) or the 评价器 at the counter. */
export const RATING_CHANNELS = ['web', 'window-pad'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** What a 差评 is about, so that the town knows what to put right. */
export const RATING_CATEGORIES = [
  'attitude',
  'efficiency',
  'materials',
  'process',
  'environment',
  'online',
  'other',
] as const;
export type RatingCategory = (typeof RATING_CATEGORIES)[number];

/**
 * The applicant rated a service (once per case and service event). Events recorded before a rating had an event,
 * a channel or categories carry none: they were ratings of the whole case, online.
 */
export class ServiceRatedV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(SERVICE_SCORES)
  score!: ServiceScore;

  /** Required by the service for 不满意 and 非常不满意, so that the town can follow it up (整改). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  comment?: string;

  @IsISO8601({ strict: true })
  ratedAt!: string;

  @IsOptional()
  @IsIn(SERVICE_EVENTS)
  serviceEvent?: ServiceEvent;

  @IsOptional()
  @IsIn(RATING_CHANNELS)
  channel?: RatingChannel;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RATING_CATEGORIES.length)
  @IsIn(RATING_CATEGORIES, { each: true })
  categories?: RatingCategory[];

  /** The person who served (the clerk at the counter; online, who accepted the case). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  servedBy?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  servedByName?: string;

  /** A 差评's 整改 deadline (the county's working days from the rating). */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  rectifyBy?: string;
}
