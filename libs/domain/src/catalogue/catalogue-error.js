'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.CatalogueError = exports.CatalogueErrorCode = void 0;
var CatalogueErrorCode;
(function (CatalogueErrorCode) {
  CatalogueErrorCode['MALFORMED_TABLE'] = 'CATALOGUE.MALFORMED_TABLE';
  CatalogueErrorCode['UNKNOWN_MATTER_TYPE'] = 'CATALOGUE.UNKNOWN_MATTER_TYPE';
  CatalogueErrorCode['UNKNOWN_HANDLING_MODE'] = 'CATALOGUE.UNKNOWN_HANDLING_MODE';
  CatalogueErrorCode['UNKNOWN_DELEGATION_NOTE'] = 'CATALOGUE.UNKNOWN_DELEGATION_NOTE';
})(CatalogueErrorCode || (exports.CatalogueErrorCode = CatalogueErrorCode = {}));
/** A catalogue source that cannot be loaded as it stands; the message names the table and row. */
class CatalogueError extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = 'CatalogueError';
  }
}
exports.CatalogueError = CatalogueError;
//# sourceMappingURL=catalogue-error.js.map
