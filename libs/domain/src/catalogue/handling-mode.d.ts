/**
 * Handling modes (办理方式) as the annexes write them. A blank town mode means the town handles the matter to the
 * end. Anything not listed here is refused when seeding, naming the row, so a new mode gets a route rule before
 * it gets cases.
 */
export declare const TOWN_HANDLING_MODES: readonly [
  '',
  '乡级负责受理',
  '乡级负责受理、初审',
  '乡级负责受理、审核',
  '乡级负责初审',
  '乡级负责审核',
  '乡级负责复核',
];
export declare const VILLAGE_HANDLING_MODES: readonly ['初审或帮办代办', '接受申请'];
export type TownHandlingMode = (typeof TOWN_HANDLING_MODES)[number];
export type VillageHandlingMode = (typeof VILLAGE_HANDLING_MODES)[number];
export type HandlingMode = TownHandlingMode | VillageHandlingMode;
export declare function isTownHandlingMode(value: string): value is TownHandlingMode;
export declare function isVillageHandlingMode(value: string): value is VillageHandlingMode;
/** "县人社局直接赋权" → "县人社局": the county unit that granted the town direct authority for the matter. */
export declare function delegatingUnitOf(note: string): string | undefined;
//# sourceMappingURL=handling-mode.d.ts.map
