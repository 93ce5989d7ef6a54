import { IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** 不予受理: the case was refused at intake, with the reason the applicant is told. */
export class CaseRefusedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsString()
  @IsNotEmpty()
  handlerId!: string;

  @IsISO8601({ strict: true })
  refusedAt!: string;
}
