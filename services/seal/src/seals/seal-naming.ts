import { APPROVAL_SEAL_PURPOSE } from '../drawing/seal-geometry';

/** "<county><town>人民政府": the authority a town's approval seal stands for (its name on the arc). */
export function townGovernmentName(countyName: string, townName: string): string {
  return `${countyName}${townName}人民政府`;
}

/** "<county><town>人民政府行政审批服务专用章", as the reform names each town's one approval seal. */
export function approvalSealName(countyName: string, townName: string): string {
  return `${townGovernmentName(countyName, townName)}${APPROVAL_SEAL_PURPOSE}`;
}
