import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/**
 * A county added a bureau (县直部门) to those its matters can be assigned to: it becomes an organ that decides and
 * issues documents under its own seal once that seal is made and filed.
 */
export class BureauRegisteredV1 {
  @Matches(/^\d{6}$/)
  county!: string;

  /** Its inbox and organ code: the county and the bureau's short code (140521-sjj). */
  @Matches(/^\d{6}-[a-z][a-z0-9]{0,15}$/)
  unitCode!: string;

  /** What screens call it: 县数据局. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  name!: string;

  /** Its full name within the county: 县政务服务和数据管理局 (the organ is 沁水县政务服务和数据管理局). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  fullName!: string;

  /** What its 文号 begins with after the county's short name (泽民审〔2026〕1号 → 民). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(6)
  numberPrefix!: string;
}
