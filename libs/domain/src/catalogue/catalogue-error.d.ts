export declare enum CatalogueErrorCode {
  MALFORMED_TABLE = 'CATALOGUE.MALFORMED_TABLE',
  UNKNOWN_MATTER_TYPE = 'CATALOGUE.UNKNOWN_MATTER_TYPE',
  UNKNOWN_HANDLING_MODE = 'CATALOGUE.UNKNOWN_HANDLING_MODE',
  UNKNOWN_DELEGATION_NOTE = 'CATALOGUE.UNKNOWN_DELEGATION_NOTE',
}
/** A catalogue source that cannot be loaded as it stands; the message names the table and row. */
export declare class CatalogueError extends Error {
  readonly code: CatalogueErrorCode;
  constructor(code: CatalogueErrorCode, message: string);
}
//# sourceMappingURL=catalogue-error.d.ts.map
