import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { ADMINISTRATIVE_LEVELS, type AdministrativeLevel } from '../../shared-fields';

/** A human task (a step of a case) is waiting in the inbox of a unit at some level. */
export class ReviewTaskOpenedV1 {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  taskId!: string;

  /** The step's name as clerks know it, e.g. 受理, 初审, 审核. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  stepName!: string;

  @IsIn(ADMINISTRATIVE_LEVELS)
  level!: AdministrativeLevel;

  @IsString()
  @IsNotEmpty()
  unitCode!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;

  /** The step's own deadline (YYYY-MM-DD); absent while the clock stands still, and in events before it was sent. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate?: string;

  /**
   * The case's 办件编号 and matter, so a unit's 新待办 message names the case even when it is read before the
   * application's own event (a consumer catching up takes its topics' events in no common order); absent in events
   * of tasks opened by workflows started before they were passed on.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  receiptNumber?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterName?: string;
}
