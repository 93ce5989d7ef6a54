import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNTY_GRANTABLE_ROLES, type Role } from '@oneseal/auth';
import { Trimmed } from '@oneseal/service-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/** Where the person works: roles and the scope they need (town, village or bureau); the county is the admin's. */
export class StaffScopeDto {
  @ApiProperty({ enum: COUNTY_GRANTABLE_ROLES, isArray: true, description: '岗位' })
  @IsIn(COUNTY_GRANTABLE_ROLES, {
    each: true,
    message: '岗位不在县级可设置的岗位之列（平台系统管理员不能由县级管理员授予）',
  })
  @ArrayMinSize(1, { message: '至少选择一个岗位' })
  @ArrayMaxSize(COUNTY_GRANTABLE_ROLES.length)
  roles!: Role[];

  @ApiPropertyOptional({ description: '乡镇代码（镇岗位、代办员必填）' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;

  @ApiPropertyOptional({ description: '村（社区）代码（代办员必填）' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'village 应为 12 位村（社区）代码' })
  village?: string;

  @ApiPropertyOptional({ description: '县直部门代码（县直部门审批人员必填）', example: '140525-mz' })
  @IsOptional()
  @Matches(/^\d{6}-[a-z]+$/, { message: 'unitCode 应为县直部门代码，如 140525-mz' })
  unitCode?: string;
}

export class NewPasswordDto {
  @ApiProperty({ description: '初始或重置后的密码（至少 10 位），由本人登录后使用' })
  @IsString()
  @MinLength(10, { message: '密码至少 10 位' })
  @MaxLength(200)
  password!: string;
}

export class CreateStaffDto extends StaffScopeDto {
  @ApiProperty({ description: '登录名：小写字母、数字、点、横线', example: 'zz-town-window-2' })
  @Trimmed()
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: '登录名只能用小写字母、数字、点和横线，2 到 64 位' })
  loginName!: string;

  @ApiProperty({ description: '姓名', example: '李四' })
  @IsString()
  @Trimmed()
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ description: '初始密码（至少 10 位）' })
  @IsString()
  @MinLength(10, { message: '密码至少 10 位' })
  @MaxLength(200)
  password!: string;
}

export class StaffIdParam {
  @ApiProperty()
  @IsUUID()
  id!: string;
}
