import type { DocumentIssuer, RouteStep, StepKind } from '@oneseal/contracts/workflow';

/**
 * From this version on a case's documents are issued as it goes — 受理通知书, 补正材料告知书, 不予受理决定书, the
 * decision in its matter type's words, 延期/特别程序告知书, 送达回证 — each under its issuing organ's seal. Cases
 * started before keep the one decision document stamped with the town's seal.
 */
export const ISSUE_CASE_DOCUMENTS = 'issue-case-documents-under-the-issuing-organs-seal';

/** What a step's own act is issued by: a county bureau's steps by the bureau, everything else by the town. */
export function issuerOfStep(step: RouteStep): DocumentIssuer {
  return step.level === 'county' ? { level: 'county', unitCode: step.unitCode } : { level: 'town' };
}

/** The organ that decides (and seals) the case: its 用印 step's, else its 决定 step's, else the town. */
export function decidingIssuer(steps: readonly RouteStep[]): DocumentIssuer {
  const sealing = steps.find((step) => step.kind === '用印') ?? steps.find((step) => step.kind === '决定');
  return sealing ? issuerOfStep(sealing) : { level: 'town' };
}

/**
 * A route handled only at a village station has no organ with a seal, and an information service (answered at the
 * window, no 决定) ends with its 办结 record: neither issues documents.
 */
export function issuesDocuments(steps: readonly RouteStep[]): boolean {
  return steps.some((step) => step.level !== 'village') && steps.some((step) => step.kind === '决定');
}

const TOWN_TITLES: Record<StepKind, string> = {
  代办: '帮办代办员',
  初审: '审核人员',
  受理: '综合受理窗口',
  审核: '审核人员',
  复核: '审核人员',
  决定: '分管领导',
  用印: '印章管理员',
  送达: '综合受理窗口',
};

/** What the person who took a step is, as a document names them (审批人：张建国（分管领导）). */
export function handlerTitle(step: RouteStep): string {
  if (step.level === 'village') return step.kind === '送达' ? '村（社区）便民服务站' : '帮办代办员';
  if (step.level === 'county') return step.kind === '决定' ? '县直部门审批人员' : '县直部门承办人';
  return TOWN_TITLES[step.kind];
}

/** Who approves an extension or starts a special procedure for an organ: the town's leader, or the bureau's 审批人员. */
export function leaderTitle(issuer: DocumentIssuer): string {
  return issuer.level === 'county' ? '县直部门审批人员' : '分管领导';
}
