import { singleFileUpload, type UploadedFileContent } from '../../uploads/file-upload';
import { CaseFileError, CaseFileErrorCode } from '../case-files.errors';
import { MAX_ATTACHMENT_BYTES } from './attachment-content';

/** What multer hands over of the uploaded page: kept in memory until it is checked and stored in the database. */
export type UploadedPage = UploadedFileContent;

/** One file per request, at most 10 MB; refusals in the case file's own codes and Chinese messages. */
export const AttachmentUploadInterceptor = singleFileUpload({
  maxBytes: MAX_ATTACHMENT_BYTES,
  tooLarge: () => new CaseFileError(CaseFileErrorCode.ATTACHMENT_TOO_LARGE),
  malformed: (problem) => new CaseFileError(CaseFileErrorCode.UPLOAD_MALFORMED, { problem }),
});
