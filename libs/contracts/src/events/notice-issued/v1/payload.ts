import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** What a county organ issues to the public under its own seal, outside any case. */
export const NOTICE_KINDS = ['assessment-bulletin'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A county organ issued a sealed notice (考核通报) and published it on the public site: one stamp per notice. */
export class NoticeIssuedV1 {
  @IsUUID()
  documentId!: string;

  @IsIn(NOTICE_KINDS)
  kind!: NoticeKind;

  @Matches(/^\d{6}$/)
  county!: string;

  /** The issuing organ (140525-xzsp: the county's 行政审批服务管理局). */
  @Matches(/^\d{6}-[a-z][a-z0-9]{0,15}$/)
  organ!: string;

  /** 泽州县行政审批服务管理局: the organ as the notice names it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  issuerName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;

  /** 文号 (泽审批〔2026〕3号). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  number!: string;

  @IsUUID()
  stampId!: string;

  @IsString()
  @IsNotEmpty()
  sealId!: string;

  @Matches(/^[0-9a-f]{64}$/)
  documentSm3!: string;

  @IsString()
  @IsNotEmpty()
  verificationCode!: string;

  @IsISO8601({ strict: true })
  issuedAt!: string;
}
