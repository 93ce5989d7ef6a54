'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.MATTER_TYPES = void 0;
exports.isMatterTypeName = isMatterTypeName;
exports.isAdministrativePower = isAdministrativePower;
/**
 * Matter types as the catalogues write them, with their GB/T 39046-2020 type codes. 其他权利 in the village list
 * is read as 其他行政权力 (code 10): the standard has no separate "other rights" type.
 */
exports.MATTER_TYPES = {
  公共服务: '20',
  行政给付: '05',
  行政确认: '07',
  其他行政权力: '10',
  其他权利: '10',
  行政征收: '04',
};
function isMatterTypeName(value) {
  return Object.prototype.hasOwnProperty.call(exports.MATTER_TYPES, value);
}
/** Administrative-power types must carry a statutory time limit; public services may not have one. */
function isAdministrativePower(type) {
  return type !== '公共服务';
}
//# sourceMappingURL=matter-type.js.map
