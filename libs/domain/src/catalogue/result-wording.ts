import type { CaseResult } from '@oneseal/contracts';

/**
 * How a case ended, in the words of its matter's type (GB/T 39046 type codes): a 行政给付 is granted as 给付, a
 * 行政确认 as 确认, a public service is 办结 or 不予办理; only a 行政许可 is 准予许可. A refusal at 受理 is 不予受理,
 * never 退回. Unknown or missing types (cases filed before the type was kept) read as plain 准予 / 不予批准.
 */
const DECISION_WORDS: Record<string, { granted: string; refused: string }> = {
  '01': { granted: '准予许可', refused: '不予许可' },
  '04': { granted: '准予征收', refused: '不予征收' },
  '05': { granted: '准予给付', refused: '不予给付' },
  '07': { granted: '予以确认', refused: '不予确认' },
  '08': { granted: '给予奖励', refused: '不予奖励' },
  '09': { granted: '已作出裁决', refused: '驳回裁决申请' },
  '10': { granted: '准予', refused: '不予批准' },
  '20': { granted: '已办结', refused: '不予办理' },
};
const PLAIN = { granted: '准予', refused: '不予批准' };

const ENDINGS: Record<Exclude<CaseResult, '准予' | '出证' | '不予许可'>, string> = {
  退回: '不予受理',
  作废: '办件作废',
  补正不来: '逾期未补正，终止办理',
  撤件: '申请人撤回申请',
  转报上级: '转报上级机关办理',
};

export function resultWording(matterTypeCode: string | null | undefined, result: CaseResult): string {
  const words = (matterTypeCode && DECISION_WORDS[matterTypeCode]) || PLAIN;
  switch (result) {
    case '准予':
      return words.granted;
    case '出证':
      return `${words.granted}，已出证`;
    case '不予许可':
      return words.refused;
    default:
      return ENDINGS[result];
  }
}

/** Results that are a decision with a document to hand over: the case is done for the applicant once it is. */
export const DELIVERED_RESULTS: readonly CaseResult[] = ['准予', '出证', '不予许可'];

/**
 * The decision document's title in the words of the matter's type: 准予/不予行政许可决定书, 给付/不予给付决定书,
 * a 行政确认 that certifies issues the 证明 itself, a public service ends with a 办结通知书 or a 不予办理告知书.
 */
export function decisionDocumentTitle(
  matterTypeCode: string | null | undefined,
  granted: boolean,
  matterName: string,
): string {
  switch (matterTypeCode) {
    case '01':
      return granted ? '准予行政许可决定书' : '不予行政许可决定书';
    case '04':
      return granted ? '征收决定书' : '不予征收决定书';
    case '05':
      return granted ? '给付决定书' : '不予给付决定书';
    case '07':
      if (!granted) return '不予确认决定书';
      // 收养人生育情况证明出具 issues the 证明 itself.
      return /证明(出具|开具)?$/.test(matterName) ? matterName.replace(/(出具|开具)$/, '') : '确认决定书';
    case '08':
      return granted ? '奖励决定书' : '不予奖励决定书';
    case '09':
      return granted ? '裁决书' : '驳回裁决申请决定书';
    case '20':
      return granted ? '办结通知书' : '不予办理告知书';
    default:
      return granted ? '审批决定书' : '不予批准决定书';
  }
}
