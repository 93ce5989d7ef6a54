'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_STEP_BUDGETS = exports.STEP_KINDS = void 0;
/** The kinds of step a case can take, in the words clerks use. */
exports.STEP_KINDS = ['代办', '初审', '受理', '审核', '复核', '决定', '用印', '送达'];
exports.DEFAULT_STEP_BUDGETS = {
  代办: 2,
  初审: 5,
  受理: 1,
  审核: 5,
  复核: 5,
  决定: 5,
  用印: 1,
  送达: 10,
};
//# sourceMappingURL=route-plan.js.map
