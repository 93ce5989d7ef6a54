import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SUPERVISION_ORDER_KINDS, type SupervisionOrderKind } from '../../supervision-ordered/v1/payload';

/** The unit answered a 督办 or 催办: what it did. The supervisors are told; it stays on the case's record. */
export class SupervisionAnsweredV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  caseId!: string;

  /** What was answered: a 督办 or a 催办. */
  @IsOptional()
  @IsIn(SUPERVISION_ORDER_KINDS)
  kind?: SupervisionOrderKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  answer!: string;

  @IsISO8601({ strict: true })
  answeredAt!: string;
}
