import type { AttachmentContentType } from '@oneseal/contracts';

/** A scan is a few hundred KB a page; a whole PDF of a thick application stays well under this. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CASE = 40;

const startsWith = (content: Buffer, bytes: number[]) =>
  content.length >= bytes.length && bytes.every((byte, i) => content[i] === byte);

/**
 * What a file is, from its first bytes, whatever its name says: PDF, JPEG, PNG, or OFD (GB/T 33190, a ZIP package
 * whose entry point is OFD.xml). Anything else is not a page of a case file.
 */
export function contentTypeOf(content: Buffer): AttachmentContentType | undefined {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // A ZIP archive naming OFD.xml among its entries (the local headers and the central directory carry names).
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04]) && content.includes('OFD.xml', 0, 'latin1'))
    return 'application/ofd';
  return undefined;
}
