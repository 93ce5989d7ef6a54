import type { AuthUser } from '@oneseal/auth';
import type { CaseStatus } from '@oneseal/contracts';
import { deriveRoute } from '@oneseal/domain';
import { mayOnCase, placeOf, placeOfEndedCase, type CaseAction } from './case-access';

// 临时救助 filed through 南村镇's 东村 station: the village 代办, the town 受理 and 审核, then 县民政局 decides.
const route = deriveRoute(
  { code: 'ZZ-T-002', level: 'town', handlingMode: '乡级负责受理、审核' },
  { town: '140525100', village: '140525100201', countyUnitCode: '140525-mz' },
);
const routed = { county: '140525', town: '140525100', route };
const indexOf = (kind: string) => route.steps.findIndex((step) => step.kind === kind);

function statusAt(kind: string, stage: CaseStatus['stage'] = 'in-progress'): CaseStatus {
  const index = indexOf(kind);
  const step = route.steps[index];
  return {
    caseId: 'c1',
    receiptNumber: '140525-20261204-000001',
    stage,
    currentStep: {
      index,
      visit: 1,
      kind: step.kind,
      level: step.level,
      unitCode: step.unitCode,
      taskId: 't',
      openedOn: '2026-12-04',
    },
    extensionWorkingDays: 0,
    clockStops: [],
    warningsRaised: [],
    history: route.steps.slice(0, index).map((done, at) => ({
      index: at,
      kind: done.kind,
      taskId: `t${at}`,
      outcome: 'approve',
      handlerId: 'h',
      opinion: '同意',
      decidedAt: '2026-12-04T01:00:00Z',
    })),
  };
}

const person = (roles: AuthUser['roles'], where: Partial<AuthUser> = {}): AuthUser => ({
  id: roles.join('+'),
  name: roles.join('+'),
  roles,
  county: '140525',
  ...where,
});

const nancun = { town: '140525100' };
const agent = person(['village-agent'], { ...nancun, village: '140525100201' });
const otherAgent = person(['village-agent'], { ...nancun, village: '140525100202' });
const window = person(['town-window'], nancun);
const neighbourWindow = person(['town-window'], { town: '140525101' });
const leader = person(['town-leader'], nancun);
const civilAffairs = person(['county-officer'], { unitCode: '140525-mz' });
const education = person(['county-officer'], { unitCode: '140525-jy' });
const supervisor = person(['supervisor']);
const otherCountySupervisor = person(['supervisor'], { county: '140521' });

const may = (user: AuthUser, action: CaseAction, status: CaseStatus) =>
  mayOnCase(user, action, placeOf(routed, status));

describe('who may do what to a case (routing, the case’s home)', () => {
  it('locates the case from its route: the village station it came through, the steps it reached, the open one', () => {
    const place = placeOf(routed, statusAt('决定'));
    expect(place.village).toBe('140525100201');
    expect(place.reached.map((step) => `${step.stepName}@${step.unitCode}`)).toEqual([
      '代办@140525100201-station',
      '受理@140525100-window',
      '审核@140525100-review',
      '决定@140525-mz',
    ]);
    expect(place.open).toEqual(expect.objectContaining({ level: 'county', unitCode: '140525-mz' }));
    expect(placeOf(routed, statusAt('决定', 'concluded')).open).toBeUndefined();
  });

  it('lets the case’s window and its village agent bring a 补正 or a withdrawal, nobody else', () => {
    const status = statusAt('审核');
    for (const action of ['supply-correction', 'withdraw'] as const) {
      expect(
        [window, agent, otherAgent, neighbourWindow, leader, supervisor].map((u) => may(u, action, status)),
      ).toEqual([true, true, false, false, false, false]);
    }
  });

  it('gives a special procedure to the organ at the open step, and an extension to the deciding organ', () => {
    const atTown = statusAt('审核');
    const atCounty = statusAt('决定');
    const who = [leader, civilAffairs, education, window];
    for (const action of ['suspend', 'resume'] as const) {
      expect(who.map((u) => may(u, action, atTown))).toEqual([true, false, false, false]);
      expect(who.map((u) => may(u, action, atCounty))).toEqual([false, true, false, false]);
    }
    // 县民政局 decides 临时救助: its 延期告知书 is the bureau's, under its seal, whoever holds the open step.
    expect(who.map((u) => may(u, 'extend', atTown))).toEqual([false, true, false, false]);
    expect(who.map((u) => may(u, 'extend', atCounty))).toEqual([false, true, false, false]);
  });

  it('shows the case to whoever saw a step of it, works in its town or watches its county, and to nobody else', () => {
    const beforeCounty = statusAt('审核');
    expect(may(civilAffairs, 'view', beforeCounty)).toBe(false);
    expect(may(civilAffairs, 'view', statusAt('决定'))).toBe(true);
    expect([window, agent, supervisor].map((u) => may(u, 'view', beforeCounty))).toEqual([true, true, true]);
    expect(
      [neighbourWindow, otherAgent, otherCountySupervisor].map((u) => may(u, 'view', beforeCounty)),
    ).toEqual([false, false, false]);
  });

  it('keeps showing the case to the unit whose task went away unanswered when the applicant withdrew', () => {
    const open = statusAt('决定');
    const withdrawn: CaseStatus = {
      ...open,
      stage: 'concluded',
      result: '撤件',
      currentStep: undefined,
      endedDuring: open.currentStep,
    };
    expect(may(civilAffairs, 'view', withdrawn)).toBe(true);
    expect(may(civilAffairs, 'extend', withdrawn)).toBe(false);
    expect(may(education, 'view', withdrawn)).toBe(false);
  });

  it('shows the full ID number and phone to those who work the case: town window, reviewer, leader, the bureau reached', () => {
    const reviewer = person(['town-reviewer'], nancun);
    const beforeCounty = statusAt('审核');
    expect(
      [window, reviewer, leader, civilAffairs, agent, supervisor].map((u) =>
        may(u, 'read-personal-data', beforeCounty),
      ),
    ).toEqual([true, true, true, false, false, false]);
    expect(may(civilAffairs, 'read-personal-data', statusAt('决定'))).toBe(true);
    expect(may(neighbourWindow, 'read-personal-data', beforeCounty)).toBe(false);
  });
});

describe('a case read from the record once Temporal has let its history go', () => {
  const ended = (reachedUnits: string[]) => placeOfEndedCase({ ...routed, reachedUnits });

  it('is still seen by the town, its station and the bureau its steps reached, and by nobody else', () => {
    const place = ended(['140525100201-station', '140525100-window', '140525100-review', '140525-mz']);
    expect(place.open).toBeUndefined();
    for (const who of [window, agent, leader, civilAffairs]) expect(mayOnCase(who, 'view', place)).toBe(true);
    for (const who of [neighbourWindow, otherAgent, education])
      expect(mayOnCase(who, 'view', place)).toBe(false);
    expect(mayOnCase(civilAffairs, 'read-personal-data', place)).toBe(true);
  });

  it('keeps a bureau out that the case never reached (it ended at the town)', () => {
    const place = ended(['140525100201-station', '140525100-window']);
    expect(mayOnCase(civilAffairs, 'view', place)).toBe(false);
    expect(mayOnCase(window, 'view', place)).toBe(true);
  });
});
