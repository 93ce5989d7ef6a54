'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.villageStation = exports.townUnit = void 0;
/** Inbox codes of the units inside a town's convenience service center and a village station. */
exports.townUnit = {
  window: (town) => `${town}-window`,
  review: (town) => `${town}-review`,
  approval: (town) => `${town}-approval`,
  seal: (town) => `${town}-seal`,
};
const villageStation = (village) => `${village}-station`;
exports.villageStation = villageStation;
//# sourceMappingURL=units.js.map
