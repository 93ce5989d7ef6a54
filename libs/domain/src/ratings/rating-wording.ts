import type { RatingCategory, ServiceEvent } from '@oneseal/contracts';

/** What a 差评 is about, as the applicant picks it and the town reads it. */
export const RATING_CATEGORY_TITLES: Record<RatingCategory, string> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  materials: '材料要求',
  process: '办理流程',
  environment: '服务环境',
  online: '网上办理',
  other: '其他',
};

/** The service a rating is of (一次一评). */
export const SERVICE_EVENT_TITLES: Record<ServiceEvent, string> = {
  case: '办件评价',
  acceptance: '窗口受理',
  delivery: '结果领取',
};

/** A 差评's reason in one line: its categories, then the applicant's words. */
export function ratingReasonText(categories: readonly RatingCategory[], comment: string | null | undefined) {
  const parts = [categories.map((category) => RATING_CATEGORY_TITLES[category]).join('、'), comment?.trim()];
  return parts.filter(Boolean).join('——');
}
