'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.canonicalJson = canonicalJson;
/**
 * JSON with object keys in sorted order, so equal values always serialise alike (PostgreSQL's jsonb, for one,
 * does not keep key order). Used to compare guides and to hash the audit log.
 */
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  }
  return value;
}
//# sourceMappingURL=canonical-json.js.map
