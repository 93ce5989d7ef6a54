import { townRoleTaking, type TownRole } from '@oneseal/auth';

/** The towns with demo staff (services/identity demo-user-plan) and their login prefixes. */
const TOWN_PREFIXES: Record<string, string> = { '140525100': 'zz', '140525101': 'zz2', '140521100': 'qs' };
const COUNTY_PREFIXES: Record<string, string> = { '140525': 'zz', '140521': 'qs' };
const LOGIN_OF_ROLE: Record<TownRole, string> = {
  'town-window': 'window',
  'town-reviewer': 'reviewer',
  'town-leader': 'leader',
  'seal-keeper': 'seal-keeper',
};

/**
 * The 泽州县 demo account whose role and unit take the task, by the same rule the services check. A bureau's 决定 is its
 * leader's: the officer who reviewed the case may not decide it (审批分离).
 */
export function demoLoginFor(task: { level: string; unitCode: string; stepName: string }): string {
  const county = COUNTY_PREFIXES[task.unitCode.slice(0, 6)] ?? 'zz';
  if (task.level === 'village') return `${county}-village-agent`;
  if (task.level === 'county')
    return `${county}-county-${task.unitCode.split('-')[1]}${task.stepName === '决定' ? '-leader' : ''}`;
  const role = townRoleTaking(task.stepName);
  if (!role) throw new Error(`no town role takes the step ${task.stepName}`);
  return `${TOWN_PREFIXES[task.unitCode.slice(0, 9)] ?? 'zz'}-town-${LOGIN_OF_ROLE[role]}`;
}
