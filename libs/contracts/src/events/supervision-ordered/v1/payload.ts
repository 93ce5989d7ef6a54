import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** What a supervisor may order about a late or slow case: 督办 (a formal order) or 催办 (a reminder to hurry). */
export const SUPERVISION_ORDER_KINDS = ['督办', '催办'] as const;
export type SupervisionOrderKind = (typeof SUPERVISION_ORDER_KINDS)[number];

/**
 * A supervisor ordered the unit holding a case to act, and to answer by a date. The unit's overseer is told; the
 * order and its answer stay on the case's record.
 */
export class SupervisionOrderedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  caseId!: string;

  @IsIn(SUPERVISION_ORDER_KINDS)
  kind!: SupervisionOrderKind;

  /** The unit the case waited at when the order was given (a town desk, a village station or a county bureau). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  unitCode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  requirement!: string;

  /** The day by which the answer is due (China Standard Time). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  answerBy!: string;

  @IsISO8601({ strict: true })
  orderedAt!: string;
}
