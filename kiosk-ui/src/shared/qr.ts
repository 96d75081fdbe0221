import QRCode from 'qrcode';

/** Draws a QR code of `text` as an <svg> element built by DOMParser (never innerHTML), for a phone to scan. */
export async function createQrSvg(text: string, label: string): Promise<SVGSVGElement | undefined> {
  try {
    const markup = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
    const svg = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    if (!(svg instanceof SVGSVGElement)) return undefined;
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.classList.add('qr');
    return document.importNode(svg, true);
  } catch {
    return undefined;
  }
}
