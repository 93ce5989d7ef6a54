import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The five grades of the 政务服务“好差评”: 5 非常满意 … 1 非常不满意. */
export const SERVICE_SCORES = [1, 2, 3, 4, 5] as const;
export type ServiceScore = (typeof SERVICE_SCORES)[number];

/** The applicant rated how their concluded case was handled (once per case, with their receipt's 查询码). */
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
}
