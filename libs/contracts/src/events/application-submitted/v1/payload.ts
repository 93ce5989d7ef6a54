import {
  IsBoolean,
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
  ValidateIf,
} from 'class-validator';
import {
  APPLICATION_CHANNELS,
  CASE_KINDS,
  CATALOGUE_LEVELS,
  DELIVERY_METHODS,
  type ApplicationChannel,
  type CaseKind,
  type DeliveryMethod,
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

  /**
   * The matter's type (GB/T 39046 code: 05 行政给付, 07 行政确认, 20 公共服务 …): what its outcome is called. Absent on
   * events published before it was sent.
   */
  @IsOptional()
  @Matches(/^\d{2}$/)
  matterTypeCode?: string;

  /** 设定依据 of the guide in force, when the responsible bureau confirmed it: the case's documents cite it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  legalBasis?: string;

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

  /**
   * The county unit has granted the case's town direct authority (直接赋权) for the matter: the town decides what
   * the county would have. Absent on events published before delegations were kept.
   */
  @IsOptional()
  @IsBoolean()
  delegatedToTown?: boolean;

  /**
   * For a village matter with a town matter of the same name (兵役登记, 临时救助 …): that matter, whose route the case
   * follows after the village's 初审 — its code, 办理方式, owning county unit, and whether that unit empowered the
   * case's town (flat fields: event payloads are validated without nested classes).
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  townTwinCode?: string;

  @ValidateIf((payload: ApplicationSubmittedV1) => payload.townTwinCode !== undefined)
  @IsString()
  @MaxLength(40)
  townTwinHandlingMode?: string;

  @IsOptional()
  @IsString()
  townTwinDelegatingUnit?: string;

  @ValidateIf((payload: ApplicationSubmittedV1) => payload.townTwinCode !== undefined)
  @IsString()
  @IsNotEmpty()
  townTwinCountyUnitCode?: string;

  @IsOptional()
  @IsBoolean()
  townTwinDelegatedToTown?: boolean;

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

  /** Mobile number the applicant is told on (receipt, 补正, decision, result ready). */
  @Matches(/^1\d{10}$/)
  applicantPhone!: string;

  /**
   * What staff find the case by, instead of the 公民身份号码 itself (which stays with intake): its keyed digest
   * (HMAC-SHA256 under the key intake and routing share) and its last six characters. Absent for cases filed before
   * searches by ID number existed.
   */
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  applicantIdDigest?: string;

  @IsOptional()
  @Matches(/^[0-9X]{6}$/)
  applicantIdTail?: string;

  /** 办件类型 of the guide version: a 即办件 is decided on the spot, a 承诺件 within its committed limit. */
  @IsIn(CASE_KINDS)
  caseKind!: CaseKind;

  /** 承诺办结时限 in working days counted from the day after acceptance (0 for a 即办件). */
  @IsInt()
  @Min(0)
  committedLimitWorkingDays!: number;

  /** 法定办结时限 in working days; absent for public services that have none. */
  @IsOptional()
  @IsInt()
  @Min(1)
  statutoryLimitWorkingDays?: number;

  @IsIn(DELIVERY_METHODS)
  deliveryMethod!: DeliveryMethod;

  /** 办件编号, unique in the county, given at submission and printed on the receipt. */
  @Matches(/^\d{6}-\d{8}-\d{6}$/)
  receiptNumber!: string;

  /**
   * 查询码 printed on the receipt and sent by SMS: the applicant's key to follow the case and rate the service.
   * Absent on events published before it existed.
   */
  @IsOptional()
  @Matches(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/)
  progressQueryCode?: string;

  /** Village code (12 digits) when filed through a village station. */
  @IsOptional()
  @Matches(/^\d{12}$/)
  villageCode?: string;

  @IsISO8601({ strict: true })
  submittedAt!: string;
}
