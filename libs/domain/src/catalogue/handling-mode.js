'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.VILLAGE_HANDLING_MODES = exports.TOWN_HANDLING_MODES = void 0;
exports.isTownHandlingMode = isTownHandlingMode;
exports.isVillageHandlingMode = isVillageHandlingMode;
exports.delegatingUnitOf = delegatingUnitOf;
/**
 * Handling modes (办理方式) as the annexes write them. A blank town mode means the town handles the matter to the
 * end. Anything not listed here is refused when seeding, naming the row, so a new mode gets a route rule before
 * it gets cases.
 */
exports.TOWN_HANDLING_MODES = [
  '',
  '乡级负责受理',
  '乡级负责受理、初审',
  '乡级负责受理、审核',
  '乡级负责初审',
  '乡级负责审核',
  '乡级负责复核',
];
exports.VILLAGE_HANDLING_MODES = ['初审或帮办代办', '接受申请'];
function isTownHandlingMode(value) {
  return exports.TOWN_HANDLING_MODES.includes(value);
}
function isVillageHandlingMode(value) {
  return exports.VILLAGE_HANDLING_MODES.includes(value);
}
/** "县人社局直接赋权" → "县人社局": the county unit that granted the town direct authority for the matter. */
function delegatingUnitOf(note) {
  const match = /^(县.+?)直接赋权$/.exec(note.trim());
  return match?.[1];
}
//# sourceMappingURL=handling-mode.js.map
