import { singleFileUpload } from '../uploads/file-upload';
import { CatalogueImportError, CatalogueImportErrorCode } from './catalogue-import.errors';
import { MAX_LIST_BYTES } from './matter-list-file';

/** One list per upload, at most 2 MB; refusals in the import's own codes and words. */
export const MatterListUploadInterceptor = singleFileUpload({
  maxBytes: MAX_LIST_BYTES,
  tooLarge: () => new CatalogueImportError(CatalogueImportErrorCode.FILE_TOO_LARGE),
  malformed: (problem) => new CatalogueImportError(CatalogueImportErrorCode.FILE_UNREADABLE, { problem }),
});
