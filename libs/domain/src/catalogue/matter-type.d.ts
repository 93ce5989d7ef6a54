/**
 * Matter types as the catalogues write them, with their GB/T 39046-2020 type codes. 其他权利 in the village list
 * is read as 其他行政权力 (code 10): the standard has no separate "other rights" type.
 */
export declare const MATTER_TYPES: {
  readonly 公共服务: '20';
  readonly 行政给付: '05';
  readonly 行政确认: '07';
  readonly 其他行政权力: '10';
  readonly 其他权利: '10';
  readonly 行政征收: '04';
};
export type MatterTypeName = keyof typeof MATTER_TYPES;
export type MatterTypeCode = (typeof MATTER_TYPES)[MatterTypeName];
export declare function isMatterTypeName(value: string): value is MatterTypeName;
/** Administrative-power types must carry a statutory time limit; public services may not have one. */
export declare function isAdministrativePower(type: MatterTypeName): boolean;
//# sourceMappingURL=matter-type.d.ts.map
