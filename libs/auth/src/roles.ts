/**
 * The roles of the people who work in OneSeal. A role says what a person may do; where (which village, town or
 * county bureau) comes from the scope fields of their account.
 */
export const ROLES = [
  'village-agent',
  'town-window',
  'town-reviewer',
  'town-leader',
  'county-officer',
  'seal-keeper',
  'supervisor',
  'auditor',
  'admin',
  'system-admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLES: Record<Role, string> = {
  'village-agent': '村（社区）便民服务站帮办代办员',
  'town-window': '镇便民服务中心综合受理窗口',
  'town-reviewer': '镇便民服务中心审核人员',
  'town-leader': '镇分管领导（审批决定）',
  'county-officer': '县直部门审批人员',
  'seal-keeper': '镇行政审批服务专用章管理员',
  supervisor: '县电子监察',
  auditor: '审计人员',
  admin: '县行政审批服务管理局管理员',
  'system-admin': '平台系统管理员（全国节假日安排）',
};

/**
 * What a county's administrator may grant: everything but the platform's system administrator, whose work (the
 * national holiday calendar every county's deadlines use) is no county's to change.
 */
export const COUNTY_GRANTABLE_ROLES = ROLES.filter(
  (role): role is Exclude<Role, 'system-admin'> => role !== 'system-admin',
);

/** The roles that work inside one town's convenience service center. */
export const TOWN_ROLES = ['town-window', 'town-reviewer', 'town-leader', 'seal-keeper'] as const;
export type TownRole = (typeof TOWN_ROLES)[number];

/** Roles that look at the whole county and never act on a case. */
export const COUNTY_READ_ONLY_ROLES = ['supervisor', 'auditor', 'admin'] as const;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isTownRole(role: Role): role is TownRole {
  return (TOWN_ROLES as readonly string[]).includes(role);
}

/**
 * Roles one account may not hold together, because their steps must be taken by different people: who reviews does
 * not decide (审核 and 决定), and who decides does not keep the seal that stamps the decision (批准 and 监印).
 */
export const INCOMPATIBLE_ROLES: readonly (readonly [Role, Role])[] = [
  ['town-reviewer', 'town-leader'],
  ['town-leader', 'seal-keeper'],
];

/** The first pair of incompatible roles among these, if any. */
export function incompatibleRolesIn(roles: readonly Role[]): readonly [Role, Role] | undefined {
  return INCOMPATIBLE_ROLES.find(([a, b]) => roles.includes(a) && roles.includes(b));
}
