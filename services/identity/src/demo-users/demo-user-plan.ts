import type { Role } from '@oneseal/auth';

/** The one password every demo account shares; it is printed by the seed and written in the README. */
export const DEMO_PASSWORD = 'oneseal-demo';

export interface DivisionsFile {
  county: { code: string; name: string };
  towns: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

export interface CountyUnit {
  slug: string;
  /** Short name with the generic 县 prefix, e.g. 县民政局. */
  name: string;
}

export interface DemoUser {
  loginName: string;
  displayName: string;
  roles: Role[];
  county: string;
  town?: string;
  village?: string;
  unitCode?: string;
}

/**
 * Where the demo accounts work: the first town of each county, a village of it (原家村 is the one the README's
 * walk-through files from), and in 泽州县 a second town, whose staff must see nothing of the first town's cases.
 */
export const DEMO_COUNTIES = [
  { county: '140525', prefix: 'zz', village: '140525100201', secondTown: true },
  { county: '140521', prefix: 'qs', village: '140521100200', secondTown: false },
] as const;

const TOWN_STAFF: { role: Role; login: string; title: string }[] = [
  { role: 'town-window', login: 'window', title: '受理窗口' },
  { role: 'town-reviewer', login: 'reviewer', title: '审核员' },
  { role: 'town-leader', login: 'leader', title: '分管领导' },
  { role: 'seal-keeper', login: 'seal-keeper', title: '印章管理员' },
];

const COUNTY_STAFF: { role: Role; login: string; title: string }[] = [
  { role: 'supervisor', login: 'supervisor', title: '电子监察' },
  { role: 'auditor', login: 'auditor', title: '审计' },
  { role: 'admin', login: 'admin', title: '行政审批服务管理局管理员' },
];

const demo = (title: string) => `${title}（演示）`;

/** 原家村委会 → 原家村, 杨洼社区居民委员会 / 梅苑社区居委会 → 杨洼社区 / 梅苑社区 */
function placeName(village: string): string {
  if (village.endsWith('村委会')) return village.slice(0, -2);
  return village.replace(/社区.*会$/, '社区');
}

function townUsers(prefix: string, county: string, town: { code: string; name: string }): DemoUser[] {
  return TOWN_STAFF.map(({ role, login, title }) => ({
    loginName: `${prefix}-town-${login}`,
    displayName: demo(`${town.name}${title}`),
    roles: [role],
    county,
    town: town.code,
  }));
}

/** Every demo account, in the order the seed prints them. Pure: the tests check it without a database. */
export function planDemoUsers(divisions: (county: string) => DivisionsFile, units: CountyUnit[]): DemoUser[] {
  return [...countyDemoUsers(divisions, units), SYSTEM_ADMINISTRATOR];
}

/**
 * The platform's one system administrator: keeps the national holiday calendar. Every account belongs to a county;
 * this one to the county the platform is run from, which gives it nothing in that county.
 */
const SYSTEM_ADMINISTRATOR: DemoUser = {
  loginName: 'system-admin',
  displayName: demo('平台系统管理员'),
  roles: ['system-admin'],
  county: '140525',
};

/**
 * Where demo accounts are not wanted (production): only the platform's administrator, under its real title, with a
 * password the operator chose. Every other account is made by people through the console.
 */
export function platformAdministrator(county: string): DemoUser {
  return { ...SYSTEM_ADMINISTRATOR, displayName: '平台系统管理员', county };
}

function countyDemoUsers(divisions: (county: string) => DivisionsFile, units: CountyUnit[]): DemoUser[] {
  return DEMO_COUNTIES.flatMap(({ county, prefix, village: villageCode, secondTown }) => {
    const file = divisions(county);
    const [town, nextTown] = file.towns;
    const village = town?.villages.find((candidate) => candidate.code === villageCode);
    if (!town || !village)
      throw new Error(`seeds/divisions/${county}.json has no village ${villageCode} in its first town`);
    if (secondTown && !nextTown) throw new Error(`seeds/divisions/${county}.json has only one town`);
    const countyName = file.county.name;
    return [
      {
        loginName: `${prefix}-village-agent`,
        displayName: demo(`${placeName(village.name)}代办员`),
        roles: ['village-agent'],
        county,
        town: town.code,
        village: village.code,
      },
      ...townUsers(prefix, county, town),
      ...(secondTown && nextTown
        ? townUsers(`${prefix}2`, county, nextTown).filter(({ roles }) =>
            ['town-window', 'town-reviewer'].includes(roles[0]),
          )
        : []),
      // Two people per bureau: where a bureau both reviews and decides a case, 审批分离 wants the two steps taken by
      // different people (the officer reviews, the bureau's leader decides).
      ...units.flatMap((unit): DemoUser[] => {
        const bureau = unit.name.replace(/^县/, countyName);
        const officer = { roles: ['county-officer' as const], county, unitCode: `${county}-${unit.slug}` };
        return [
          { loginName: `${prefix}-county-${unit.slug}`, displayName: demo(`${bureau}审批人员`), ...officer },
          {
            loginName: `${prefix}-county-${unit.slug}-leader`,
            displayName: demo(`${bureau}分管负责人`),
            ...officer,
          },
        ];
      }),
      ...COUNTY_STAFF.map(
        ({ role, login, title }): DemoUser => ({
          loginName: `${prefix}-${login}`,
          displayName: demo(`${countyName}${title}`),
          roles: [role],
          county,
        }),
      ),
    ];
  });
}
