import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** Someone asked a stalled case to try its failed step again, after the data was put right. */
export class CaseUnstalledV1 {
  @IsUUID()
  caseId!: string;

  @Matches(/^[A-Za-z]{1,64}$/)
  activity!: string;

  @IsString()
  @MaxLength(64)
  handlerId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  handlerName?: string;

  /** What was put right, as the person says it. */
  @IsString()
  @MaxLength(500)
  note!: string;

  @IsISO8601({ strict: true })
  retriedAt!: string;
}
