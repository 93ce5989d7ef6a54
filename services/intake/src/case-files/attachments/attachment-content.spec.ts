import { contentTypeOf, withExtensionOf, zipEntryNames } from './attachment-content';

/** A ZIP archive with stored (uncompressed) entries, laid out as the format says: entries, directory, end record. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

describe('what a page is, by its content', () => {
  it('knows PDF, JPEG, PNG and an OFD package by their bytes', () => {
    expect(contentTypeOf(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(contentTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(contentTypeOf(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    const ofd = zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
    expect(zipEntryNames(ofd)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
    expect(contentTypeOf(ofd)).toBe('application/ofd');
  });

  it('refuses a ZIP that only mentions OFD.xml: a macro document, an OFD.xml in a folder, a broken directory', () => {
    const macro = zip({ '[Content_Types].xml': '<Types/>', 'word/vbaProject.bin': 'see OFD.xml' });
    expect(contentTypeOf(macro)).toBeUndefined();
    expect(contentTypeOf(zip({ 'payload/OFD.xml': '<ofd:OFD/>' }))).toBeUndefined();
    expect(contentTypeOf(zip({ 'OFD.xml': 'x' }).subarray(0, 60))).toBeUndefined();
    expect(contentTypeOf(Buffer.from('MZ\x90\x00 a program'))).toBeUndefined();
  });

  it('names a kept page after what it is, never as the program its sender called it', () => {
    expect(withExtensionOf('application/ofd', '补正.docm')).toBe('补正.ofd');
    expect(withExtensionOf('application/pdf', '申请书.html')).toBe('申请书.pdf');
    expect(withExtensionOf('application/pdf', '申请书.PDF')).toBe('申请书.PDF');
    expect(withExtensionOf('image/jpeg', '身份证.jpeg')).toBe('身份证.jpeg');
    expect(withExtensionOf('image/png', '户口簿')).toBe('户口簿.png');
    expect(withExtensionOf('image/png', '.exe')).toBe('未命名文件.png');
  });
});
