import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThirdPartySite {
  url: string;
  origin: string;
  /** Serves a page embedding the widget from `widgetSrc` with these data-attributes. */
  setWidget(widgetSrc: string, attributes: Record<string, string>): void;
  close(): Promise<void>;
}

/** A stand-in for a ward's website on another origin, with hostile CSS the widget must survive. */
export async function startThirdPartySite(): Promise<ThirdPartySite> {
  let script = '';
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phường Cửa Nam</title>
<style>* { font-size: 9px !important; color: #444 !important; } button { display: none !important; }</style></head>
<body><main><h1>Cổng thông tin phường</h1><p>Trang thử nghiệm.</p></main>${script}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  return {
    url: `${origin}/`,
    origin,
    setWidget(widgetSrc, attributes) {
      const attrs = Object.entries(attributes).map(([k, v]) => ` data-${k}="${v}"`).join('');
      script = `<script src="${widgetSrc}"${attrs}></script>`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The two sites a widget test embeds the widget in: one the server allows, one a stranger; closed together. */
export async function startWidgetSites(): Promise<{ allowed: ThirdPartySite; stranger: ThirdPartySite; close(): Promise<void> }> {
  const allowed = await startThirdPartySite();
  const stranger = await startThirdPartySite();
  return { allowed, stranger, close: async () => void (await Promise.all([allowed.close(), stranger.close()])) };
}
