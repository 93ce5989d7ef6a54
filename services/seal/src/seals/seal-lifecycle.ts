/**
 * The life of a seal: 申报 (applied for) → 审批 (approved by the county's approval office) → 刻制 (engraved: its key
 * pair and signed seal record made) → 备案 (filed) → 启用 (in force) → 停用 (withdrawn) / 封存 (sealed away). A
 * withdrawn seal may still be sealed away; nothing comes back from 封存. Legacy seals are inventoried as 封存.
 */
export const SEAL_STATUSES = ['申报', '审批', '刻制', '备案', '启用', '停用', '封存'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];

/** A town's approval seal, a county bureau's own seal, or an old seal inventoried and sealed away. */
export const SEAL_KINDS = ['approval', 'bureau', 'legacy'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

export type SealAction = 'approve' | 'engrave' | 'file' | 'activate' | 'deactivate' | 'sealAway';

const TRANSITIONS: Record<SealAction, { from: readonly SealStatus[]; to: SealStatus }> = {
  approve: { from: ['申报'], to: '审批' },
  engrave: { from: ['审批'], to: '刻制' },
  file: { from: ['刻制'], to: '备案' },
  activate: { from: ['备案'], to: '启用' },
  deactivate: { from: ['启用'], to: '停用' },
  sealAway: { from: ['申报', '审批', '刻制', '备案', '启用', '停用'], to: '封存' },
};

/** The status an action leads to from `current`, or undefined when the action is not allowed there. */
export function nextSealStatus(current: SealStatus, action: SealAction): SealStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : undefined;
}

/** The statuses from which `action` may be taken (for error messages). */
export function statusesAllowing(action: SealAction): readonly SealStatus[] {
  return TRANSITIONS[action].from;
}
