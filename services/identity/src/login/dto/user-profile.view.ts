import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLE_TITLES, ROLES, type Role } from '@oneseal/auth';
import type { UserAccount } from '../../users/user-account.entity';

export class UserProfileView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '登录名' }) loginName!: string;
  @ApiProperty({ description: '姓名' }) name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ description: '岗位名称', isArray: true, type: String }) roleTitles!: string[];
  @ApiProperty({ description: '县（区）代码' }) county!: string;
  @ApiPropertyOptional({ description: '乡镇代码' }) town?: string;
  @ApiPropertyOptional({ description: '村（社区）代码' }) village?: string;
  @ApiPropertyOptional({ description: '县直部门代码' }) unitCode?: string;

  static of(account: UserAccount): UserProfileView {
    return {
      id: account.id,
      loginName: account.loginName,
      name: account.displayName,
      roles: account.roles,
      roleTitles: account.roles.map((role) => ROLE_TITLES[role]),
      county: account.county,
      ...(account.town ? { town: account.town } : {}),
      ...(account.village ? { village: account.village } : {}),
      ...(account.unitCode ? { unitCode: account.unitCode } : {}),
    };
  }
}

export class LoginResponse {
  @ApiProperty({ description: '登录凭证：之后每个请求带上 Authorization: Bearer <token>' })
  token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: '过期时间（ISO 8601）' })
  expiresAt!: string;

  @ApiProperty({ type: UserProfileView })
  user!: UserProfileView;
}
