import { openA4, PdfDigitString } from './a4';
import { forgetSharedFontWork } from './fonts';

async function render(entry: string | PdfDigitString): Promise<Buffer> {
  const { doc, finished } = openA4({
    title: '测试',
    author: 'OneSeal',
    subject: 'placeholder',
    createdAt: new Date('2026-12-06T08:00:00Z'),
    extraInfo: { OneSealStamp: entry },
  });
  doc.end();
  return finished;
}

describe('an Info entry of digits', () => {
  it('is written byte for byte as pdfkit writes the same text as a string', async () => {
    const digits = '0'.repeat(40_000);
    const [asString, asDigits] = await Promise.all([render(digits), render(new PdfDigitString(digits))]);
    expect(asDigits.equals(asString)).toBe(true);
    expect(asDigits.toString('latin1')).toMatch(new RegExp(`obj\\n\\(0{40000}\\)\\nendobj`));
  });

  it('refuses anything but digits, which would need escaping', () => {
    expect(() => new PdfDigitString('12)3')).toThrow(/digits only/);
  });
});

describe('the font work shared between documents (word layouts, glyph outlines)', () => {
  async function letter(body: string): Promise<Buffer> {
    const { doc, finished } = openA4({
      title: '准予许可决定书',
      author: '晋庙铺镇人民政府',
      subject: 'test',
      createdAt: new Date('2026-12-06T08:00:00Z'),
    });
    doc.font('song').fontSize(14).text(body, { width: 400 });
    doc.font('song-bold').text('晋庙铺镇人民政府 便民服务中心');
    doc.end();
    return finished;
  }

  it('set a document exactly as a document set on its own', async () => {
    const body =
      '王秀英：你于2026年12月6日提出的婚姻生育情况证明申请，经审查，符合规定条件，决定准予。 特此决定。';
    forgetSharedFontWork();
    const alone = await letter(body);
    forgetSharedFontWork();
    await letter('李建国：你提出的申请，经审查，准予。王秀英 特此通知。');
    const afterAnother = await letter(body);
    expect(afterAnother.equals(alone)).toBe(true);
  });
});
