import { IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** The unit answered a 督办 or 催办: what it did. The supervisors are told; it stays on the case's record. */
export class SupervisionAnsweredV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  answer!: string;

  @IsISO8601({ strict: true })
  answeredAt!: string;
}
