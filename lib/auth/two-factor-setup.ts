import QRCode from 'qrcode';
import { totpUri } from './totp';

/** What the setup screen shows: the manual key (grouped for typing), the URI and its QR code as an SVG data URL. */
export async function setupView(secretBase32: string, account: string): Promise<{ secret: string; uri: string; qrCode: string }> {
  const uri = totpUri(secretBase32, account);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret: secretBase32.replace(/(.{4})(?=.)/g, '$1 '), uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
