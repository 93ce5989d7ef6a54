/**
 * Handling modes (办理方式) as the annexes write them. A blank town mode means the town handles the matter to the
 * end. Anything not listed here is refused when seeding, naming the row, so a new mode gets a route rule before
 * it gets cases.
 */
export const TOWN_HANDLING_MODES = [
  '',
  '乡级负责受理',
  '乡级负责受理、初审',
  '乡级负责受理、审核',
  '乡级负责初审',
  '乡级负责审核',
  '乡级负责复核',
] as const;

export const VILLAGE_HANDLING_MODES = ['初审或帮办代办', '接受申请'] as const;

export type TownHandlingMode = (typeof TOWN_HANDLING_MODES)[number];
export type VillageHandlingMode = (typeof VILLAGE_HANDLING_MODES)[number];
export type HandlingMode = TownHandlingMode | VillageHandlingMode;

export function isTownHandlingMode(value: string): value is TownHandlingMode {
  return (TOWN_HANDLING_MODES as readonly string[]).includes(value);
}

export function isVillageHandlingMode(value: string): value is VillageHandlingMode {
  return (VILLAGE_HANDLING_MODES as readonly string[]).includes(value);
}

/** "县人社局直接赋权" → "县人社局": the county unit that granted the town direct authority for the matter. */
export function delegatingUnitOf(note: string): string | undefined {
  const match = /^(县.+?)直接赋权$/.exec(note.trim());
  return match?.[1];
}
