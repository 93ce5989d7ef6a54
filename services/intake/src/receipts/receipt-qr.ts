import QRCode from 'qrcode';

/** The public progress page of a case, opened with its receipt number and 查询码 (the console's 办件查询). */
export function progressUrl(publicBaseUrl: string, receiptNumber: string, queryCode: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/#/progress/${encodeURIComponent(receiptNumber)}/${encodeURIComponent(queryCode)}`;
}

/** A QR code as an SVG a receipt prints at any size (black modules on white, a quiet zone of four). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
