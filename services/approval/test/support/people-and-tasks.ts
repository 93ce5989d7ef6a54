import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import type { OpenReviewTaskInput } from '@oneseal/contracts';
import type { DataSource } from 'typeorm';
import { createApprovalActivities } from '../../src/activities/approval.activities';

/** 南村镇 of 泽州县, where most of these people work. */
export const NANCUN = { county: '140525', town: '140525100' } as const;

const person = (id: string, name: string, scope: Omit<AuthUser, 'id' | 'name'>): AuthUser => ({
  id,
  name,
  ...scope,
});

export const agent = person('agent', '原家村代办员', {
  roles: ['village-agent'],
  ...NANCUN,
  village: '140525100201',
});
export const window = person('window-1', '窗口一', { roles: ['town-window'], ...NANCUN });
export const secondWindow = person('window-2', '窗口二', { roles: ['town-window'], ...NANCUN });
export const reviewer = person('reviewer', '审核员', { roles: ['town-reviewer'], ...NANCUN });
export const neighbour = person('neighbour', '邻镇窗口', {
  roles: ['town-window'],
  county: '140525',
  town: '140525101',
});
export const civilAffairs = person('mz', '民政局审批人员', {
  roles: ['county-officer'],
  county: '140525',
  unitCode: '140525-mz',
});
export const supervisor = person('supervisor', '电子监察', { roles: ['supervisor'], county: '140525' });

/** Opens a task of a new case where it is asked, as the workflow's activity does; returns what it was opened with. */
export async function openTask(
  dataSource: DataSource,
  where: Pick<OpenReviewTaskInput, 'county' | 'town' | 'level' | 'unitCode' | 'stepName'>,
): Promise<OpenReviewTaskInput> {
  const caseId = randomUUID();
  const input: OpenReviewTaskInput = {
    taskId: randomUUID(),
    caseId,
    correlationId: caseId,
    stepIndex: 0,
    visit: 1,
    ...where,
  };
  await createApprovalActivities(dataSource).openReviewTask(input);
  return input;
}
