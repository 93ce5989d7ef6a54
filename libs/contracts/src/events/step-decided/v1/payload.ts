import { IsISO8601, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, type AdministrativeLevel } from '../../shared-fields';

/** A person decided one step of a case (初审, 审核, 决定 ...): who, what, with which opinion, from when to when. */
export class StepDecidedV1 {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  taskId!: string;

  @IsString()
  @IsNotEmpty()
  stepName!: string;

  @IsIn(ADMINISTRATIVE_LEVELS)
  level!: AdministrativeLevel;

  @IsString()
  @IsNotEmpty()
  unitCode!: string;

  /** 通过 / 退回 / 其他, as the national exchange records a step's action. */
  @IsIn(['通过', '退回', '其他'])
  action!: '通过' | '退回' | '其他';

  @IsString()
  @IsNotEmpty()
  handlerId!: string;

  /** The handler's name as their account shows it, so a record reads without a lookup (absent before identity). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  handlerName?: string;

  @IsString()
  @MaxLength(1000)
  opinion!: string;

  @IsISO8601({ strict: true })
  startedAt!: string;

  @IsISO8601({ strict: true })
  endedAt!: string;
}
