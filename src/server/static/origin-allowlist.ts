/** Normalises configured origins ("https://ward.example/" → "https://ward.example"); invalid ones are dropped. */
export function normalizeOrigins(origins: readonly string[]): string[] {
  return origins.flatMap((o) => {
    try {
      const url = new URL(o.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.origin] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Whether a browser request from `origin` may talk to the chat. No Origin header means a non-browser client
 * (curl, the ws library), which the browser-only allowlist cannot and need not restrict; the page's own host is
 * always allowed so the kiosk works with an empty allowlist.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowlist: readonly string[]): boolean {
  if (!origin) return true;
  if (allowlist.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
