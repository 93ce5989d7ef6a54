export enum CatalogueErrorCode {
  MALFORMED_TABLE = 'CATALOGUE.MALFORMED_TABLE',
  UNKNOWN_MATTER_TYPE = 'CATALOGUE.UNKNOWN_MATTER_TYPE',
  UNKNOWN_HANDLING_MODE = 'CATALOGUE.UNKNOWN_HANDLING_MODE',
  UNKNOWN_DELEGATION_NOTE = 'CATALOGUE.UNKNOWN_DELEGATION_NOTE',
}

/** A catalogue source that cannot be loaded as it stands; the message names the table and row. */
export class CatalogueError extends Error {
  constructor(
    readonly code: CatalogueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogueError';
  }
}
