import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Signs and reads the short-lived links that open one dossier's printable page (docs/protocol.md, "Print links"). */
export interface PrintTokens {
  /** A token for one dossier, valid `ttlSeconds` from `now`. */
  issue(reference: string, now?: Date): { token: string; expiresAt: Date };
  /** The dossier a token opens; `expired` for a genuine token past its time; undefined for anything else. */
  read(token: string, now?: Date): { reference: string } | { expired: true } | undefined;
}

export interface PrintTokensOptions {
  /** 32 secret bytes shared by every instance (main.ts derives them from the data key). */
  key: Buffer;
  /** How long a link opens the page; 15 minutes by default. */
  ttlSeconds?: number;
}

const TOKEN = /^([A-Z0-9-]{4,40})\.(\d{9,11})\.([A-Za-z0-9_-]{22})$/;

/**
 * HMAC-signed tokens `<reference>.<expiry>.<mac>`: stateless, so any instance sharing the key can check a link
 * another one issued, with nothing stored and nothing to migrate. They carry no session id and no personal data.
 */
export function createPrintTokens({ key, ttlSeconds = 15 * 60 }: PrintTokensOptions): PrintTokens {
  const mac = (payload: string) => createHmac('sha256', key).update(`print:${payload}`).digest().subarray(0, 16).toString('base64url');
  return {
    issue(reference, now = new Date()) {
      const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
      const payload = `${reference}.${expires}`;
      return { token: `${payload}.${mac(payload)}`, expiresAt: new Date(expires * 1000) };
    },
    read(token, now = new Date()) {
      const match = TOKEN.exec(token);
      if (!match) return undefined;
      const [, reference, expires, given] = match as unknown as [string, string, string, string];
      const expected = Buffer.from(mac(`${reference}.${expires}`));
      const actual = Buffer.from(given);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
      return Number(expires) * 1000 <= now.getTime() ? { expired: true } : { reference };
    },
  };
}

/** The print links' key, derived from the data key: instances sharing DATA_KEY read each other's links. */
export function derivePrintKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'ward-assistant print links', 32));
}
