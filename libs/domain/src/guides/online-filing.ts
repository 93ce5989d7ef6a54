import type { DeliveryMethod } from '@oneseal/contracts';
import type { MatterGuide } from './matter-guide';

/**
 * 网办深度 as the guide page names its levels: 0 不能网上办理, 1 网上咨询、下载表格, 2 网上预约、预审, 3 网上申请、窗口取件,
 * 4 全程网办 (GB/T 37277-2018 §3.3: applied for, handled and delivered online, no visit). An applicant files online
 * from level 3.
 */
export const ONLINE_FILING_DEPTH = 3;
export const FULLY_ONLINE_DEPTH = 4;

export const mayFileOnline = (guide: Pick<MatterGuide, 'onlineDepth'>): boolean =>
  guide.onlineDepth >= ONLINE_FILING_DEPTH;

/**
 * How the result of an application filed online may reach the applicant: at level 3 it is collected at the window
 * (or posted, where the matter posts results); only a fully online matter delivers it electronically.
 */
export function onlineDeliveryMethods(
  guide: Pick<MatterGuide, 'onlineDepth' | 'expressDelivery'>,
): DeliveryMethod[] {
  if (!mayFileOnline(guide)) return [];
  return [
    ...(guide.onlineDepth >= FULLY_ONLINE_DEPTH ? (['electronic'] as const) : []),
    'pick-up',
    ...(guide.expressDelivery ? (['express'] as const) : []),
  ];
}
