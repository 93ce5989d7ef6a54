import { CaseFileError, CaseFileErrorCode } from '../case-files/case-files.errors';
import { MAX_ATTACHMENT_BYTES } from '../case-files/attachments/attachment-content';
import { filesUpload } from '../uploads/file-upload';
import { MAX_ONLINE_PAGES } from './dto/online-application.dto';
import { OnlineFilingError, OnlineFilingErrorCode } from './online-filing.errors';

/** An application filed online: the field `application` (JSON, its form included) and up to 12 files `page`. */
export const OnlineApplicationUploadInterceptor = filesUpload({
  field: 'page',
  maxFiles: MAX_ONLINE_PAGES,
  maxBytes: MAX_ATTACHMENT_BYTES,
  fields: 1,
  maxFieldBytes: 256 * 1024,
  tooLarge: () => new CaseFileError(CaseFileErrorCode.ATTACHMENT_TOO_LARGE),
  tooMany: () => new OnlineFilingError(OnlineFilingErrorCode.PAGES_TOO_MANY),
  malformed: (problem) => new CaseFileError(CaseFileErrorCode.UPLOAD_MALFORMED, { problem }),
});
