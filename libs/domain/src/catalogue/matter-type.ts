/**
 * Matter types as catalogues write them, with their GB/T 39046-2020 type codes. 其他权利 in the village list is
 * read as 其他行政权力 (code 10): the standard has no separate "other rights" type.
 */
export const MATTER_TYPES = {
  行政许可: '01',
  行政处罚: '02',
  行政强制: '03',
  行政征收: '04',
  行政给付: '05',
  行政检查: '06',
  行政确认: '07',
  行政奖励: '08',
  行政裁决: '09',
  其他行政权力: '10',
  其他权利: '10',
  公共服务: '20',
} as const;

export type MatterTypeName = keyof typeof MATTER_TYPES;
export type MatterTypeCode = (typeof MATTER_TYPES)[MatterTypeName];

export function isMatterTypeName(value: string): value is MatterTypeName {
  return Object.prototype.hasOwnProperty.call(MATTER_TYPES, value);
}

/**
 * Types the organ acts on by its own motion (处罚, 强制, 检查): nobody applies for them, so a catalogue of matters
 * people apply for at a service hall cannot carry them.
 */
const NOT_APPLIED_FOR: readonly MatterTypeName[] = ['行政处罚', '行政强制', '行政检查'];

export function isAppliedFor(type: MatterTypeName): boolean {
  return !NOT_APPLIED_FOR.includes(type);
}

/** Administrative-power types must carry a statutory time limit; public services may not have one. */
export function isAdministrativePower(type: MatterTypeName): boolean {
  return type !== '公共服务';
}
