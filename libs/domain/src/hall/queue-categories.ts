/**
 * The lines a service hall's numbers are taken in (叫号 by 业务类别): each is served by the windows that handle its
 * matters. A matter's line follows the county bureau whose matter it is (the unit code's suffix, as the catalogue
 * seeds name the bureaus); appointments have their own line, called first once their time has come.
 */
export interface QueueCategory {
  code: QueueCategoryCode;
  /** The letter its numbers start with (A012). */
  letter: string;
  name: string;
}

export const QUEUE_CATEGORIES = [
  { code: 'social-security', letter: 'A', name: '社保医保' },
  { code: 'social-assistance', letter: 'B', name: '民政救助' },
  { code: 'health', letter: 'C', name: '卫生健康' },
  { code: 'rural', letter: 'D', name: '农业农村与住房' },
  { code: 'general', letter: 'E', name: '综合事务' },
  { code: 'appointment', letter: 'Y', name: '预约' },
] as const satisfies readonly { code: string; letter: string; name: string }[];

export type QueueCategoryCode = (typeof QUEUE_CATEGORIES)[number]['code'];

export const QUEUE_CATEGORY_CODES = QUEUE_CATEGORIES.map((category) => category.code);

const BY_BUREAU: Readonly<Record<string, QueueCategoryCode>> = {
  rs: 'social-security',
  yb: 'social-security',
  mz: 'social-assistance',
  cl: 'social-assistance',
  tyjr: 'social-assistance',
  wt: 'health',
  nync: 'rural',
  ly: 'rural',
  zj: 'rural',
};

/** The line a matter's applicants queue in, from its bureau (county unit code such as 140525-mz). */
export function queueCategoryOfUnit(unitCode: string): QueueCategoryCode {
  return BY_BUREAU[unitCode.split('-').pop() ?? ''] ?? 'general';
}

export const queueCategory = (code: QueueCategoryCode): QueueCategory =>
  QUEUE_CATEGORIES.find((category) => category.code === code) as QueueCategory;

/** A ticket as the hall shows and calls it: the line's letter and three digits (A012). */
export const ticketText = (code: QueueCategoryCode, number: number) =>
  `${queueCategory(code).letter}${String(number).padStart(3, '0')}`;
