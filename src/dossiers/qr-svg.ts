import QRCode from 'qrcode';
import { escapeHtml } from './html.js';

export interface QrSvgOptions {
  /** Printed edge length, in CSS units (default `28mm`: scans easily from a counter's handheld reader). */
  size?: string;
  /** Accessible name of the image. */
  label?: string;
}

/** Light modules around the symbol, as the QR standard asks, so scanners find its edges on a busy page. */
const QUIET_ZONE = 4;

/**
 * An inline `<svg>` QR code of `text`, built synchronously from the qrcode package's module matrix: no data URL,
 * no external resource, and one path of unit squares that prints crisply at any size.
 */
export function renderQrSvg(text: string, { size = '28mm', label = text }: QrSvgOptions = {}): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const edge = modules.size + QUIET_ZONE * 2;
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    `<svg class="qr" viewBox="0 0 ${edge} ${edge}" width="${size}" height="${size}" role="img" ` +
    `aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${edge}" height="${edge}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
