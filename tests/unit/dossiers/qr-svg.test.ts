import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderQrSvg } from '../../../src/dossiers/qr-svg.js';

/** The dark modules an SVG path of unit squares draws, as "row,col" of the symbol (quiet zone removed). */
function drawnModules(svg: string, quietZone = 4): Set<string> {
  const path = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
  return new Set([...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[2]) - quietZone},${Number(m[1]) - quietZone}`));
}

describe('renderQrSvg', () => {
  it('draws exactly the dark modules of the QR symbol of the text, inside a quiet zone', () => {
    const text = 'HS-7K3-M9Q-XDP';
    const svg = renderQrSvg(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) expected.add(`${row},${col}`);
    }
    expect(drawnModules(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });

  it('is a self-contained inline svg with an escaped accessible name', () => {
    const svg = renderQrSvg('HS-000-000-000', { size: '30mm', label: 'Mã "hồ sơ" <x>' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="30mm" height="30mm"');
    expect(svg).toContain('aria-label="Mã &quot;hồ sơ&quot; &lt;x&gt;"');
    expect(svg).not.toMatch(/href|https?:|data:/);
  });
});
