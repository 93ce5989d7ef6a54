/**
 * Services that only inform (咨询, 查询, 宣传, 信息发布): answered on the spot (即办件), they end with a 办结 record and
 * never a decision. The guide defaults make them 即办件 and the route derivation answers them at the window.
 */
export const INFORMATION_SERVICE_WORDS = ['咨询', '查询', '宣传', '信息发布'] as const;

export function isInformationService(matterName: string): boolean {
  return INFORMATION_SERVICE_WORDS.some((word) => matterName.includes(word));
}
