import type { AttachmentContentType } from '@oneseal/contracts';

/** A scan is a few hundred KB a page; a whole PDF of a thick application stays well under this. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CASE = 40;

const startsWith = (content: Buffer, bytes: number[]) =>
  content.length >= bytes.length && bytes.every((byte, i) => content[i] === byte);

/**
 * What a file is, from its bytes, whatever its name says: PDF, JPEG, PNG, or OFD (GB/T 33190: a ZIP package whose
 * entry point is OFD.xml at its root). Anything else is not a page of a case file.
 */
export function contentTypeOf(content: Buffer): AttachmentContentType | undefined {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04]) && zipEntryNames(content)?.includes('OFD.xml'))
    return 'application/ofd';
  return undefined;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * The entry names of a ZIP archive as its central directory lists them (the archive's own table of contents, not a
 * string found somewhere in its bytes); undefined when there is no readable directory.
 */
export function zipEntryNames(zip: Buffer): string[] | undefined {
  // The end record is the last 22 bytes, unless an archive comment (at most 65 535 bytes) follows it.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= earliest; at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    if (at + 46 + nameLength > zip.length) return undefined;
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const EXTENSIONS: Record<AttachmentContentType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/ofd': '.ofd',
};

/**
 * The name ends as what the file is: a page saved from the case file opens in the program for its real type, never
 * as the macro document or program its sender named it (补正.docm that is really an OFD package becomes 补正.ofd).
 */
export function withExtensionOf(contentType: AttachmentContentType, name: string): string {
  if (contentType === 'image/jpeg' && /\.jpe?g$/i.test(name)) return name;
  const extension = EXTENSIONS[contentType];
  if (name.toLowerCase().endsWith(extension)) return name;
  return `${name.replace(/\.[A-Za-z0-9]{1,8}$/, '') || '未命名文件'}${extension}`;
}
